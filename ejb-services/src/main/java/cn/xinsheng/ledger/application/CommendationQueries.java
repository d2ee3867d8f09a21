package cn.xinsheng.ledger.application;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The ledger as the reduction and parole cases may read it: an inmate's commended assessment cycles
 * (what a proposal cites), cycles by id with their decisions, and every version of the inmate's
 * entries with its review (what a case file lists); and, for the sentence context's engine, who
 * holds a commendation at all. Cases and the engine read these through this port, never the
 * ledger's tables. Answers in the caller's transaction; the calling service checks who may see the
 * inmate.
 */
public interface CommendationQueries {

  /** An assessment cycle with its decision (null fields while undecided). */
  record Cycle(
      long id,
      int number,
      String firstMonth,
      String closedMonth,
      String result,
      String reason,
      String decidedBy) {}

  /**
   * One version of a ledger entry as a case file lists it: its review and evidence ids (comma
   * separated, ascending; empty when none).
   */
  record EntryLine(
      long id,
      String month,
      String clause,
      long amountTenths,
      String fact,
      String recordedBy,
      String review,
      String reviewedBy,
      String reviewReason,
      String evidenceIds,
      Long reverses,
      Long supersedes) {}

  /** The inmate's cycles decided as a commendation or a material reward, by number. */
  List<Cycle> commendations(long inmateId);

  /** These cycles with their decisions, by number; unknown ids are left out. */
  List<Cycle> cycles(Collection<Long> cycleIds);

  /** Every version of the inmate's entries with its review, by month and id. */
  List<EntryLine> entries(long inmateId);

  /**
   * The inmates with at least one cycle decided as a commendation (表扬, {@code PRAISE}; a material
   * reward does not count): the engine derives repentance with major merit from it.
   */
  Set<Long> praisedInmates();
}
