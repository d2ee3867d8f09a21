package cn.xinsheng.sentence.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Missing or contradictory facts are refused, naming the field, before anything is computed. */
class SentenceRecordTest {

  private static final LocalDate START = LocalDate.of(2020, 3, 15);

  private static SentenceRecord rec(
      SentenceKind kind, Integer months, boolean limited, List<SentenceChange> changes) {
    return new SentenceRecord(
        kind,
        months,
        START,
        0,
        limited,
        false,
        Set.of(Offence.OTHER),
        false,
        PropertyPenalty.NONE,
        false,
        false,
        changes);
  }

  private static String field(Runnable r) {
    return assertThrows(SentenceFactException.class, r::run).field();
  }

  @Test
  void aFixedTermNeedsItsMonths() {
    assertEquals("sentence.months", field(() -> rec(SentenceKind.FIXED, null, false, List.of())));
    assertEquals("sentence.months", field(() -> rec(SentenceKind.FIXED, 301, false, List.of())));
  }

  @Test
  void lifeHasNoMonths() {
    assertEquals("sentence.months", field(() -> rec(SentenceKind.LIFE, 120, false, List.of())));
  }

  @Test
  void limitedReductionIsForDeathWithReprieveOnly() {
    assertEquals(
        "sentence.limitedReduction", field(() -> rec(SentenceKind.LIFE, null, true, List.of())));
  }

  @Test
  void aLifeTermIsCommutedBeforeMonthsAreReduced() {
    assertEquals(
        "changes[0].kind",
        field(
            () ->
                rec(
                    SentenceKind.LIFE,
                    null,
                    false,
                    List.of(SentenceChange.reduction(START.plusYears(3), 9)))));
  }

  @Test
  void aChangeBeforeTheStartOrAfterTheDayIsRefused() {
    assertEquals(
        "changes[0].on",
        field(
            () ->
                rec(
                    SentenceKind.FIXED,
                    96,
                    false,
                    List.of(SentenceChange.reduction(START.minusDays(1), 9)))));
    SentenceRecord r =
        rec(
            SentenceKind.FIXED,
            96,
            false,
            List.of(SentenceChange.reduction(START.plusYears(3), 9)));
    assertEquals(
        "changes[0].on",
        field(
            () -> EligibilityEngine.standard().evaluate(r, Performance.MERIT, START.plusYears(2))));
    assertEquals(
        "asOf",
        field(
            () -> EligibilityEngine.standard().evaluate(r, Performance.MERIT, START.minusDays(1))));
  }

  @Test
  void offencesAreRequired() {
    assertEquals(
        "offences",
        field(
            () ->
                new SentenceRecord(
                    SentenceKind.FIXED,
                    96,
                    START,
                    0,
                    false,
                    false,
                    Set.of(),
                    false,
                    null,
                    false,
                    false,
                    List.of())));
  }

  @Test
  void everyReasonOfTheTableHasItsArticleAndBothLanguages() {
    RuleTable t = RuleTable.standard();
    for (String key :
        List.of(
            "FIRST_WAIT", "INTERVAL", "MAX_BY_PERFORMANCE", "PAROLE_BAN_VIOLENT", "NEW_CRIME")) {
      Reason r = t.reason(key, 1, 2, 3, 4, 5, 6);
      assertEquals(key, r.key());
      org.junit.jupiter.api.Assertions.assertFalse(r.article().isBlank());
    }
  }

  @Test
  void limitedReductionAndLifeWithoutReductionNeedTheirOffences() {
    // 刑法第五十条第二款: limited reduction for recidivists and violent offences only
    assertEquals(
        "sentence.limitedReduction",
        field(
            () ->
                new SentenceRecord(
                    SentenceKind.DEATH_REPRIEVE,
                    null,
                    START,
                    0,
                    true,
                    false,
                    Set.of(Offence.OTHER),
                    false,
                    null,
                    false,
                    false,
                    List.of())));
    new SentenceRecord(
        SentenceKind.DEATH_REPRIEVE,
        null,
        START,
        0,
        true,
        false,
        Set.of(Offence.OTHER),
        true,
        null,
        false,
        false,
        List.of());
    // 刑法第三百八十三条第四款: 终身监禁 for corruption only
    assertEquals(
        "sentence.noReductionOrParole",
        field(
            () ->
                new SentenceRecord(
                    SentenceKind.DEATH_REPRIEVE,
                    null,
                    START,
                    0,
                    false,
                    true,
                    Set.of(Offence.ROBBERY),
                    false,
                    null,
                    false,
                    false,
                    List.of())));
  }

  @Test
  void aServiceDayIsForRulingsThatStartAnIntervalAndComesAfterTheRuling() {
    // 法释〔2016〕23号第四十条第二款: the interval runs from the service of a reduction's ruling
    LocalDate ruled = START.plusYears(1);
    assertEquals(
        "changes[0].servedOn",
        field(
            () ->
                rec(
                    SentenceKind.FIXED,
                    60,
                    false,
                    List.of(SentenceChange.reduction(ruled, 6).served(ruled.minusDays(1))))));
    assertEquals(
        "changes[0].servedOn",
        field(
            () ->
                rec(
                    SentenceKind.DEATH_REPRIEVE,
                    null,
                    false,
                    List.of(SentenceChange.toLife(ruled).served(ruled.plusDays(3))))));
    SentenceChange served = SentenceChange.reduction(ruled, 6).served(ruled.plusDays(5));
    assertEquals(ruled.plusDays(5), served.effectiveFrom());
    assertEquals(ruled, SentenceChange.reduction(ruled, 6).effectiveFrom());
  }

  @Test
  void theLastReductionRulingIsTheLatestReductionOrCommutationToAFixedTerm() {
    LocalDate first = START.plusYears(2);
    LocalDate second = START.plusYears(4);
    assertEquals(
        java.util.Optional.empty(),
        rec(SentenceKind.FIXED, 120, false, List.of()).lastReductionRuling());
    SentenceChange served = SentenceChange.reduction(second, 6).served(second.plusDays(6));
    assertEquals(
        java.util.Optional.of(served),
        rec(SentenceKind.FIXED, 120, false, List.of(SentenceChange.reduction(first, 6), served))
            .lastReductionRuling());
    // 死缓 to life is not a ruling the interval counts from; life to a fixed term is
    SentenceChange toFixed = SentenceChange.toFixed(second, 264).served(second.plusDays(3));
    assertEquals(
        java.util.Optional.of(toFixed),
        rec(
                SentenceKind.DEATH_REPRIEVE,
                null,
                false,
                List.of(SentenceChange.toLife(first), toFixed))
            .lastReductionRuling());
    assertEquals(
        java.util.Optional.empty(),
        rec(SentenceKind.DEATH_REPRIEVE, null, false, List.of(SentenceChange.toLife(first)))
            .lastReductionRuling());
  }
}
