package cn.xinsheng.readiness.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.readiness.domain.RiskInstrument;
import cn.xinsheng.readiness.domain.SyntheticCohort;
import cn.xinsheng.readiness.domain.ValidationReport;
import cn.xinsheng.readiness.infrastructure.InstrumentFile;
import org.junit.jupiter.api.Test;

/** The demo's validation report, as the model card page shows it. */
class SyntheticReportTest {

  private final RiskInstrument instrument = InstrumentFile.defaultInstrument();

  @Test
  void theSameSeedGivesTheSameReportOnTheHeldOutHalf() {
    RiskService.Synthetic a = RiskService.synthetic(instrument, SyntheticCohort.DEMO);
    RiskService.Synthetic b = RiskService.synthetic(instrument, SyntheticCohort.DEMO);
    assertEquals(a.shipped(), b.shipped());
    assertEquals(a.recalibrated(), b.recalibrated());
    assertEquals(RiskService.json(a.shipped()), RiskService.json(b.shipped()));
    assertEquals(2000, a.trainingCases());
    assertEquals(2000, a.heldOutCases());
    assertEquals(2000, a.shipped().cases(), "measured on the held-out half only");
    // the figures docs/risk-model.md prints for this seed
    assertEquals(0.7257, a.shipped().auc(), 0.00005);
    assertEquals(494, a.shipped().reoffended());
    assertEquals(a.shipped().auc(), a.recalibrated().auc(), 1e-12, "recalibration keeps the order");
    assertTrue(a.recalibrated().calibrationError() < a.shipped().calibrationError());

    RiskService.Synthetic other =
        RiskService.synthetic(instrument, new SyntheticCohort.Parameters(7L, 4000, -3.9, 0.8));
    assertNotEquals(a.shipped().auc(), other.shipped().auc());
  }

  @Test
  void theStoredReportSaysNullWhereNothingWasMeasured() {
    ValidationReport r = RiskService.synthetic(instrument, SyntheticCohort.DEMO).shipped();
    String json = RiskService.json(r);
    assertTrue(json.startsWith("{\"instrument\":\"changning-26/uncalibrated-1\""), json);
    assertTrue(json.contains("\"confusion\":[{\"from\":\"FAIRLY_LOW\""), json);
    assertEquals(4, r.confusion().size());
  }
}
