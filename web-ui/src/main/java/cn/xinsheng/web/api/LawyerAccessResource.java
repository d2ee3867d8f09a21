package cn.xinsheng.web.api;

import cn.xinsheng.cases.application.CaseEventDone;
import cn.xinsheng.cases.application.LawyerService;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Lawyers and a case over HTTP: access granted to a lawyer, and a granted lawyer's written opinion.
 * Shares the root {@code /} (see {@link ProposalResource}).
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class LawyerAccessResource {

  @Inject LawyerService lawyers;

  /** A lawyer to grant access to the case. */
  public record LawyerGrant(@Size(max = 64) @OneLine String lawyer) {}

  @POST
  @Path("/cases/{id}/lawyers")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Grant a lawyer access to this case: {lawyer: username}")
  @StatusCode(201)
  public CaseEventDone grant(
      @PathParam("id") long id, @NotNull(message = "error.body.empty") @Valid LawyerGrant body) {
    return lawyers.grantLawyer(id, body.lawyer());
  }

  @POST
  @Path("/cases/{id}/lawyer-opinions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "A granted lawyer's written opinion: {text}")
  @StatusCode(201)
  public CaseEventDone lawyerOpinion(
      @PathParam("id") long id, @NotNull(message = "error.body.empty") @Valid TextRequest body) {
    return lawyers.lawyerOpinion(id, body.text());
  }
}
