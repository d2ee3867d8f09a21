package cn.xinsheng.cases.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.organisation.domain.Sentence;
import cn.xinsheng.sentence.domain.Offence;
import cn.xinsheng.sentence.domain.Performance;
import cn.xinsheng.sentence.domain.PropertyPenalty;
import cn.xinsheng.sentence.domain.SentenceChange;
import cn.xinsheng.sentence.domain.SentenceKind;
import cn.xinsheng.sentence.domain.SentenceRecord;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The monthly list's view of the law (issue 16): the engine's answer as one result per kind, on the
 * near-miss edge, with the reasons and their articles in both languages; and the province's
 * settings. The law itself is tested in {@code EligibilityLawTableTest}; the v1 tests that locked
 * in a maximum by sentence band and an invented halving for unpaid property are gone with them.
 */
class EligibilityRulesTest {

  private static final EligibilityRules RULES = EligibilityRules.standard();
  private static final LocalDate START = LocalDate.of(2020, 3, 15);

  private static SentenceRecord fixed(int months, Set<Offence> offences, boolean recidivist) {
    return new SentenceRecord(
        SentenceKind.FIXED,
        months,
        START,
        0,
        false,
        false,
        offences,
        recidivist,
        PropertyPenalty.NONE,
        false,
        false,
        List.of());
  }

  private static List<Eligibility> on(SentenceRecord r, Performance p, LocalDate day) {
    return RULES.results(RULES.engine().evaluate(r, p, day));
  }

  @Test
  void aFifteenYearInmateWithOrdinaryConductGetsNineMonthsNotEighteen() {
    List<Eligibility> e =
        on(fixed(180, Set.of(Offence.OTHER), false), Performance.REPENTANCE, START.plusMonths(24));
    assertEquals(EligibilityOutcome.ELIGIBLE, e.get(0).outcome());
    assertEquals(9, e.get(0).maxMonths());
    assertEquals("2016-23/v2", e.get(0).ruleVersion());
    assertEquals(EligibilityRules.REASON_KEY, e.get(0).reasonKey());
    assertTrue(e.get(0).reasonArgs().get(0).contains("法释〔2016〕23号第六条第二款"));
    assertTrue(e.get(0).reasonArgs().get(1).contains("at most 9 months"));
    assertTrue(e.get(0).reasonArgs().stream().noneMatch(a -> a.contains("|")));
  }

  @Test
  void theNearMissWindowHasAnEdge() {
    SentenceRecord r = fixed(36, Set.of(Offence.OTHER), false);
    LocalDate on = START.plusMonths(12);
    int window = RULES.nearMissDays();
    assertEquals(
        EligibilityOutcome.NEAR_MISS,
        on(r, Performance.REPENTANCE, on.minusDays(window)).get(0).outcome());
    assertEquals(
        EligibilityOutcome.NOT_YET,
        on(r, Performance.REPENTANCE, on.minusDays(window + 1L)).get(0).outcome());
    assertEquals(on, on(r, Performance.REPENTANCE, on.minusDays(1)).get(0).eligibleOn());
  }

  @Test
  void aBannedParoleIsBlockedWithItsArticle() {
    List<Eligibility> e =
        on(fixed(48, Set.of(Offence.OTHER), true), Performance.REPENTANCE, START.plusYears(3));
    assertEquals(EligibilityOutcome.BLOCKED, e.get(1).outcome());
    assertNull(e.get(1).eligibleOn());
    assertTrue(e.get(1).reasonArgs().get(0).contains("累犯不得假释〔刑法第八十一条第二款〕"));
  }

  @Test
  void aLifeTermIsListedWithTheLongestTermItMayBeCommutedTo() {
    SentenceRecord life =
        new SentenceRecord(
            SentenceKind.LIFE,
            null,
            START,
            0,
            false,
            false,
            Set.of(Offence.OTHER),
            false,
            PropertyPenalty.NONE,
            false,
            false,
            List.of());
    List<Eligibility> e = on(life, Performance.REPENTANCE_AND_MERIT, START.plusYears(2));
    assertEquals(EligibilityOutcome.ELIGIBLE, e.get(0).outcome());
    assertEquals(264, e.get(0).maxMonths());
  }

  @Test
  void nothingLeftAboveTheMinimumServedIsBlocked() {
    SentenceRecord r =
        new SentenceRecord(
            SentenceKind.LIFE,
            null,
            START,
            0,
            false,
            false,
            Set.of(Offence.OTHER),
            false,
            PropertyPenalty.NONE,
            false,
            false,
            List.of(
                SentenceChange.toFixed(START.plusYears(2), 156),
                SentenceChange.reduction(START.plusYears(4), 24)));
    // a history that already reached the floor: the term ends 13 years after the life term began
    List<Eligibility> e = on(r, Performance.REPENTANCE, START.plusYears(6));
    assertEquals(EligibilityOutcome.BLOCKED, e.get(0).outcome());
    assertEquals(0, e.get(0).maxMonths());
    assertTrue(e.get(0).reasonArgs().get(0).contains("刑法第七十八条第二款"));
  }

  @Test
  void incompleteFactsBlockBothKindsNamingTheField() {
    List<Eligibility> e = RULES.incomplete("changes[0].months", "缺月数", "no months");
    assertEquals(2, e.size());
    assertTrue(e.stream().allMatch(x -> x.outcome() == EligibilityOutcome.BLOCKED));
    assertTrue(e.get(0).reasonArgs().get(1).contains("changes[0].months"));
  }

  @Test
  void theProvinceSettingsAreData() {
    SentenceFacts plain = SentenceFacts.of(Sentence.fixedTerm(START, 96), START.plusMonths(96));
    assertEquals(5, RULES.postingWorkingDays(plain));
    assertEquals(7, RULES.postingWorkingDays(plain.withStrict()));
    assertTrue(RULES.hearingRequired(plain.withMajorMerit()));
    assertEquals(9, RULES.committeeQuorum());
    assertEquals(false, RULES.commendationMayBeCitedAgain());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            EligibilityRules.parse(
                new ByteArrayInputStream("near-miss-days=x\n".getBytes(StandardCharsets.UTF_8))));
  }
}
