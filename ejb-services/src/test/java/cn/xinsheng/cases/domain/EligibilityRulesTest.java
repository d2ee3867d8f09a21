package cn.xinsheng.cases.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.organisation.domain.Sentence;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of the table on its boundary: the day before it is met, and the day it is. */
class EligibilityRulesTest {

  private static final EligibilityRules RULES = EligibilityRules.standard();
  private static final LocalDate START = LocalDate.of(2020, 3, 15);

  private static SentenceFacts fixed(int months) {
    Sentence s = Sentence.fixedTerm(START, months);
    return SentenceFacts.of(s, s.originalEnd().orElseThrow());
  }

  private static EligibilityOutcome reductionOn(SentenceFacts f, LocalDate day) {
    return RULES.reduction(f, day).outcome();
  }

  @ParameterizedTest(name = "{0} months: first reduction after {1} months, at most {2}")
  @CsvSource({
    // < 5 years: 1 year served, 9 months
    "13, 12, 9", "59, 12, 9",
    // 5-10 years: 1 year 6 months, 1 year
    "60, 18, 12", "119, 18, 12",
    // >= 10 years: 2 years, 1 year 6 months
    "120, 24, 18", "300, 24, 18"
  })
  void firstReductionOnTheDayNotBefore(int months, int wait, int max) {
    SentenceFacts f = fixed(months);
    LocalDate on = START.plusMonths(wait);
    Eligibility dayBefore = RULES.reduction(f, on.minusDays(1));
    Eligibility onTheDay = RULES.reduction(f, on);
    assertEquals(EligibilityOutcome.NEAR_MISS, dayBefore.outcome());
    assertEquals(on, dayBefore.eligibleOn());
    assertEquals(EligibilityOutcome.ELIGIBLE, onTheDay.outcome());
    assertEquals(max, onTheDay.maxMonths());
    assertEquals("elig.reduction.first", onTheDay.reasonKey());
    assertEquals(RULES.version(), onTheDay.ruleVersion());
  }

  @ParameterizedTest(name = "{0} months: next reduction {1} months after the last")
  @CsvSource({"48, 12", "96, 12", "180, 18"})
  void intervalBetweenReductionsOnTheDayNotBefore(int months, int interval) {
    LocalDate last = START.plusMonths(30);
    SentenceFacts f = fixed(months).withReductions(START.plusMonths(14), last);
    LocalDate on = last.plusMonths(interval);
    assertEquals(EligibilityOutcome.NEAR_MISS, reductionOn(f, on.minusDays(1)));
    assertEquals(EligibilityOutcome.ELIGIBLE, reductionOn(f, on));
    assertEquals("elig.reduction.interval", RULES.reduction(f, on).reasonKey());
  }

  @Test
  void nearMissWindowHasAnEdge() {
    SentenceFacts f = fixed(36);
    LocalDate on = START.plusMonths(12);
    int window = RULES.nearMissDays();
    assertEquals(EligibilityOutcome.NEAR_MISS, reductionOn(f, on.minusDays(window)));
    assertEquals(EligibilityOutcome.NOT_YET, reductionOn(f, on.minusDays(window + 1L)));
  }

  @Test
  void majorMeritWaivesTheWaitAndRaisesTheLongBandsMaximum() {
    SentenceFacts f = fixed(180).withMajorMerit();
    LocalDate early = START.plusMonths(3);
    Eligibility e = RULES.reduction(f, early);
    assertEquals(EligibilityOutcome.ELIGIBLE, e.outcome());
    assertEquals("elig.reduction.majorMerit", e.reasonKey());
    assertEquals(24, e.maxMonths());
    assertEquals(9, RULES.reduction(fixed(36).withMajorMerit(), early).maxMonths());
    assertTrue(RULES.hearingRequired(f));
    assertEquals(7, RULES.postingWorkingDays(f));
    assertEquals(5, RULES.postingWorkingDays(fixed(180)));
  }

  @Test
  void unpaidPropertyPenaltyHalvesTheMaximumAndBlocksParole() {
    SentenceFacts f = fixed(60).withPropertyUnpaid();
    LocalDate on = START.plusMonths(40);
    Eligibility r = RULES.reduction(f, on);
    assertEquals(EligibilityOutcome.ELIGIBLE, r.outcome());
    assertEquals(6, r.maxMonths());
    assertEquals("elig.reduction.first.propertyUnpaid", r.reasonKey());
    Eligibility p = RULES.parole(f, on);
    assertEquals(EligibilityOutcome.BLOCKED, p.outcome());
    assertEquals("elig.parole.propertyUnpaid", p.reasonKey());
    assertNull(p.eligibleOn());
  }

  @Test
  void paroleAfterHalfTheTermOnTheDayNotBefore() {
    // 24 months from 2020-03-15 are 730 days (the leap day lies before): half is 365 days
    SentenceFacts f = fixed(24);
    LocalDate half = START.plusDays(365);
    // 25 months are 761 days: half rounds up to 381, a day of a half is served in full
    assertEquals(START.plusDays(381), RULES.parole(fixed(25), START).eligibleOn());
    assertEquals(EligibilityOutcome.NEAR_MISS, RULES.parole(f, half.minusDays(1)).outcome());
    assertEquals(EligibilityOutcome.ELIGIBLE, RULES.parole(f, half).outcome());
    assertEquals(half, RULES.parole(f, half).eligibleOn());
  }

  @Test
  void lifeSentenceParoleAfterThirteenYearsAndCommutationAfterTwo() {
    SentenceFacts life = SentenceFacts.of(Sentence.life(START), null);
    LocalDate thirteen = START.plusYears(13);
    assertEquals(EligibilityOutcome.NEAR_MISS, RULES.parole(life, thirteen.minusDays(1)).outcome());
    assertEquals(EligibilityOutcome.ELIGIBLE, RULES.parole(life, thirteen).outcome());
    assertEquals("elig.parole.life", RULES.parole(life, thirteen).reasonKey());
    LocalDate two = START.plusMonths(24);
    Eligibility before = RULES.reduction(life, two.minusDays(1));
    assertEquals(EligibilityOutcome.NEAR_MISS, before.outcome());
    Eligibility on = RULES.reduction(life, two);
    assertEquals(EligibilityOutcome.ELIGIBLE, on.outcome());
    assertEquals("elig.reduction.life", on.reasonKey());
    assertNull(on.maxMonths(), "a commutation's term is the court's");
    // once commuted, the long band's interval runs from the commutation
    LocalDate commuted = START.plusMonths(30);
    SentenceFacts fixedNow = life.withCommutation(commuted, START.plusYears(25));
    assertEquals(
        EligibilityOutcome.NEAR_MISS, reductionOn(fixedNow, commuted.plusMonths(18).minusDays(1)));
    assertEquals(EligibilityOutcome.ELIGIBLE, reductionOn(fixedNow, commuted.plusMonths(18)));
  }

  @Test
  void aSentenceThatHasEndedIsBlocked() {
    SentenceFacts f = fixed(24);
    LocalDate end = f.currentEnd();
    assertEquals(EligibilityOutcome.ELIGIBLE, reductionOn(f, end.minusDays(1)));
    assertEquals(EligibilityOutcome.BLOCKED, reductionOn(f, end));
    assertEquals("elig.ended", RULES.reduction(f, end).reasonKey());
  }

  @Test
  void theTableIsDataAndABrokenOneIsRefused() {
    String broken = "version=x\nband.short.below-months=60\n";
    assertThrows(
        IllegalArgumentException.class,
        () ->
            EligibilityRules.parse(
                new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8))));
    assertEquals(3, RULES.bands().size());
    assertEquals("2016-23/v1", RULES.version());
  }
}
