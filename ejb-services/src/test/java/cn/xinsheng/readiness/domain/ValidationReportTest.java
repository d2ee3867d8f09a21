package cn.xinsheng.readiness.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationReportTest {

  @Test
  void theAucCountsPairsRankedRightWithTiesAsOneHalf() {
    // positives 0.35 and 0.8, negatives 0.1 and 0.4: of 4 pairs, 3 ranked right
    assertEquals(
        0.75,
        ValidationReport.auc(
            new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true}),
        1e-12);
    // one tie between a positive and a negative counts one half: (1 + 0.5) / 2
    assertEquals(
        0.75,
        ValidationReport.auc(new double[] {0.2, 0.5, 0.5}, new boolean[] {false, false, true}),
        1e-12);
    assertEquals(
        1.0, ValidationReport.auc(new double[] {0.9, 0.1}, new boolean[] {true, false}), 1e-12);
    assertTrue(
        Double.isNaN(ValidationReport.auc(new double[] {0.1, 0.2}, new boolean[] {true, true})));
  }

  @Test
  void theReportCountsEveryCaseOnceInItsLevelAndInEachConfusionTable() {
    RiskInstrument i = RiskInstrumentTest.SMALL;
    List<LabelledCase> cases =
        List.of(
            new LabelledCase(RiskInstrumentTest.values("OLD", "SETTLED"), false), // p 0.119
            new LabelledCase(RiskInstrumentTest.values("YOUNG", "SETTLED"), false), // p 0.231
            new LabelledCase(RiskInstrumentTest.values("OLD", "NONE"), true), // p 0.310
            new LabelledCase(RiskInstrumentTest.values("YOUNG", "NONE"), true)); // p 0.5
    ValidationReport r = ValidationReport.of(i, cases);
    assertEquals(4, r.cases());
    assertEquals(2, r.reoffended());
    assertEquals(1.0, r.auc(), 1e-12);
    assertEquals(
        List.of(0, 1, 2, 0, 1),
        r.calibration().stream().map(ValidationReport.LevelCalibration::cases).toList());
    ValidationReport.Confusion fromMedium = r.confusion().get(1);
    assertEquals(RiskLevel.MEDIUM, fromMedium.from());
    // MEDIUM or higher: 0.231, 0.310, 0.5 flagged; 0.119 not
    assertEquals(2, fromMedium.truePositive());
    assertEquals(1, fromMedium.falsePositive());
    assertEquals(1, fromMedium.trueNegative());
    assertEquals(0, fromMedium.falseNegative());
    assertEquals(1.0, fromMedium.sensitivity(), 1e-12);
    assertEquals(0.5, fromMedium.specificity(), 1e-12);
    for (ValidationReport.Confusion c : r.confusion()) {
      assertEquals(4, c.truePositive() + c.falsePositive() + c.trueNegative() + c.falseNegative());
      assertEquals(2, c.truePositive() + c.falseNegative());
    }
  }

  @Test
  void theSameSeedGivesTheSameCohortAndTheSameAucAnotherSeedAnother() {
    SyntheticCohort.Parameters p = new SyntheticCohort.Parameters(20261202L, 2000, -1.5, 0.8);
    double a =
        ValidationReport.of(
                RiskInstrumentTest.SMALL, SyntheticCohort.generate(RiskInstrumentTest.SMALL, p))
            .auc();
    double b =
        ValidationReport.of(
                RiskInstrumentTest.SMALL, SyntheticCohort.generate(RiskInstrumentTest.SMALL, p))
            .auc();
    assertEquals(a, b, 0.0);
    double c =
        ValidationReport.of(
                RiskInstrumentTest.SMALL,
                SyntheticCohort.generate(
                    RiskInstrumentTest.SMALL, new SyntheticCohort.Parameters(7L, 2000, -1.5, 0.8)))
            .auc();
    assertNotEquals(a, c);
  }

  @Test
  void recalibrationOnTrainingCasesImprovesCalibrationOnHeldOutCasesAndKeepsTheAuc() {
    RiskInstrument i = RiskInstrumentTest.SMALL;
    // the true base rate is well above what the instrument's intercept says
    List<LabelledCase> cohort =
        SyntheticCohort.generate(i, new SyntheticCohort.Parameters(42L, 4000, -0.8, 0.5));
    List<LabelledCase> training = cohort.subList(0, 2000);
    List<LabelledCase> heldOut = cohort.subList(2000, 4000);
    Recalibration fit = Recalibration.fit(i, training);
    RiskInstrument recalibrated = i.recalibrated(fit, "test/1-recal");
    ValidationReport before = ValidationReport.of(i, heldOut);
    ValidationReport after = ValidationReport.of(recalibrated, heldOut);
    assertTrue(fit.slope() > 0, "a positive slope keeps the ranking: " + fit);
    assertEquals(before.auc(), after.auc(), 1e-12);
    assertTrue(
        after.calibrationError() < before.calibrationError() / 2,
        before.calibrationError() + " -> " + after.calibrationError());
  }

  @Test
  void noCasesOrOnlyOneKindOfOutcomeIsRefused() {
    assertEquals(
        "risk.error.noCases",
        assertThrows(
                ReadinessRefusal.class,
                () -> ValidationReport.of(RiskInstrumentTest.SMALL, List.of()))
            .key());
    List<LabelledCase> allReoffended =
        List.of(
            new LabelledCase(RiskInstrumentTest.values("OLD", "SETTLED"), true),
            new LabelledCase(RiskInstrumentTest.values("YOUNG", "NONE"), true));
    assertEquals(
        "risk.error.oneOutcomeOnly",
        assertThrows(
                ReadinessRefusal.class,
                () -> Recalibration.fit(RiskInstrumentTest.SMALL, allReoffended))
            .key());
  }
}
