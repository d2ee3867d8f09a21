package cn.xinsheng.readiness.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.readiness.infrastructure.InstrumentFile;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformFactsTest {

  private static Map<String, String> values(PlatformFacts f) {
    Map<String, String> m = new HashMap<>();
    f.derive().forEach((k, v) -> m.put(k, v.value()));
    return m;
  }

  @Test
  void theLedgerSentenceLearningAndSimulationsGiveTheirFactorsAndTheRestIsLeftToTheOfficer() {
    PlatformFacts f = new PlatformFacts("FRAUD", 30, false, true, 6500L, 1, 4, 10, 10, 10, null);
    Map<String, String> v = values(f);
    assertEquals("PROPERTY", v.get("OFFENCE_TYPE"), "fraud is a property offence");
    assertEquals("UNDER_3", v.get("SENTENCE_LENGTH"));
    assertEquals("YES", v.get("RECIDIVIST"));
    assertEquals("HIGH", v.get("POINTS_LAST_12_MONTHS"));
    assertEquals("ONE", v.get("SANCTIONS_LAST_24_MONTHS"));
    assertEquals("DIPLOMA_OR_MANY_CREDITS", v.get("EDUCATION_IN_PRISON"));
    assertEquals("PASSED", v.get("RELEASE_SIMULATIONS"));
    // no date of birth on the platform, no music source yet: the officer's
    assertFalse(v.containsKey("AGE_AT_RELEASE"));
    assertFalse(v.containsKey("MUSIC_PROGRAMME"));
    assertFalse(v.containsKey("HOUSING_ARRANGED"));
    assertEquals(7, v.size());
  }

  @Test
  void thresholdsAndMissingFactsAreNeverGuessed() {
    PlatformFacts life = new PlatformFacts("DUTY", null, true, null, null, null, 0, 10, 0, 0, true);
    Map<String, String> v = values(life);
    assertEquals("OVER_10", v.get("SENTENCE_LENGTH"));
    assertEquals("DUTY_OR_ECONOMIC", v.get("OFFENCE_TYPE"));
    assertEquals("NONE", v.get("EDUCATION_IN_PRISON"));
    assertEquals("NOT_TAKEN", v.get("RELEASE_SIMULATIONS"));
    assertEquals("GRADED", v.get("MUSIC_PROGRAMME"));
    assertFalse(v.containsKey("RECIDIVIST"), "without a sentence record 累犯 is not assumed");
    assertFalse(v.containsKey("POINTS_LAST_12_MONTHS"), "no ledger entry: not scored as low");
    assertFalse(v.containsKey("SANCTIONS_LAST_24_MONTHS"));

    Map<String, String> edges =
        values(new PlatformFacts("VIOLENT", 36, false, false, 2999L, 2, 1, 10, 3, 2, false));
    assertEquals("YEARS_3_TO_10", edges.get("SENTENCE_LENGTH"));
    assertEquals("LOW", edges.get("POINTS_LAST_12_MONTHS"));
    assertEquals("TWO_PLUS", edges.get("SANCTIONS_LAST_24_MONTHS"));
    assertEquals("SOME", edges.get("EDUCATION_IN_PRISON"));
    assertEquals("PARTLY", edges.get("RELEASE_SIMULATIONS"));
    assertEquals("NOT_TAKING_PART", edges.get("MUSIC_PROGRAMME"));
    assertEquals(
        "AVERAGE",
        values(new PlatformFacts("OTHER", 121, false, false, 3000L, 0, 0, 10, 0, 0, null))
            .get("POINTS_LAST_12_MONTHS"));
  }

  @Test
  void everyDerivedValueIsOneTheDefaultInstrumentKnowsAndScoringNeedsTheOfficersValuesToo() {
    RiskInstrument instrument = InstrumentFile.defaultInstrument();
    for (PlatformFacts f :
        new PlatformFacts[] {
          new PlatformFacts("TRAFFIC", 12, false, false, 100L, 0, 0, 10, 1, 0, false),
          new PlatformFacts("ORGANISED_CRIME", 200, false, true, 9000L, 3, 9, 10, 10, 10, true),
          new PlatformFacts("DRUG", null, true, null, null, null, 2, 10, 2, 2, null)
        }) {
      for (Map.Entry<String, PlatformFacts.Derived> d : f.derive().entrySet()) {
        RiskFactor factor =
            instrument.factors().stream()
                .filter(x -> x.code().equals(d.getKey()))
                .findFirst()
                .orElseThrow();
        assertTrue(factor.level(d.getValue().value()).isPresent(), d.getKey());
        assertEquals(RiskFactor.Source.PLATFORM, factor.source(), d.getKey());
      }
      ReadinessRefusal r =
          assertThrows(ReadinessRefusal.class, () -> instrument.score(new FactorValues(values(f))));
      assertEquals("risk.error.factorMissing", r.key());
    }
  }
}
