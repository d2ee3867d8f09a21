package cn.xinsheng.web.api;

import cn.xinsheng.organisation.application.OrganisationQueries;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The wards and sections with their head counts. */
@Path("/sections")
@Produces(MediaType.APPLICATION_JSON)
public class SectionResource {

  @Inject OrganisationQueries organisation;

  @GET
  @Operation(summary = "Every section with its ward and number of inmates")
  public String list() {
    JsonArrayBuilder array = Json.createArrayBuilder();
    organisation
        .sectionOverview()
        .forEach(
            s ->
                array.add(
                    Json.createObjectBuilder()
                        .add("id", s.sectionId())
                        .add("ward", s.wardName())
                        .add("section", s.sectionName())
                        .add("inmates", s.inmateCount())));
    return array.build().toString();
  }
}
