package cn.xinsheng.ledger.domain;

import static cn.xinsheng.ledger.domain.AssessmentPart.EDUCATION;
import static cn.xinsheng.ledger.domain.AssessmentPart.LABOUR;
import static cn.xinsheng.ledger.domain.AssessmentPart.SANCTION;
import static cn.xinsheng.ledger.domain.AssessmentPart.SPECIAL;
import static cn.xinsheng.ledger.domain.AssessmentPart.SUPERVISION;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The monthly assessment's rules (司规〔2021〕3号), each on its own and together. */
class MonthlyAssessmentTest {

  private static final AssessmentRules RULES = AssessmentRules.DEFAULT;
  private long ids;

  private ScoredItem item(AssessmentPart part, String amount) {
    return new ScoredItem(++ids, part, Points.parse(amount), false);
  }

  private MonthScore month(ScoredItem... items) {
    return MonthlyAssessment.compute(List.of(items), RULES, Points.ZERO);
  }

  @Test
  void aMonthWithoutEntriesEarnsTheBaseOf100SplitIntoTheThreeParts() {
    MonthScore m = month();
    assertEquals(Points.of(35), m.part(SUPERVISION));
    assertEquals(Points.of(35), m.part(EDUCATION));
    assertEquals(Points.of(30), m.part(LABOUR));
    assertEquals(Points.of(100), m.total());
  }

  @Test
  void theSplitIsASetting() {
    AssessmentRules rules =
        new AssessmentRules(
            new PartSplit(40, 30, 30), 50, Points.of(100), Points.of(300), Points.of(600));
    MonthScore m = MonthlyAssessment.compute(List.of(item(SUPERVISION, "30")), rules, Points.ZERO);
    // 40 base + bonus capped at 20 (50% of 40)
    assertEquals(Points.of(60), m.part(SUPERVISION));
    assertEquals(Points.of(120), m.total());
  }

  @Test
  void aPartsBonusIsCappedAtHalfItsBaseAndTheSurplusIsDropped() {
    MonthScore m = month(item(SUPERVISION, "10"), item(SUPERVISION, "10"), item(LABOUR, "16"));
    // supervision: 35 + min(20, 17.5); labour: 30 + min(16, 15)
    assertEquals(Points.parse("52.5"), m.part(SUPERVISION));
    assertEquals(Points.of(45), m.part(LABOUR));
    assertEquals(Points.parse("3.5"), m.discarded());
    assertEquals(Points.parse("132.5"), m.total());
  }

  @Test
  void aSurplusInOnePartNeverOffsetsADeficitInAnother() {
    // education gets 30 bonus (17.5 counted), labour loses 10: the 12.5 surplus stays dropped
    MonthScore m = month(item(EDUCATION, "30"), item(LABOUR, "-10"));
    assertEquals(Points.parse("52.5"), m.part(EDUCATION));
    assertEquals(Points.of(20), m.part(LABOUR));
    assertEquals(Points.parse("107.5"), m.total());
  }

  @Test
  void deductionsAreNotCappedAndAPartMayGoNegative() {
    MonthScore m = month(item(LABOUR, "-20"), item(LABOUR, "-15"), item(LABOUR, "3"));
    assertEquals(Points.of(-2), m.part(LABOUR));
    assertEquals(Points.of(68), m.total());
  }

  @Test
  void specialBonusIsCappedAt100AnEventAnd300AYear() {
    MonthScore oneEvent = month(item(SPECIAL, "150"));
    assertEquals(Points.of(100), oneEvent.specialCounted());
    MonthScore m =
        MonthlyAssessment.compute(
            List.of(item(SPECIAL, "100"), item(SPECIAL, "80")), RULES, Points.of(250));
    // 50 left of the year's 300
    assertEquals(Points.of(50), m.specialCounted());
    assertEquals(Points.of(150), m.total());
    MonthScore spent =
        MonthlyAssessment.compute(List.of(item(SPECIAL, "40")), RULES, Points.of(300));
    assertEquals(Points.ZERO, spent.specialCounted());
    assertEquals(Points.of(40), spent.discarded());
  }

  @Test
  void sanctionsDeductTheirFixedAmountsAndTheMonthMayGoNegative() {
    MonthScore warning = month(item(SANCTION, "-100"));
    assertEquals(Points.ZERO, warning.total());
    MonthScore demerit = month(item(SANCTION, "-200"));
    assertEquals(Points.of(-100), demerit.total());
    MonthScore confinement = month(item(SANCTION, "-400"), item(SUPERVISION, "5"));
    assertEquals(Points.of(-295), confinement.total());
  }

  @Test
  void aCorrectionTakesBackItsFullAmountOutsideTheCaps() {
    List<ScoredItem> items = new ArrayList<>();
    items.add(item(EDUCATION, "20"));
    items.add(new ScoredItem(++ids, SUPERVISION, Points.of(-3), true));
    MonthScore m = MonthlyAssessment.compute(items, RULES, Points.ZERO);
    assertEquals(Points.of(-3), m.corrections());
    assertEquals(Points.parse("114.5"), m.total());
  }

  @Test
  void sixHundredPointsCloseACycleAndANegativeCarryIsKept() {
    CycleProgress p = CycleProgress.advance(Points.of(550), Points.of(100), Points.of(600));
    assertEquals(1, p.cyclesClosed());
    assertEquals(Points.of(50), p.carry());
    CycleProgress exact = CycleProgress.advance(Points.of(500), Points.of(100), Points.of(600));
    assertEquals(1, exact.cyclesClosed());
    assertEquals(Points.ZERO, exact.carry());
    CycleProgress below = CycleProgress.advance(Points.of(499), Points.of(100), Points.of(600));
    assertEquals(0, below.cyclesClosed());
    CycleProgress negative = CycleProgress.advance(Points.of(20), Points.of(-295), Points.of(600));
    assertEquals(0, negative.cyclesClosed());
    assertEquals(Points.of(-275), negative.carry());
    // the debt is paid off before the next cycle can close
    CycleProgress after = CycleProgress.advance(negative.carry(), Points.of(800), Points.of(600));
    assertEquals(0, after.cyclesClosed());
    assertEquals(Points.of(525), after.carry());
    CycleProgress two = CycleProgress.advance(Points.of(500), Points.of(800), Points.of(600));
    assertEquals(2, two.cyclesClosed());
    assertEquals(Points.of(100), two.carry());
  }

  @Test
  void sixMonthsOfBaseMakeOneCycle() {
    Points carry = Points.ZERO;
    int cycles = 0;
    for (int i = 0; i < 6; i++) {
      CycleProgress p = CycleProgress.advance(carry, month().total(), RULES.cyclePoints());
      carry = p.carry();
      cycles += p.cyclesClosed();
    }
    assertEquals(1, cycles);
    assertEquals(Points.ZERO, carry);
  }

  // --- issue 16: the month's basis (DOMAIN §2) ---

  @Test
  void aMonthWithConfinementHasABaseOfZero() {
    MonthScore m =
        MonthlyAssessment.compute(
            List.of(item(SANCTION, "-400"), item(EDUCATION, "10")),
            RULES,
            Points.ZERO,
            new MonthBasis(true, false, 30, 30));
    assertEquals(Points.ZERO, m.part(SUPERVISION));
    // no base, so no room for a bonus: half of 0 is 0
    assertEquals(Points.ZERO, m.part(EDUCATION));
    assertEquals(Points.of(-400), m.total());
  }

  @Test
  void anInmateExcusedFromLabourHasFiftyFiftyOverTheOtherTwo() {
    MonthScore m =
        MonthlyAssessment.compute(
            List.of(item(SUPERVISION, "40")),
            RULES,
            Points.ZERO,
            new MonthBasis(false, true, 31, 31));
    // the bonus cap is half of 50, not half of 35
    assertEquals(Points.of(75), m.part(SUPERVISION));
    assertEquals(Points.of(50), m.part(EDUCATION));
    assertEquals(Points.ZERO, m.part(LABOUR));
    assertEquals(Points.of(125), m.total());
  }

  @Test
  void theAdmissionMonthIsProRated() {
    // admitted on the 21st of a 30-day month: 10 days of 30
    MonthScore m =
        MonthlyAssessment.compute(
            List.of(), RULES, Points.ZERO, new MonthBasis(false, false, 10, 30));
    assertEquals(Points.parse("11.6"), m.part(SUPERVISION));
    assertEquals(Points.parse("11.6"), m.part(EDUCATION));
    assertEquals(Points.of(10), m.part(LABOUR));
    assertEquals(Points.parse("33.2"), m.total());
  }
}
