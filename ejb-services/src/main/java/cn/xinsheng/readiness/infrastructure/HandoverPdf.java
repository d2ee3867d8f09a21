package cn.xinsheng.readiness.infrastructure;

import cn.xinsheng.platform.ChineseFont;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * The handover to community corrections as a PDF with the shipped CJK font (as the court's case
 * PDF): sections of facts and tables, in Chinese with English beside. The same content goes into
 * the handover's JSON; the PDF is for people, the JSON for systems.
 */
public final class HandoverPdf {

  private HandoverPdf() {}

  /** A part of the document: a heading, lines of facts, and an optional table. */
  public record Part(String heading, List<String> lines, String[] headers, List<String[]> rows) {}

  public static byte[] write(String title, List<Part> parts) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4, 28, 28, 28, 28);
    try {
      PdfWriter.getInstance(doc, out);
      doc.addTitle(title);
      doc.addCreator("Xinsheng 新生");
      doc.open();
      doc.add(new Paragraph(title, ChineseFont.bold(15)));
      for (Part p : parts) {
        doc.add(new Paragraph(" ", ChineseFont.font(4)));
        doc.add(new Paragraph(p.heading(), ChineseFont.bold(11)));
        for (String line : p.lines()) {
          doc.add(new Paragraph(line, ChineseFont.font(9)));
        }
        if (p.headers() != null) {
          doc.add(table(p.headers(), p.rows()));
        }
      }
    } catch (DocumentException e) {
      throw new IOException(e);
    } finally {
      if (doc.isOpen()) {
        doc.close();
      }
    }
    return out.toByteArray();
  }

  private static PdfPTable table(String[] headers, List<String[]> rows) {
    PdfPTable t = new PdfPTable(headers.length);
    t.setWidthPercentage(100);
    t.setHeaderRows(1);
    for (String head : headers) {
      PdfPCell c = new PdfPCell(new Phrase(head, ChineseFont.bold(8)));
      c.setHorizontalAlignment(Element.ALIGN_CENTER);
      c.setGrayFill(0.9f);
      t.addCell(c);
    }
    for (String[] row : rows) {
      for (String cell : row) {
        t.addCell(new Phrase(cell == null ? "" : cell, ChineseFont.font(8)));
      }
    }
    if (rows.isEmpty()) {
      PdfPCell none = new PdfPCell(new Phrase("（无 / none）", ChineseFont.font(8)));
      none.setColspan(headers.length);
      t.addCell(none);
    }
    return t;
  }
}
