package cn.xinsheng.cases.infrastructure;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.cases.application.CaseFile;
import cn.xinsheng.cases.application.CaseSummary;
import cn.xinsheng.cases.application.EligibilityResult;
import cn.xinsheng.cases.domain.ReductionCase;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: the proposal the court reads says its codes and reasons in words. The walk found
 * "REDUCTION ELIGIBLE", "OPEN", "STEP/VOTE", "AGREE" and the keys "elig.reduction.first
 * elig.band.middle" in it, and UTC times.
 */
class CaseDocumentsWordsTest {

  private static final Pattern CODE =
      Pattern.compile(
          "\\b(REDUCTION|ELIGIBLE|OPEN|STEP|VOTE|AGREE|APPROVED|PRAISE|EXECUTION|COMMITTEE|CHANGED|UPHELD|RECHECK)\\b"
              + "|\\b[a-z]+\\.[a-z]+\\.[a-z.]+\\b|\\d{4}-\\d\\d-\\d\\dT");

  @Test
  void theProposalSaysCodesAndReasonsInWords() throws Exception {
    CaseSummary summary =
        new CaseSummary(
            7,
            "JX-2026-0007",
            "3301000008",
            "田华",
            11,
            "一监区/一分监区",
            "REDUCTION",
            3,
            "OPEN",
            "POSTING",
            "EXECUTION",
            LocalDate.of(2026, 6, 17),
            false,
            null,
            null,
            false,
            false,
            Instant.parse("2026-06-01T02:00:00Z"),
            "FIXED_TERM",
            null,
            false,
            "JUDGE",
            false,
            false,
            null,
            null);
    EligibilityResult eligibility =
        new EligibilityResult(
            1,
            1,
            8,
            "3301000008",
            "田华",
            11,
            "REDUCTION",
            "ELIGIBLE",
            LocalDate.of(2026, 1, 1),
            9,
            "elig.reduction.first",
            List.of("elig.band.middle", "24", "2026-01-01", "9"));
    List<CaseFile.TimelineItem> timeline =
        List.of(
            new CaseFile.TimelineItem(
                1,
                "STEP",
                "COMMITTEE",
                "execution1",
                "EXECUTION",
                Instant.parse("2026-06-01T22:58:00Z"),
                "评审通过",
                "APPROVED",
                null,
                null,
                null,
                false,
                null),
            new CaseFile.TimelineItem(
                2,
                "VOTE",
                null,
                "committee1",
                "COMMITTEE",
                Instant.parse("2026-06-01T23:05:00Z"),
                "",
                "AGREE",
                null,
                null,
                null,
                false,
                null));
    CaseFile file =
        new CaseFile(
            summary,
            "该犯认罪悔罪。",
            "2016-23/v1",
            eligibility,
            timeline,
            null,
            new ReductionCase.Tally(9, 7, 1, 1, 5),
            List.of(
                new CaseFile.CycleLine(
                    1, 1, "2025-01", "2025-06", "PRAISE", "表现良好", "reviewer1", null)),
            List.of(
                new CaseFile.LedgerLine(
                    5,
                    "2025-03",
                    "JG-02",
                    "+2",
                    "内务卫生评比第一名",
                    "officer1",
                    "APPROVED",
                    "reviewer1",
                    null,
                    "3",
                    null,
                    null)),
            List.of(),
            LocalDate.of(2027, 12, 22),
            LocalDate.of(2026, 6, 2),
            List.of(),
            List.of());
    byte[] pdf =
        CaseDocuments.proposal(
            file,
            "execution1",
            Instant.parse("2026-06-02T01:00:00Z"),
            ZoneId.of("Asia/Shanghai"),
            java.util.Map.of("execution1", "钱科长", "committee1", "褚明"));
    PdfReader reader = new PdfReader(pdf);
    StringBuilder text = new StringBuilder();
    for (int p = 1; p <= reader.getNumberOfPages(); p++) {
      text.append(new PdfTextExtractor(reader).getTextFromPage(p)).append('\n');
    }
    String t = text.toString();
    assertFalse(CODE.matcher(t).find(), "a code, key or ISO time in the court's PDF:\n" + t);
    // the walk: "制作 Made by prosecutor1"; the court reads people by name, the login beside it
    assertTrue(t.replace(" ", "").contains("Madeby钱科长（execution1）"), t);
    assertTrue(t.contains("褚明（committee1）"), "the voting member by name: " + t);
    assertTrue(t.contains("首次减刑须执行满 24 个月"), t);
    assertTrue(t.contains("2026-06-02 06:58"), "the step at the prison's time: " + t);
    assertTrue(t.contains("同意"), t);
  }

  /**
   * Issue 16: a 复核 that changed the proposal (司法部令第130号第十一条) shows the court the changed amount and
   * the section's original, and the 复核's result, in words.
   */
  @Test
  void aProposalChangedOnRecheckShowsBothAmountsInWords() throws Exception {
    CaseSummary summary =
        new CaseSummary(
            7,
            "JX-2026-0007",
            "3301000008",
            "田华",
            11,
            "一监区/一分监区",
            "REDUCTION",
            6,
            "OPEN",
            "POSTING",
            "EXECUTION",
            null,
            false,
            null,
            null,
            false,
            true,
            Instant.parse("2026-06-01T02:00:00Z"),
            "FIXED_TERM",
            null,
            false,
            "JUDGE",
            true,
            true,
            9,
            null);
    List<CaseFile.TimelineItem> timeline =
        List.of(
            new CaseFile.TimelineItem(
                3,
                "STEP",
                "RECHECK",
                "execution1",
                "EXECUTION",
                Instant.parse("2026-06-10T02:00:00Z"),
                "异议成立：改为六个月",
                "CHANGED",
                6,
                LocalDate.of(2026, 6, 10),
                null,
                false,
                null));
    CaseFile file =
        new CaseFile(
            summary,
            "该犯认罪悔罪。",
            "2016-23/v2",
            null,
            timeline,
            null,
            null,
            List.of(),
            List.of(),
            List.of(),
            LocalDate.of(2027, 12, 22),
            LocalDate.of(2026, 6, 10),
            List.of(),
            List.of());
    byte[] pdf =
        CaseDocuments.proposal(
            file, "execution1", Instant.parse("2026-06-10T03:00:00Z"), ZoneId.of("Asia/Shanghai"));
    PdfReader reader = new PdfReader(pdf);
    StringBuilder text = new StringBuilder();
    for (int p = 1; p <= reader.getNumberOfPages(); p++) {
      text.append(new PdfTextExtractor(reader).getTextFromPage(p)).append('\n');
    }
    String t = text.toString().replace("\n", "");
    assertFalse(CODE.matcher(t).find(), "a code, key or ISO time in the court's PDF:\n" + t);
    assertTrue(t.contains("6 个月"), t);
    assertTrue(t.contains("原建议 9 个月"), t);
    assertTrue(t.contains("复核后变更建议并重新公示"), t);
    assertTrue(t.contains("司法部令第130号第十一条"), t);
    // no posting open and no court posting yet: each named, with nothing after it
    assertTrue(t.contains("监狱公示截止 Prison posting ends: —"), t);
    assertTrue(t.contains("法院公示截止 Court posting ends: —"), t);
  }

  /**
   * The walk: the case page names both postings, the prison's and the court's (法院公示), which the
   * ruling waits for; the PDF the court reads names both too, each its last day as the prison's
   * calendar gives it.
   */
  @Test
  void theProposalNamesThePrisonsAndTheCourtsPosting() throws Exception {
    CaseSummary summary =
        new CaseSummary(
            8,
            "JX-2026-0008",
            "3301000009",
            "李强",
            11,
            "一监区/一分监区",
            "REDUCTION",
            6,
            "OPEN",
            "RULING",
            "JUDGE",
            LocalDate.of(2026, 7, 20),
            false,
            LocalDate.of(2026, 6, 12),
            LocalDate.of(2026, 7, 3),
            false,
            false,
            Instant.parse("2026-06-01T02:00:00Z"),
            "FIXED_TERM",
            LocalDate.of(2026, 7, 20),
            false,
            "JUDGE",
            true,
            false,
            null,
            LocalDate.of(2026, 6, 30));
    CaseFile file =
        new CaseFile(
            summary,
            "该犯认罪悔罪。",
            "2016-23/v2",
            null,
            List.of(),
            null,
            null,
            List.of(),
            List.of(),
            List.of(),
            LocalDate.of(2027, 12, 22),
            LocalDate.of(2026, 7, 1),
            List.of(),
            List.of());
    byte[] pdf =
        CaseDocuments.proposal(
            file, "execution1", Instant.parse("2026-07-01T01:00:00Z"), ZoneId.of("Asia/Shanghai"));
    PdfReader reader = new PdfReader(pdf);
    StringBuilder text = new StringBuilder();
    for (int p = 1; p <= reader.getNumberOfPages(); p++) {
      text.append(new PdfTextExtractor(reader).getTextFromPage(p)).append('\n');
    }
    String t = text.toString().replace("\n", "");
    assertFalse(CODE.matcher(t).find(), "a code, key or ISO time in the court's PDF:\n" + t);
    assertTrue(t.contains("监狱公示截止 Prison posting ends: 2026-06-12"), t);
    assertTrue(t.contains("法院公示截止 Court posting ends: 2026-06-30"), t);
  }
}
