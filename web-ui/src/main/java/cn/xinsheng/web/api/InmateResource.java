package cn.xinsheng.web.api;

import cn.xinsheng.organisation.application.OrganisationQueries;
import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.organisation.domain.UnknownInmateException;
import cn.xinsheng.platform.Refusal;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
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

  /** An inmate as officers see him; dates ISO (yyyy-MM-dd). */
  @JsonbPropertyOrder({
    "prisonerNumber",
    "name",
    "sectionId",
    "section",
    "offenceCategory",
    "sentenceStart",
    "lifeSentence",
    "admissionDate",
    "sentenceMonths",
    "currentSentenceEnd"
  })
  public record InmateView(
      String prisonerNumber,
      String name,
      long sectionId,
      String section,
      String offenceCategory,
      String sentenceStart,
      boolean lifeSentence,
      String admissionDate,
      Integer sentenceMonths,
      String currentSentenceEnd) {}

  @GET
  @Operation(summary = "Inmates of the sections the caller is assigned to")
  public List<InmateView> list() {
    return organisation.inmatesOfMySections().stream().map(InmateResource::describe).toList();
  }

  @GET
  @Path("/{prisonerNumber}")
  @Operation(summary = "One inmate of the caller's sections; 404 for any other")
  public InmateView one(@PathParam("prisonerNumber") String prisonerNumber) {
    try {
      return describe(organisation.inmateInMySections(prisonerNumber));
    } catch (UnknownInmateException e) {
      throw Refusal.notFound("error.unknownInmate");
    }
  }

  static InmateView describe(Inmate inmate) {
    return new InmateView(
        inmate.getPrisonerNumber().value(),
        inmate.getName(),
        inmate.getSection().getId(),
        inmate.getSection().getFullName(),
        inmate.getOffenceCategory().name(),
        inmate.getSentence().start().toString(),
        inmate.getSentence().life(),
        inmate.getAdmissionDate().toString(),
        inmate.getSentence().months(),
        inmate.getCurrentSentenceEnd() == null ? null : inmate.getCurrentSentenceEnd().toString());
  }
}
