package cn.xinsheng.web.api;

import static cn.xinsheng.web.api.RequestValues.date;
import static cn.xinsheng.web.api.RequestValues.orEmpty;

import cn.xinsheng.cases.application.CaseEventDone;
import cn.xinsheng.cases.application.CaseParticipants;
import cn.xinsheng.cases.application.CommitteeMeeting;
import cn.xinsheng.cases.application.CommitteeService;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The committee over HTTP: its meetings (members and agenda) and a member's vote on a case. Shares
 * the root {@code /} (see {@link ProposalResource}).
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class CommitteeResource {

  @Inject CommitteeService committee;

  @Inject CaseParticipants participants;

  /** A committee member's vote. */
  @JsonbPropertyOrder({"choice", "note"})
  public record VoteRequest(
      @Size(max = 20, message = "case.error.voteChoice") @OneLine String choice,
      @Size(max = 4000, message = "case.error.text") @Text String note) {}

  /** A committee meeting: members (at least nine) and the cases on its agenda. */
  @JsonbPropertyOrder({"heldOn", "title", "members", "cases"})
  public record MeetingRequest(
      @Size(max = 10, message = "case.error.date") @OneLine String heldOn,
      @Size(max = 200, message = "case.error.title") @OneLine String title,
      @Size(max = 100) List<@NotNull @Size(max = 64) @OneLine String> members,
      @Size(max = 100) List<@NotNull Long> cases) {}

  @POST
  @Path("/cases/{id}/votes")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "A committee member's vote: {choice: AGREE|DISAGREE|ABSTAIN, note}")
  @StatusCode(201)
  public CaseEventDone vote(
      @PathParam("id") long id,
      @NotNull(message = "case.error.voteChoice") @Valid VoteRequest body) {
    // the API takes the choice in either case; the service, by its exact name
    String choice = body.choice() == null ? "" : body.choice().toUpperCase(Locale.ROOT);
    return committee.vote(id, choice, body.note());
  }

  @GET
  @Path("/committee/meetings")
  @Operation(summary = "Committee meetings with members and agenda")
  public List<CommitteeMeeting> meetings() {
    return participants.meetings();
  }

  @POST
  @Path("/committee/meetings")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "A meeting: {heldOn?, title, members: [usernames ≥ 9], cases: [ids]}")
  @StatusCode(201)
  public Created meeting(@NotNull(message = "error.body.empty") @Valid MeetingRequest body) {
    long id =
        committee.createMeeting(
            date(body.heldOn(), "heldOn"),
            body.title(),
            orEmpty(body.members()),
            orEmpty(body.cases()));
    return new Created(id);
  }
}
