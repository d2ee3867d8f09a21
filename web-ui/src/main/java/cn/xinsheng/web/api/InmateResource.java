package cn.xinsheng.web.api;

import cn.xinsheng.organisation.application.OrganisationQueries;
import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.organisation.domain.UnknownInmateException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The inmates of the caller's sections (officers and reviewers). */
@Path("/inmates")
@Produces(MediaType.APPLICATION_JSON)
public class InmateResource {

  @Inject OrganisationQueries organisation;

  @GET
  @Operation(summary = "Inmates of the sections the caller is assigned to")
  public Response list() {
    JsonArrayBuilder array = Json.createArrayBuilder();
    organisation.inmatesOfMySections().forEach(i -> array.add(describe(i)));
    return Response.ok(array.build()).build();
  }

  @GET
  @Path("/{prisonerNumber}")
  @Operation(summary = "One inmate of the caller's sections; 404 for any other")
  public Response one(@PathParam("prisonerNumber") String prisonerNumber) {
    try {
      return Response.ok(describe(organisation.inmateInMySections(prisonerNumber))).build();
    } catch (UnknownInmateException e) {
      return SessionResource.error(Response.Status.NOT_FOUND, "error.unknownInmate");
    }
  }

  static JsonObject describe(Inmate inmate) {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("prisonerNumber", inmate.getPrisonerNumber().value())
            .add("name", inmate.getName())
            .add("sectionId", inmate.getSection().getId())
            .add("section", inmate.getSection().getFullName())
            .add("offenceCategory", inmate.getOffenceCategory().name())
            .add("sentenceStart", inmate.getSentence().start().toString())
            .add("lifeSentence", inmate.getSentence().life())
            .add("admissionDate", inmate.getAdmissionDate().toString());
    if (inmate.getSentence().months() != null) {
      b.add("sentenceMonths", inmate.getSentence().months());
    }
    if (inmate.getCurrentSentenceEnd() != null) {
      b.add("currentSentenceEnd", inmate.getCurrentSentenceEnd().toString());
    }
    return b.build();
  }
}
