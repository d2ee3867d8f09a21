package cn.xinsheng.cases.application;

import cn.xinsheng.cases.domain.CaseStep;
import cn.xinsheng.cases.domain.CommitteeMeetings.Meeting;
import cn.xinsheng.cases.domain.ReductionCase;
import cn.xinsheng.identity.domain.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Everything a case's file holds, as {@link CaseFiles} reads it for whoever may: the summary, the
 * proposal's basis, the timeline of signed steps and records, the committee's tally, the cycles and
 * ledger entries it rests on, and the warnings of rows that no longer match their audit entries.
 */
public record CaseFile(
    CaseSummary summary,
    String rationale,
    String ruleVersion,
    EligibilityResult eligibility,
    List<TimelineItem> timeline,
    Meeting meeting,
    ReductionCase.Tally tally,
    List<CycleLine> cycles,
    List<LedgerLine> ledger,
    List<String> lawyers,
    LocalDate currentSentenceEnd,
    LocalDate today,
    List<String> integrityWarnings,
    List<String> nonStandard) {

  /**
   * The roles that may send the case back to an earlier step now (by name), empty when none may:
   * while its next step is the prison's, past the proposal and before the submission to the bureau
   * or court, the next step's owner and the execution department.
   */
  public Set<String> rolesThatMayReturn() {
    if (summary.nextStep() == null) {
      return Set.of();
    }
    CaseStep next = CaseStep.valueOf(summary.nextStep());
    if (!next.isInsidePrison()
        || next == CaseStep.PROPOSAL
        || timeline.stream().anyMatch(t -> "SUBMISSION".equals(t.step()))) {
      return Set.of();
    }
    // a set of one when the execution department owns the step itself
    return Set.copyOf(List.of(next.owner().name(), Role.EXECUTION.name()));
  }

  /** The steps before the next one (by name, in the procedure's order): where a return may go. */
  public List<String> returnTargets() {
    if (summary.nextStep() == null) {
      return List.of();
    }
    CaseStep next = CaseStep.valueOf(summary.nextStep());
    return Arrays.stream(CaseStep.values())
        .filter(s -> s.ordinal() < next.ordinal())
        .map(Enum::name)
        .toList();
  }

  /** Whether the case is on the agenda of a meeting this person sits on (who may vote on it). */
  public boolean meetingHasMember(String username) {
    return meeting != null && meeting.members().contains(username);
  }

  /** One row of a case's timeline. */
  public record TimelineItem(
      long id,
      String type,
      String step,
      String signedBy,
      String role,
      Instant at,
      String note,
      String choice,
      Integer months,
      LocalDate onDate,
      String party,
      boolean late,
      Attachment attachment) {}

  /** A file attached to a step (evidence of the case's section): shown on the page and the PDF. */
  public record Attachment(long evidenceId, String name, String sha256) {}

  /** A ledger entry as the case file lists it. */
  public record LedgerLine(
      long id,
      String month,
      String clause,
      String amount,
      String fact,
      String recordedBy,
      String review,
      String reviewedBy,
      String reviewReason,
      String evidenceIds,
      Long reverses,
      Long supersedes) {}

  /** A cycle the proposal cites, with its decision. */
  public record CycleLine(
      long id,
      int number,
      String firstMonth,
      String closedMonth,
      String result,
      String reason,
      String decidedBy,
      String usedBy) {}
}
