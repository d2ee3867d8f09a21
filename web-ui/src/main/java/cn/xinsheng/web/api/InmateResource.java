package cn.xinsheng.web.api;

import cn.xinsheng.organisation.application.InmateView;
import cn.xinsheng.organisation.application.OrganisationQueries;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The inmates of the caller's sections (officers and reviewers). */
@Path("/inmates")
@Produces(MediaType.APPLICATION_JSON)
public class InmateResource {

  @Inject OrganisationQueries organisation;

  @GET
  @Operation(summary = "Inmates of the sections the caller is assigned to")
  public List<InmateView> list() {
    return organisation.inmateViewsOfMySections();
  }

  @GET
  @Path("/{prisonerNumber}")
  @Operation(summary = "One inmate of the caller's sections; 404 for any other")
  public InmateView one(@PathParam("prisonerNumber") String prisonerNumber) {
    return organisation.inmateViewInMySections(prisonerNumber);
  }
}
