package cn.xinsheng.lms.infrastructure;

import cn.xinsheng.platform.ChineseFont;
import cn.xinsheng.platform.PrisonTime;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The learning certificate a ledger entry for learning carries as its evidence (PDF, CJK font
 * embedded).
 */
public final class Certificates {

  private Certificates() {}

  public static byte[] pdf(
      String number,
      String name,
      String course,
      String what,
      BigDecimal grade,
      String officer,
      Instant at,
      ZoneId zone)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A5.rotate(), 36, 36, 36, 36);
    try {
      PdfWriter.getInstance(doc, out);
      doc.addTitle("学习证明 " + number);
      doc.addCreator("Xinsheng 新生");
      doc.open();
      doc.add(new Paragraph("学习证明 / Learning certificate", ChineseFont.bold(18)));
      doc.add(new Paragraph(" ", ChineseFont.font(8)));
      doc.add(new Paragraph("罪犯编号 " + number + "　姓名 " + name, ChineseFont.font(12)));
      doc.add(
          new Paragraph(
              ("COURSE".equals(what) ? "完成课程并取得学分：" : "课程测验合格：") + course, ChineseFont.font(12)));
      doc.add(
          new Paragraph(
              "成绩 Grade: " + (grade == null ? "—" : grade.toPlainString()), ChineseFont.font(12)));
      doc.add(new Paragraph(" ", ChineseFont.font(8)));
      doc.add(
          new Paragraph(
              "由新生学习平台的成绩记录生成，经民警 "
                  + officer
                  + " 确认于 "
                  + DateTimeFormatter.ofPattern(PrisonTime.MINUTES).withZone(zone).format(at)
                  + "；计分须经另一名民警审核。",
              ChineseFont.font(9)));
    } catch (DocumentException e) {
      throw new IOException(e);
    } finally {
      if (doc.isOpen()) {
        doc.close();
      }
    }
    return out.toByteArray();
  }
}
