package cn.xinsheng.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class WordingTest {

  private static final ZoneId PRISON = ZoneId.of("Asia/Shanghai");

  @Test
  void aMomentIsSaidInThePrisonsZoneToTheMinute() {
    // the walk of issue 18: due "2026-12-15T22:42:24.435Z" is 06:42 on the 16th in the prison
    assertEquals(
        "2026-12-16 06:42", Wording.minutes(Instant.parse("2026-12-15T22:42:24.435Z"), PRISON));
    assertEquals("2026-12-16 06:42", Wording.minutes("2026-12-15T22:42:24.435Z", PRISON));
    assertEquals(
        "2026-12-02 06:58", Wording.minutes(OffsetDateTime.parse("2026-12-01T22:58Z"), PRISON));
    assertEquals("2026-12-16 06:42:24", Wording.seconds("2026-12-15T22:42:24.435Z", PRISON));
  }

  @Test
  void aDayStaysADayAndNothingIsADash() {
    assertEquals("2026-06-10", Wording.minutes(LocalDate.of(2026, 6, 10), PRISON));
    assertEquals("2026-12-02", Wording.day(Instant.parse("2026-12-01T22:58:00Z"), PRISON));
    assertEquals("—", Wording.minutes(null, PRISON));
    assertEquals("—", Wording.day(null, PRISON));
    assertEquals("not a time", Wording.minutes("not a time", PRISON));
  }

  @Test
  void aDocumentSaysCodesAndReasonsInBothLanguages() {
    assertEquals("同意 Agree", Wording.both("case.vote", "AGREE"));
    assertEquals("提出异议 Object", Wording.both("case.vote,case.opinion", "OBJECT"));
    assertEquals("UNHEARD_OF", Wording.both("case.vote", "UNHEARD_OF"));
    // the court's PDF showed "elig.reduction.first elig.band.middle": now the words, both languages
    String reason =
        Wording.reason(
            "elig.reduction.first", java.util.List.of("elig.band.middle", "24", "2026-01-01", "9"));
    assertEquals(
        "五年以上不满十年有期徒刑：首次减刑须执行满 24 个月，2026-01-01 起可提请，一次最多减 9 个月。"
            + " / Fixed term of 5 to under 10 years: the first reduction needs 24 months served;"
            + " eligible from 2026-01-01, at most 9 months at a time.",
        reason);
    assertEquals("中文 / English", Wording.reason("elig.v2", java.util.List.of("中文", "English")));
  }
}
