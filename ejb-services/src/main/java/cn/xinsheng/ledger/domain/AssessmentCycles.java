package cn.xinsheng.ledger.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The inmates' 600-point assessment cycles: opening one with the approved entries it spans, and its
 * grading (等级评定): the section's proposals and the prison's answers, the decision that counts. Runs
 * in the caller's transaction; the calling service checks who may ask.
 */
public interface AssessmentCycles {

  /** An inmate's last cycle: its number (0 when he has none) and closing month (null then). */
  record LastCycle(int number, String closedMonth) {}

  /** A section's grading proposal for a cycle; {@code result} is a {@link CycleResult} name. */
  record GradingProposal(long id, long cycleId, String result, String reason, String proposedBy) {}

  Optional<AssessmentCycle> find(long cycleId);

  /** Stores a new cycle and assigns its id at once (its entries refer to it). */
  void store(AssessmentCycle cycle);

  void store(CycleDecision decision);

  LastCycle last(long inmateId);

  /** The month of the inmate's first entry, or {@code orElse} when he has none. */
  String firstEntryMonth(long inmateId, String orElse);

  /** Puts the inmate's approved entries of the months {@code from}..{@code to} into the cycle. */
  void attachApprovedEntries(long cycleId, long inmateId, String from, String to);

  boolean decided(long cycleId);

  /** What the grading criteria weigh: the cycle's sanctions and deductions. */
  Grading.CycleFacts facts(long cycleId);

  /** The latest proposal for the cycle the prison has not answered yet. */
  Optional<GradingProposal> pendingProposal(long cycleId);

  /** Every proposal the prison has not answered yet, oldest first. */
  List<GradingProposal> pendingProposals();

  void propose(long cycleId, String result, String reason, String proposedBy, Instant at);

  void answer(long proposalId, String decision, String reason, String answeredBy, Instant at);

  /**
   * The cycles of these inmates with no decision and no proposal waiting (one the prison rejected
   * may be proposed again).
   */
  List<AssessmentCycle> ungraded(Collection<Long> inmateIds);
}
