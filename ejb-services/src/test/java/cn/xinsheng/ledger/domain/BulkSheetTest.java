package cn.xinsheng.ledger.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

/** Bulk sheets: CSV in either encoding, XLSX, and what is refused before anything is read. */
class BulkSheetTest {

  private static final String CSV =
      "罪犯编号,条款,分值,事实,日期\n"
          + "3301000001,LD-01,3,\"超额完成任务, 120%\",2026-11-20\n"
          + "3301000002,LD-21,-2,未完成任务,2026-11-21\n";

  @Test
  void csvInUtf8AndGbkReadsTheSame() throws Exception {
    for (Charset cs : List.of(StandardCharsets.UTF_8, Charset.forName("GBK"))) {
      List<BulkSheet.Line> lines = BulkSheet.read(CSV.getBytes(cs));
      assertEquals(2, lines.size());
      assertEquals("3301000001", lines.get(0).prisonerNumber());
      assertEquals("超额完成任务, 120%", lines.get(0).fact());
      assertEquals(LocalDate.of(2026, 11, 21), lines.get(1).day());
      assertEquals(3, lines.get(1).row());
    }
  }

  @Test
  void englishHeadersInAnyOrderWork() throws Exception {
    List<BulkSheet.Line> lines =
        BulkSheet.read(
            "date,fact,amount,clause,prisonerNumber\n2026-11-02,ok,1,LD-02,3301000009\n"
                .getBytes(StandardCharsets.UTF_8));
    assertEquals("LD-02", lines.get(0).clause());
    assertEquals("3301000009", lines.get(0).prisonerNumber());
  }

  @Test
  void xlsxIsRead() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook wb = new Workbook(out, "xinsheng", "1.0");
    Worksheet ws = wb.newWorksheet("劳动");
    String[] header = {"罪犯编号", "条款", "分值", "事实", "日期"};
    for (int i = 0; i < header.length; i++) {
      ws.value(0, i, header[i]);
    }
    ws.value(1, 0, "3301000003");
    ws.value(1, 1, "LD-01");
    ws.value(1, 2, "4");
    ws.value(1, 3, "超额完成");
    ws.value(1, 4, "2026-11-05");
    wb.finish();
    List<BulkSheet.Line> lines = BulkSheet.read(out.toByteArray());
    assertEquals(1, lines.size());
    assertEquals("4", lines.get(0).amount());
    assertEquals("超额完成", lines.get(0).fact());
  }

  @Test
  void anXlsxWithAnExternalEntityIsNotResolved() throws Exception {
    String sheet =
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>"
            + "</sheetData></worksheet>";
    byte[] xlsx = minimalXlsx(sheet);
    BulkSheet.Unreadable e = assertThrows(BulkSheet.Unreadable.class, () -> BulkSheet.read(xlsx));
    // refused as unreadable (or without the headers): never with /etc/passwd inside
    assertTrue(
        e.key().equals("bulk.error.format") || e.key().equals("bulk.error.headers"), e.key());
  }

  @Test
  void aZipBombIsRefusedBeforeParsing() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 60; i++) {
        z.write(zeros);
      }
      z.closeEntry();
    }
    assertEquals(
        "bulk.error.archive",
        assertThrows(BulkSheet.Unreadable.class, () -> BulkSheet.read(out.toByteArray())).key());
  }

  @Test
  void wrongHeadersEmptyFilesAndBinaryAreRefused() {
    assertEquals(
        "bulk.error.headers",
        assertThrows(
                BulkSheet.Unreadable.class,
                () -> BulkSheet.read("a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8)))
            .key());
    assertEquals(
        "bulk.error.empty",
        assertThrows(BulkSheet.Unreadable.class, () -> BulkSheet.read(new byte[0])).key());
    assertEquals(
        "bulk.error.empty",
        assertThrows(
                BulkSheet.Unreadable.class,
                () -> BulkSheet.read("罪犯编号,条款,分值,事实,日期\n".getBytes(StandardCharsets.UTF_8)))
            .key());
    assertEquals(
        "bulk.error.notSheet",
        assertThrows(
                BulkSheet.Unreadable.class,
                () -> BulkSheet.read(new byte[] {(byte) 0xff, (byte) 0xfe, 0, (byte) 0x81}))
            .key());
  }

  /**
   * Issue 18 walk: a file that is no spreadsheet at all was told "the headers must be ..." (a
   * letter read as a one-column CSV) or "upload a CSV or XLSX" (a PDF); it is told its content is
   * not an .xlsx spreadsheet, by its bytes, whatever its name.
   */
  @Test
  void aFileThatIsNoSheetAtAllIsSaidToBeNoXlsxSpreadsheet() throws Exception {
    for (byte[] notASheet :
        new byte[][] {
          "this is not a spreadsheet".getBytes(StandardCharsets.UTF_8),
          "这不是表格\n只是一封信\n".getBytes(StandardCharsets.UTF_8),
          "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1),
          {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0},
          wordFile()
        }) {
      assertEquals(
          BulkSheet.NOT_A_SHEET,
          assertThrows(BulkSheet.Unreadable.class, () -> BulkSheet.read(notASheet)).key(),
          new String(notASheet, StandardCharsets.ISO_8859_1));
    }
    // a real table with other headers is still told which headers it needs
    assertEquals(
        "bulk.error.headers",
        assertThrows(
                BulkSheet.Unreadable.class,
                () -> BulkSheet.read("姓名,分数\n张三,5\n".getBytes(StandardCharsets.UTF_8)))
            .key());
  }

  /** A zip holding a Word document's parts and no workbook. */
  private static byte[] wordFile() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("[Content_Types].xml"));
      z.write("<Types/>".getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
      z.putNextEntry(new ZipEntry("word/document.xml"));
      z.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    return out.toByteArray();
  }

  private static byte[] minimalXlsx(String sheetXml) throws IOException {
    String[][] parts = {
      {
        "[Content_Types].xml",
        "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            + "</Types>"
      },
      {
        "_rels/.rels",
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "</Relationships>"
      },
      {
        "xl/workbook.xml",
        "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
            + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<sheets><sheet name=\"s\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
      },
      {
        "xl/_rels/workbook.xml.rels",
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            + "</Relationships>"
      },
      {"xl/worksheets/sheet1.xml", sheetXml}
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (String[] p : parts) {
        z.putNextEntry(new ZipEntry(p[0]));
        z.write(p[1].getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
