package cn.xinsheng.ledger.infrastructure;

import cn.xinsheng.ledger.application.EntryView;
import cn.xinsheng.ledger.application.MonthView;
import cn.xinsheng.platform.ChineseFont;
import cn.xinsheng.platform.PrisonTime;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * An inmate's ledger as the documents officers print and courts file: an XLSX workbook (entries,
 * months) and a PDF with the embedded Chinese font. Both name where every entry can be verified.
 */
public final class LedgerDocuments {

  private LedgerDocuments() {}

  /** Who the ledger is about and who made the document. */
  public record Heading(
      String prisonerNumber, String name, String madeBy, Instant madeAt, ZoneId zone) {

    /** Moments as the prison reads them. */
    DateTimeFormatter when() {
      return DateTimeFormatter.ofPattern(PrisonTime.MINUTES).withZone(zone);
    }
  }

  private static final String[] ENTRY_HEADERS = {
    "编号 No.",
    "月份 Month",
    "条款 Clause",
    "规则 Rule",
    "分值 Amount",
    "事实 Fact",
    "发生时间 Occurred",
    "录入人 Recorded by",
    "状态 Status",
    "审核人 Reviewed by",
    "审核意见 Review note",
    "证据 Evidence",
    "关联 Links"
  };
  private static final String[] MONTH_HEADERS = {
    "月份 Month",
    "监管改造",
    "教育和文化改造",
    "劳动改造",
    "专项加分 Special",
    "处分及更正 Sanctions",
    "未计入 Discarded",
    "月度得分 Total",
    "累计 Balance",
    "周期结余 Cycle carry",
    "状态 State"
  };

  public static void xlsx(
      Heading h, List<EntryView> entries, List<MonthView> months, OutputStream out)
      throws IOException {
    Workbook wb = new Workbook(out, "Xinsheng", "1.0");
    Worksheet ws = wb.newWorksheet("计分明细 Entries");
    ws.value(0, 0, "计分考核明细 / Points ledger: " + h.prisonerNumber() + " " + h.name());
    ws.value(1, 0, "导出人 / made by " + h.madeBy() + ", " + h.when().format(h.madeAt()));
    for (int c = 0; c < ENTRY_HEADERS.length; c++) {
      ws.value(3, c, ENTRY_HEADERS[c]);
      ws.style(3, c).bold().set();
    }
    int r = 4;
    for (EntryView e : entries) {
      String[] row = entryRow(e, h.when());
      for (int c = 0; c < row.length; c++) {
        ws.value(r, c, row[c]);
      }
      r++;
    }
    Worksheet ms = wb.newWorksheet("月度考核 Months");
    for (int c = 0; c < MONTH_HEADERS.length; c++) {
      ms.value(0, c, MONTH_HEADERS[c]);
      ms.style(0, c).bold().set();
    }
    r = 1;
    for (MonthView m : months) {
      String[] row = monthRow(m);
      for (int c = 0; c < row.length; c++) {
        ms.value(r, c, row[c]);
      }
      r++;
    }
    wb.finish();
  }

  public static void pdf(
      Heading h, List<EntryView> entries, List<MonthView> months, OutputStream out)
      throws IOException {
    Document doc = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
    try {
      PdfWriter.getInstance(doc, out);
      doc.addTitle("计分考核明细 " + h.prisonerNumber());
      doc.addCreator("Xinsheng 新生");
      doc.open();
      doc.add(new Paragraph("计分考核明细 / Points ledger", ChineseFont.bold(16)));
      doc.add(
          new Paragraph(
              "罪犯编号 "
                  + h.prisonerNumber()
                  + "  姓名 "
                  + h.name()
                  + "    导出人 "
                  + h.madeBy()
                  + "  "
                  + h.when().format(h.madeAt()),
              ChineseFont.font(10)));
      doc.add(new Paragraph(" ", ChineseFont.font(6)));
      doc.add(new Paragraph("月度考核 / Months", ChineseFont.bold(12)));
      doc.add(table(MONTH_HEADERS, months.stream().map(LedgerDocuments::monthRow).toList(), 8));
      doc.add(new Paragraph(" ", ChineseFont.font(6)));
      doc.add(new Paragraph("计分记录 / Entries", ChineseFont.bold(12)));
      doc.add(table(ENTRY_HEADERS, entries.stream().map(e -> entryRow(e, h.when())).toList(), 7));
      doc.add(new Paragraph(" ", ChineseFont.font(6)));
      doc.add(
          new Paragraph(
              "每条记录及其审核均记入防篡改审计日志；可导出该服刑人员的审计记录（/api/v1/audit/export?inmate="
                  + h.prisonerNumber()
                  + "），用 bin/xinsheng verify 或 xinsheng-verify.jar 离线核验。 / Every entry and review is"
                  + " in the tamper-evident audit log: export this inmate's records and verify them"
                  + " offline.",
              ChineseFont.font(8)));
    } catch (DocumentException e) {
      throw new IOException(e);
    } finally {
      if (doc.isOpen()) {
        doc.close();
      }
    }
  }

  private static PdfPTable table(String[] headers, List<String[]> rows, float size) {
    PdfPTable t = new PdfPTable(headers.length);
    t.setWidthPercentage(100);
    t.setHeaderRows(1);
    for (String head : headers) {
      PdfPCell c = new PdfPCell(new Phrase(head, ChineseFont.bold(size)));
      c.setHorizontalAlignment(Element.ALIGN_CENTER);
      c.setGrayFill(0.9f);
      t.addCell(c);
    }
    for (String[] row : rows) {
      for (String cell : row) {
        t.addCell(new Phrase(cell, ChineseFont.font(size)));
      }
    }
    if (rows.isEmpty()) {
      PdfPCell none = new PdfPCell(new Phrase("（无 / none）", ChineseFont.font(size)));
      none.setColspan(headers.length);
      t.addCell(none);
    }
    return t;
  }

  private static String[] entryRow(EntryView e, DateTimeFormatter when) {
    String links =
        (e.supersedesId() == null ? "" : "修改自 amends #" + e.supersedesId())
            + (e.reversesId() == null ? "" : "更正 reverses #" + e.reversesId() + " " + e.reason());
    return new String[] {
      String.valueOf(e.id()),
      e.month(),
      e.clauseCode() + " (v" + e.catalogueVersion() + ")",
      e.clauseText(),
      e.getAmountText(),
      e.fact(),
      when.format(e.occurredAt()),
      e.recordedBy(),
      cn.xinsheng.platform.Wording.both("ledger.status", e.status().name()),
      e.reviewedBy() == null ? "" : e.reviewedBy(),
      e.reviewReason() == null ? "" : e.reviewReason(),
      e.evidenceIds().stream().map(i -> "#" + i).reduce((a, b) -> a + " " + b).orElse(""),
      links
    };
  }

  private static String[] monthRow(MonthView m) {
    return new String[] {
      m.month(),
      m.supervision().toString(),
      m.education().toString(),
      m.labour().toString(),
      m.special().toString(),
      m.sanctions().toString(),
      m.discarded().toString(),
      m.total().toString(),
      m.balance().toString(),
      m.cycleCarry().toString(),
      cn.xinsheng.platform.Wording.both("ledger.close", m.state())
    };
  }
}
