package cn.xinsheng.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/xinsheng risk instrument} and {@code risk report}, in process. */
class RiskCommandTest {

  @TempDir Path dir;

  private static String auc(String out) {
    Matcher m = Pattern.compile("AUC (\\d\\.\\d{4})").matcher(out);
    assertTrue(m.find(), out);
    return m.group(1);
  }

  @Test
  void theInstrumentListsItsTwentySixFactorsAndSaysItIsUncalibrated() {
    MusicCommandTest.Run r = MusicCommandTest.run("risk", "instrument");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("未校准 / uncalibrated"), r.out());
    assertTrue(r.out().contains("26 COMMUNITY_SUPPORT"), r.out());
    assertTrue(r.out().contains("出狱后住所 / Housing after release"), r.out());
  }

  @Test
  void theDemoReportFromTheSameSeedGivesTheSameAucAndAnotherSeedAnother() {
    MusicCommandTest.Run a = MusicCommandTest.run("risk", "report");
    MusicCommandTest.Run b = MusicCommandTest.run("risk", "report");
    MusicCommandTest.Run c = MusicCommandTest.run("risk", "report", "--seed", "7");
    assertEquals(0, a.code(), a.err());
    assertEquals(a.out(), b.out());
    assertNotEquals(auc(a.out()), auc(c.out()));
    assertTrue(a.out().contains("synthetic cohort (not real data)"), a.out());
    assertTrue(a.out().contains("after recalibration"), a.out());
  }

  @Test
  void aLabelledFileIsReportedAndABadOneIsRefusedWithItsLine() throws Exception {
    Path made = dir.resolve("cases.csv");
    StringBuilder csv = new StringBuilder();
    String header =
        String.join(
            ",",
            cn.xinsheng.readiness.infrastructure.InstrumentFile.defaultInstrument()
                .factors()
                .stream()
                .map(cn.xinsheng.readiness.domain.RiskFactor::code)
                .toList());
    csv.append(header).append(",reoffended\n");
    var factors = cn.xinsheng.readiness.infrastructure.InstrumentFile.defaultInstrument().factors();
    for (int person = 0; person < 40; person++) {
      StringBuilder line = new StringBuilder();
      int risky = person % 2; // every other person has the second value of every factor
      for (var f : factors) {
        line.append(f.levels().get(risky).code()).append(',');
      }
      // the risky half reoffends more often: 3 in 4 against 1 in 4
      line.append(risky == 1 ? (person % 8 == 1 ? 0 : 1) : (person % 8 == 0 ? 1 : 0));
      csv.append(line).append('\n');
    }
    Files.writeString(made, csv);
    MusicCommandTest.Run ok = MusicCommandTest.run("risk", "report", "--csv", made.toString());
    assertEquals(0, ok.code(), ok.err());
    assertTrue(ok.out().contains("40 cases, 20 reoffended"), ok.out());
    // two kinds of people, 15 of 20 and 5 of 20 reoffended: of 400 pairs 225 ranked right and
    // 150 tied (15*5 + 5*15), AUC = (225 + 150 / 2) / 400
    assertEquals("0.7500", auc(ok.out()));

    Files.writeString(made, csv.toString().replaceFirst("\n([A-Z0-9_]+),", "\nNOT_A_VALUE,"));
    MusicCommandTest.Run bad = MusicCommandTest.run("risk", "report", "--csv", made.toString());
    assertEquals(1, bad.code());
    assertTrue(bad.err().contains("line 2 column AGE_AT_RELEASE"), bad.err());
    assertTrue(bad.err().contains("风险因素"), bad.err());
  }
}
