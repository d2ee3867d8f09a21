package cn.xinsheng.music.infrastructure.exam;

import cn.xinsheng.platform.ChineseFont;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * The CNOS exam certificate: a PDF with the platform's embedded CJK font and the verification code
 * a reader enters on the verification page. The PDF's SHA-256 goes into the audit log when it is
 * issued, so a changed copy no longer matches.
 */
public final class CertificatePdf {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private CertificatePdf() {}

  /** What the certificate states. */
  public record Facts(
      String code,
      String prisonerNumber,
      String name,
      String instrumentZh,
      String levelZh,
      String gradeZh,
      LocalDate examDate,
      LocalDate issued) {}

  public static byte[] render(Facts f) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A5.rotate(), 36, 36, 36, 36);
    try {
      PdfWriter.getInstance(doc, out);
      doc.addTitle("民族乐器考级证书 " + f.code());
      doc.addCreator("Xinsheng 新生");
      doc.open();
      doc.add(new Paragraph("民族乐器演奏考级证书", ChineseFont.bold(20)));
      doc.add(new Paragraph("CNOS graded exam certificate", ChineseFont.font(10)));
      doc.add(new Paragraph(" ", ChineseFont.font(8)));
      doc.add(
          new Paragraph("罪犯编号 " + f.prisonerNumber() + "　姓名 " + f.name(), ChineseFont.font(13)));
      doc.add(
          new Paragraph(
              "乐器 " + f.instrumentZh() + "　级别 " + f.levelZh() + "　成绩 " + f.gradeZh(),
              ChineseFont.font(13)));
      doc.add(
          new Paragraph(
              "考试日期 " + DAY.format(f.examDate()) + "　发证日期 " + DAY.format(f.issued()),
              ChineseFont.font(11)));
      doc.add(new Paragraph(" ", ChineseFont.font(8)));
      doc.add(new Paragraph("验证码 Verification code: " + f.code(), ChineseFont.bold(14)));
      doc.add(
          new Paragraph(
              "本证书由考级委员会（教育管理部门）公布成绩后签发；其 SHA-256 记入审计日志，可在证书验证页面输入验证码核验，"
                  + "或以 bin/xinsheng verify 离线核验。",
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
