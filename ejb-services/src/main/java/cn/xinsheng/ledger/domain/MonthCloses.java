package cn.xinsheng.ledger.domain;

import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The month closes of the sections (月度考核) and what computing one reads: the month's approved items,
 * the entries still open, each inmate's balance after his last locked month, the special bonus
 * counted this year, the approved excusals from labour, and the objections still open against a
 * month. Runs in the caller's transaction; the calling service checks who may ask.
 */
public interface MonthCloses {

  /** Balance and cycle carry after an inmate's last locked month, in tenths. */
  record LockedBalance(long balanceTenths, long cycleCarryTenths) {}

  Optional<MonthClose> find(long closeId);

  /** The section-month's current close (the latest computed), if any. */
  Optional<MonthClose> current(long sectionId, YearMonth month);

  /** The steps a close has gone through (computed, approved, published, locked). */
  List<MonthCloseStep> steps(long closeId);

  /** Stores a new close and assigns its id at once (its results refer to it). */
  void store(MonthClose close);

  void store(MonthResult result);

  void store(MonthCloseStep step);

  /** The close's results that completed at least one 600-point cycle. */
  List<MonthResult> completingCycles(long closeId);

  /** Entries of the section-month still waiting for review or amendment. */
  long openEntries(long sectionId, YearMonth month);

  /** The section-month's approved items (corrections included), by inmate id. */
  Map<Long, List<ScoredItem>> approvedItems(long sectionId, YearMonth month);

  /** Per inmate: balance and carry after his last locked month before {@code month}. */
  Map<Long, LockedBalance> lockedBalances(Collection<Long> inmateIds, YearMonth month);

  /**
   * Per inmate: the special bonus counted in locked months of {@code month}'s year before it, in
   * tenths.
   */
  Map<Long, Long> specialCountedThisYear(Collection<Long> inmateIds, YearMonth month);

  /** The approved excusals from labour of the section's inmates, by inmate id (issue 16). */
  Map<Long, List<LabourExcusal>> approvedExcusals(long sectionId);

  /** Objections to the section-month (or to one of its entries) not yet closed. */
  long openObjections(long sectionId, String month);
}
