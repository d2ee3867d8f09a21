package cn.xinsheng.readiness.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RiskInstrumentTest {

  static final RiskFactor AGE =
      new RiskFactor(
          "AGE",
          RiskFactor.Kind.STATIC,
          RiskFactor.Source.PLATFORM,
          "年龄",
          "Age",
          List.of(
              new FactorLevel("OLD", 0, "年长", "older"),
              new FactorLevel("YOUNG", 0.8, "年轻", "young")));

  static final RiskFactor HOUSING =
      new RiskFactor(
          "HOUSING",
          RiskFactor.Kind.DYNAMIC,
          RiskFactor.Source.OFFICER,
          "住所",
          "Housing",
          List.of(
              new FactorLevel("SETTLED", 0, "已落实", "settled"),
              new FactorLevel("NONE", 1.2, "未落实", "none")));

  static final RiskInstrument SMALL =
      new RiskInstrument(
          "test/1", false, "测试", "test", -2, List.of(0.1, 0.2, 0.35, 0.5), List.of(AGE, HOUSING));

  static FactorValues values(String age, String housing) {
    return new FactorValues(Map.of("AGE", age, "HOUSING", housing));
  }

  @Test
  void theLogOddsAreTheInterceptPlusEveryContributionLargestFirst() {
    RiskScore s = SMALL.score(values("YOUNG", "NONE"));
    assertEquals(-2 + 0.8 + 1.2, s.logOdds(), 1e-12);
    assertEquals(1 / (1 + Math.exp(0)), s.probability(), 1e-12);
    assertEquals(
        RiskLevel.HIGH, s.level(), "0.5 is the last cut-off, and a cut-off is in the higher level");
    assertEquals(
        List.of("HOUSING", "AGE"), s.contributions().stream().map(Contribution::factor).toList());
    assertEquals("未落实", s.contributions().get(0).valueZh());
    assertEquals(false, s.calibrated());
  }

  @Test
  void levelsFollowTheCutOffsWithACutOffInTheHigherLevel() {
    assertEquals(RiskLevel.LOW, SMALL.level(0.0999));
    assertEquals(RiskLevel.FAIRLY_LOW, SMALL.level(0.10));
    assertEquals(RiskLevel.MEDIUM, SMALL.level(0.20));
    assertEquals(RiskLevel.FAIRLY_HIGH, SMALL.level(0.35));
    assertEquals(RiskLevel.FAIRLY_HIGH, SMALL.level(0.4999));
    assertEquals(RiskLevel.HIGH, SMALL.level(0.5));
    // -2 alone: p = 0.119
    assertEquals(RiskLevel.FAIRLY_LOW, SMALL.score(values("OLD", "SETTLED")).level());
  }

  @Test
  void aMissingUnknownOrExtraFactorIsRefusedNamingItNeverScoredAsTheReference() {
    ReadinessRefusal missing =
        assertThrows(
            ReadinessRefusal.class, () -> SMALL.score(new FactorValues(Map.of("AGE", "OLD"))));
    assertEquals("risk.error.factorMissing", missing.key());
    assertEquals("HOUSING", missing.subject());
    ReadinessRefusal unknown =
        assertThrows(ReadinessRefusal.class, () -> SMALL.score(values("OLD", "CAVE")));
    assertEquals("risk.error.factorValue", unknown.key());
    assertEquals("HOUSING", unknown.subject());
    ReadinessRefusal extra =
        assertThrows(
            ReadinessRefusal.class,
            () ->
                SMALL.score(
                    new FactorValues(Map.of("AGE", "OLD", "HOUSING", "NONE", "SHOE_SIZE", "42"))));
    assertEquals("risk.error.factorUnknown", extra.key());
    assertEquals("SHOE_SIZE", extra.subject());
  }

  @Test
  void anInstrumentWithoutFourRisingCutOffsOrWithAFactorTwiceIsNotAnInstrument() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new RiskInstrument("x", false, "z", "e", 0, List.of(0.1, 0.2, 0.5), List.of(AGE)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new RiskInstrument("x", false, "z", "e", 0, List.of(0.1, 0.3, 0.2, 0.5), List.of(AGE)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new RiskInstrument(
                "x", false, "z", "e", 0, List.of(0.1, 0.2, 0.3, 0.5), List.of(AGE, AGE)));
  }

  @Test
  void recalibrationKeepsTheOrderAndMovesTheProbabilities() {
    RiskInstrument r = SMALL.recalibrated(new Recalibration(0.5, 0.5, 100), "test/1-recal");
    assertTrue(r.calibrated());
    RiskScore before = SMALL.score(values("YOUNG", "SETTLED"));
    RiskScore after = r.score(values("YOUNG", "SETTLED"));
    assertEquals(0.5 + 0.5 * before.logOdds(), after.logOdds(), 1e-12);
    assertTrue(r.basisEn().contains("recalibrated on this prison's outcomes (100 cases)"));
  }
}
