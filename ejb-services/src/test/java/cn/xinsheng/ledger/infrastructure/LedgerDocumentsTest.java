package cn.xinsheng.ledger.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.ledger.application.EntryView;
import cn.xinsheng.ledger.application.MonthView;
import cn.xinsheng.ledger.domain.AssessmentPart;
import cn.xinsheng.ledger.domain.EntryStatus;
import cn.xinsheng.ledger.domain.Points;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;

/** The printed ledger: Chinese text in a PDF with the font embedded; the same rows in XLSX. */
class LedgerDocumentsTest {

  private static final LedgerDocuments.Heading HEADING =
      new LedgerDocuments.Heading(
          "3301000002",
          "胡鹏",
          "officer1",
          Instant.parse("2026-11-24T02:00:00Z"),
          java.time.ZoneId.of("Asia/Shanghai"));

  private static final List<EntryView> ENTRIES =
      List.of(
          new EntryView(
              7,
              "3301000002",
              "胡鹏",
              12,
              "JG-02",
              "内务卫生评比优秀",
              1,
              AssessmentPart.SUPERVISION,
              Points.of(2),
              "内务卫生检查评为优秀",
              Instant.parse("2026-11-20T01:00:00Z"),
              "2026-11",
              "officer1",
              Instant.parse("2026-11-20T02:00:00Z"),
              EntryStatus.APPROVED,
              "reviewer1",
              null,
              Instant.parse("2026-11-20T03:00:00Z"),
              5L,
              null,
              null,
              List.of(3L),
              null));

  private static final List<MonthView> MONTHS =
      List.of(
          new MonthView(
              1,
              "2026-11",
              "3301000002",
              "胡鹏",
              Points.of(37),
              Points.of(35),
              Points.of(30),
              Points.ZERO,
              Points.ZERO,
              Points.ZERO,
              Points.of(102),
              Points.of(102),
              Points.of(102),
              0,
              1,
              "PUBLISHED",
              null));

  @Test
  void thePdfEmbedsTheChineseFontAndItsTextCanBeRead() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LedgerDocuments.pdf(HEADING, ENTRIES, MONTHS, out);
    byte[] pdf = out.toByteArray();
    assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
    String raw = new String(pdf, StandardCharsets.ISO_8859_1);
    assertTrue(raw.contains("/FontFile2"), "the TrueType font is embedded");
    assertTrue(raw.contains("NotoSansSC"), "it is the shipped font");
    PdfReader reader = new PdfReader(pdf);
    String text = new PdfTextExtractor(reader).getTextFromPage(1);
    assertTrue(text.contains("内务卫生评比优秀"), text);
    assertTrue(text.contains("3301000002"), text);
    // subset: far smaller than the 10 MB font
    assertTrue(pdf.length < 300_000, "size " + pdf.length);
  }

  @Test
  void theWorkbookHoldsTheSameRows() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LedgerDocuments.xlsx(HEADING, ENTRIES, MONTHS, out);
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      // the first entry is on the fifth row (1-based), below the title and the headers
      var row =
          wb.getFirstSheet().read().stream()
              .filter(r -> r.getRowNum() == 5)
              .findFirst()
              .orElseThrow();
      assertEquals("JG-02 (v1)", row.getCellAsString(2).orElse(""));
      assertEquals("+2", row.getCellAsString(4).orElse(""));
      assertEquals("修改自 amends #5", row.getCellAsString(12).orElse(""));
      // issue 18: the status in words, not the code APPROVED
      assertEquals("已通过 Approved", row.getCellAsString(8).orElse(""));
      var months = wb.getSheets().toList().get(1).read();
      assertEquals("102", months.get(1).getCellAsString(7).orElse(""));
    }
  }
}
