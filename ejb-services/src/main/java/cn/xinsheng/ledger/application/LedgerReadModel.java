package cn.xinsheng.ledger.application;

import cn.xinsheng.auditlog.application.BoundRecords;
import cn.xinsheng.ledger.domain.CloseState;
import cn.xinsheng.ledger.domain.MonthCloseStep;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the ledger's query services share: entries checked against the audit log (the entry's row,
 * its review's and its evidence's, as the log bound them; a difference becomes the entry's visible
 * warning), and months with their close's state and objection window. Runs in the caller's
 * transaction; the calling service checks who may read.
 */
@jakarta.enterprise.context.ApplicationScoped
public class LedgerReadModel {

  @jakarta.inject.Inject LedgerRecords records;
  @jakarta.inject.Inject BoundRecords bound;

  /** The entries as read, each checked against what the audit log bound. */
  public List<EntryView> checked(List<LedgerReads.EntryRow> rows) {
    List<EntryView> list = new ArrayList<>(rows.stream().map(LedgerReads.EntryRow::view).toList());
    if (list.isEmpty()) {
      return list;
    }
    Map<Long, Long> reviewIds = new HashMap<>();
    for (LedgerReads.EntryRow r : rows) {
      if (r.reviewId() != null) {
        reviewIds.put(r.view().id(), r.reviewId());
      }
    }
    Map<Long, String> entries =
        bound.mismatches(
            cn.xinsheng.ledger.infrastructure.PointEntryBinding.TABLE,
            list.stream().map(EntryView::id).toList());
    Map<Long, String> reviews =
        bound.mismatches(
            cn.xinsheng.ledger.infrastructure.EntryReviewBinding.TABLE, reviewIds.values());
    Map<Long, String> evidence =
        bound.mismatches(
            cn.xinsheng.evidence.infrastructure.EvidenceBinding.TABLE,
            list.stream().flatMap(e -> e.evidenceIds().stream()).distinct().toList());
    if (entries.isEmpty() && reviews.isEmpty() && evidence.isEmpty()) {
      return list;
    }
    List<EntryView> out = new ArrayList<>(list.size());
    for (EntryView e : list) {
      List<String> found = new ArrayList<>();
      if (entries.containsKey(e.id())) {
        found.add(entries.get(e.id()));
      }
      Long review = reviewIds.get(e.id());
      if (review != null && reviews.containsKey(review)) {
        found.add(reviews.get(review));
      }
      e.evidenceIds().stream()
          .filter(evidence::containsKey)
          .forEach(id -> found.add(evidence.get(id)));
      out.add(found.isEmpty() ? e : e.withIntegrityWarning(String.join("；", found)));
    }
    return out;
  }

  /** The months as read, each with its close's state and the end of its objection window. */
  public List<MonthView> withStates(List<MonthView> months) {
    Map<Long, String> states = new HashMap<>();
    Map<Long, LocalDate> windows = new HashMap<>();
    List<MonthView> out = new ArrayList<>(months.size());
    for (MonthView m : months) {
      long closeId = m.closeId();
      String state = states.computeIfAbsent(closeId, this::closeState);
      LocalDate window =
          windows.computeIfAbsent(
              closeId,
              id ->
                  Optional.ofNullable(records.steps(id).get("PUBLISHED"))
                      .map(MonthCloseStep::getWindowEnds)
                      .orElse(null));
      out.add(m.withState(state, window));
    }
    return out;
  }

  /** A close's state: COMPUTED, APPROVED, PUBLISHED or LOCKED. */
  public String closeState(long closeId) {
    return CloseState.of(records.steps(closeId).keySet());
  }
}
