package cn.xinsheng.readiness.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.readiness.domain.RiskFactor;
import cn.xinsheng.readiness.domain.RiskInstrument;
import cn.xinsheng.readiness.domain.SyntheticCohort;
import cn.xinsheng.readiness.domain.ValidationReport;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InstrumentFileTest {

  @Test
  void theDefaultInstrumentHas26StaticAndDynamicFactorsFiveLevelsAndSaysItIsUncalibrated() {
    RiskInstrument i = InstrumentFile.defaultInstrument();
    assertEquals(26, i.factors().size());
    assertEquals(12, i.factors().stream().filter(f -> f.kind() == RiskFactor.Kind.STATIC).count());
    assertEquals(14, i.factors().stream().filter(f -> f.kind() == RiskFactor.Kind.DYNAMIC).count());
    assertEquals(4, i.cutoffs().size());
    assertFalse(i.calibrated());
    assertTrue(i.basisZh().contains("社区矫正") && i.basisZh().contains("未经拟合"), i.basisZh());
    assertTrue(i.basisEn().contains("not on prisoners"), i.basisEn());
    for (RiskFactor f : i.factors()) {
      assertEquals(
          0.0, f.levels().get(0).weight(), f.code() + ": the first value is the reference");
    }
  }

  @Test
  void theDemoCohortFromItsSeedGivesAStableReport() {
    RiskInstrument i = InstrumentFile.defaultInstrument();
    SyntheticCohort.Parameters demo = new SyntheticCohort.Parameters(20261202L, 3000, -3.9, 0.8);
    ValidationReport r = ValidationReport.of(i, SyntheticCohort.generate(i, demo));
    ValidationReport again = ValidationReport.of(i, SyntheticCohort.generate(i, demo));
    assertEquals(r.auc(), again.auc(), 0.0);
    assertEquals(r.reoffended(), again.reoffended());
    // every level is used by a cohort drawn this way, so each row of the report means something
    r.calibration().forEach(l -> assertTrue(l.cases() > 0, l.toString()));
    assertTrue(r.auc() > 0.5 && r.auc() < 0.95, "AUC " + r.auc());
    // recalibrated on another cohort, the order is kept: the same AUC to the last digit
    RiskInstrument recalibrated =
        i.recalibrated(
            cn.xinsheng.readiness.domain.Recalibration.fit(
                i,
                SyntheticCohort.generate(i, new SyntheticCohort.Parameters(1L, 3000, -3.5, 0.8))),
            "recalibrated");
    assertEquals(
        r.auc(), ValidationReport.of(recalibrated, SyntheticCohort.generate(i, demo)).auc(), 0.0);
  }

  @Test
  void aMalformedFileIsRefusedNamingTheKey() {
    String noIntercept =
        "id=x\ncalibrated=false\nbasis.zh=z\nbasis.en=e\ncutoffs=0.1,0.2,0.3,0.4\nfactors=A\n"
            + "factor.A=STATIC|OFFICER|甲|A\nfactor.A.values=NO:0:否:no;YES:1:是:yes\n";
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                InstrumentFile.read(
                    new ByteArrayInputStream(noIntercept.getBytes(StandardCharsets.UTF_8))));
    assertTrue(e.getMessage().contains("intercept"), e.getMessage());
    String badWeight = noIntercept.replace("YES:1", "YES:lots") + "intercept=-1\n";
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                InstrumentFile.read(
                    new ByteArrayInputStream(badWeight.getBytes(StandardCharsets.UTF_8))));
    assertTrue(e.getMessage().contains("factor.A.values"), e.getMessage());
  }
}
