package cn.xinsheng.sentence.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.sentence.application.SentenceHistory;
import cn.xinsheng.sentence.domain.ChangeKind;
import cn.xinsheng.sentence.domain.Offence;
import cn.xinsheng.sentence.domain.PropertyPenalty;
import cn.xinsheng.sentence.domain.SentenceChange;
import cn.xinsheng.sentence.domain.SentenceKind;
import cn.xinsheng.sentence.domain.SentenceRecord;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sentence's history as the cases' port gives it (issue 13: typed rows, not the table's
 * columns), folded into what the engine counts from.
 */
class SentenceHistoryFoldTest {

  private static final LocalDate D1 = LocalDate.of(2019, 3, 1);
  private static final LocalDate D2 = LocalDate.of(2021, 6, 15);

  private static SentenceHistory.Fact fact(
      long inmate, String kind, boolean active, LocalDate on, Integer months) {
    return new SentenceHistory.Fact(inmate, kind, active, on, months);
  }

  @Test
  void anActiveEarlierReductionCountsAfterTheRecordedChanges() {
    SentenceStore.History h =
        SentenceStore.fold(
            List.of(new SentenceHistory.Change(1, SentenceChange.reduction(D2, 6))),
            List.of(
                fact(1, "PRIOR_REDUCTION", true, D1, 8),
                fact(1, "PRIOR_REDUCTION", false, D1, 4),
                fact(2, "PRIOR_REDUCTION", true, D1, null)));
    assertEquals(
        List.of(
            SentenceChange.reduction(D2, 6), new SentenceChange(ChangeKind.REDUCTION, D1, 8, null)),
        h.changes().get(1L));
    // without its months it still counts, so the engine refuses the record, naming the field
    assertEquals(
        List.of(new SentenceChange(ChangeKind.REDUCTION, D1, null, null)), h.changes().get(2L));
    assertEquals(Map.of(), h.facts(), "an earlier reduction is a change, not a fact in force");
  }

  @Test
  void theLatestFactOfAKindIsInForce() {
    SentenceStore.History h =
        SentenceStore.fold(
            List.of(),
            List.of(
                fact(3, "STRICT", true, D1, null),
                fact(3, "PROPERTY_UNPAID", true, D1, null),
                fact(3, "STRICT", false, D2, null)));
    assertFalse(h.facts().get(3L).get("STRICT").active(), "the later row withdrew it");
    assertTrue(h.facts().get(3L).get("PROPERTY_UNPAID").active());
    assertEquals(Map.of(), h.changes());
  }

  @Test
  void aCommutedLifeTermAndTheOlderFactsBuildTheRecord() {
    Map<String, SentenceHistory.Fact> facts =
        SentenceStore.fold(
                List.of(),
                List.of(
                    fact(4, "LIFE_COMMUTED", true, D1, 240),
                    fact(4, "STRICT", true, D1, null),
                    fact(4, "PROPERTY_UNPAID", true, D1, null)))
            .facts()
            .get(4L);
    SentenceRecord r =
        SentenceStore.build(LocalDate.of(2012, 5, 2), null, true, null, facts, List.of());
    assertEquals(SentenceKind.LIFE, r.kind());
    assertEquals(List.of(SentenceChange.toFixed(D1, 240)), r.changes());
    assertEquals(java.util.Set.of(Offence.STRICT_OTHER), r.offences());
    assertEquals(PropertyPenalty.UNPAID_ABLE, r.propertyPenalty());

    // a fixed term has nothing to commute, and without facts the offence is "other"
    SentenceRecord fixed =
        SentenceStore.build(LocalDate.of(2012, 5, 2), 120, false, null, Map.of(), List.of());
    assertEquals(SentenceKind.FIXED, fixed.kind());
    assertEquals(120, fixed.months());
    assertEquals(List.of(), fixed.changes());
    assertEquals(java.util.Set.of(Offence.OTHER), fixed.offences());
    assertEquals(PropertyPenalty.NONE, fixed.propertyPenalty());
  }
}
