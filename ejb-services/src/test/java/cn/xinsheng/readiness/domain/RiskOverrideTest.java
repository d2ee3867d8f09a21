package cn.xinsheng.readiness.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RiskOverrideTest {

  private static final String REASON = "已落实住所和工作，家属每月探视，近两年无违纪。";

  private static String refused(
      RiskLevel decided, String reason, String officer, String secondOfficer) {
    return assertThrows(
            ReadinessRefusal.class,
            () -> new RiskOverride(RiskLevel.HIGH, decided, reason, officer, secondOfficer))
        .key();
  }

  @Test
  void anOverrideNeedsAReasonAndASecondDifferentOfficer() {
    assertEquals(
        "risk.error.overrideReason", refused(RiskLevel.MEDIUM, null, "officer1", "officer2"));
    assertEquals(
        "risk.error.overrideReason", refused(RiskLevel.MEDIUM, "   ", "officer1", "officer2"));
    assertEquals(
        "risk.error.overrideReason", refused(RiskLevel.MEDIUM, "同意。", "officer1", "officer2"));
    assertEquals("risk.error.overrideSecond", refused(RiskLevel.MEDIUM, REASON, "officer1", null));
    assertEquals("risk.error.overrideSecond", refused(RiskLevel.MEDIUM, REASON, "officer1", " "));
    assertEquals(
        "risk.error.overrideSameOfficer",
        refused(RiskLevel.MEDIUM, REASON, "officer1", "officer1"));
    assertEquals("risk.error.overrideOfficer", refused(RiskLevel.MEDIUM, REASON, null, "officer2"));
    assertEquals(
        "risk.error.overrideSame", refused(RiskLevel.HIGH, REASON, "officer1", "officer2"));
  }

  @Test
  void aReasonedOverrideSignedByTwoOfficersStandsWithItsReasonTrimmed() {
    RiskOverride o =
        new RiskOverride(
            RiskLevel.HIGH, RiskLevel.MEDIUM, "  " + REASON + "\n", "officer1", "officer2");
    assertEquals(REASON, o.reason());
    assertEquals(RiskLevel.MEDIUM, o.decided());
  }

  @Test
  void everyRefusalSaysWhatIsWrongInChineseAndEnglish() throws Exception {
    java.util.Properties messages = new java.util.Properties();
    try (var in =
        getClass().getResourceAsStream("/cn/xinsheng/readiness/readiness-messages.properties")) {
      messages.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    java.util.Set<String> keys = new java.util.TreeSet<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"((?:risk|plan|scenario|attempt)\\.error\\.[A-Za-z]+)\"")
            .matcher(
                source("domain/RiskOverride.java")
                    + source("domain/RiskInstrument.java")
                    + source("domain/Recalibration.java")
                    + source("domain/ValidationReport.java")
                    + source("domain/ItemUpdate.java")
                    + source("domain/ReleasePlan.java")
                    + source("domain/Scenario.java")
                    + source("domain/ScenarioAttempt.java")
                    + source("domain/Text.java")
                    + source("infrastructure/ScenarioJson.java")
                    + source("infrastructure/LabelledCsv.java"));
    while (m.find()) {
      keys.add(m.group(1));
    }
    org.junit.jupiter.api.Assertions.assertTrue(keys.size() >= 10, keys.toString());
    for (String k : keys) {
      org.junit.jupiter.api.Assertions.assertNotNull(messages.getProperty(k + ".zh"), k);
      org.junit.jupiter.api.Assertions.assertNotNull(messages.getProperty(k + ".en"), k);
    }
    ReadinessRefusal r = new ReadinessRefusal("risk.error.factorMissing", "HOUSING_ARRANGED");
    assertEquals("缺少风险因素 HOUSING_ARRANGED 的取值。", r.zh());
    assertEquals("No value is given for the risk factor HOUSING_ARRANGED.", r.en());
  }

  private static String source(String file) throws java.io.IOException {
    return java.nio.file.Files.readString(
        java.nio.file.Path.of("src/main/java/cn/xinsheng/readiness/" + file));
  }
}
