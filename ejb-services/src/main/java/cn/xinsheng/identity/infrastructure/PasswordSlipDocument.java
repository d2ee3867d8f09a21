package cn.xinsheng.identity.infrastructure;

import cn.xinsheng.platform.ChineseFont;
import cn.xinsheng.platform.Wording;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The initial-password slip (issue 18, item 9) the administrator hands over in person: who the
 * account is for, its login, the password shown once, when it was issued (in the prison's zone) and
 * that it must be changed at the first login. A half A4 page with the shipped CJK font embedded, so
 * it prints the same on every PC; roles in words, never their codes.
 */
public final class PasswordSlipDocument {

  private PasswordSlipDocument() {}

  /** What the slip says. */
  public record Slip(
      String username,
      String displayName,
      List<String> roles,
      String password,
      String issuedBy,
      Instant issuedAt,
      ZoneId zone) {}

  public static byte[] pdf(Slip s) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // A5 landscape: half an A4 sheet, cut and handed over
    Document doc = new Document(PageSize.A5.rotate(), 36, 36, 36, 36);
    try {
      PdfWriter.getInstance(doc, out);
      doc.addTitle("初始密码通知单 " + s.username());
      doc.addCreator("Xinsheng 新生");
      doc.open();
      doc.add(new Paragraph("初始密码通知单 / Initial password slip", ChineseFont.bold(16)));
      doc.add(new Paragraph(" ", ChineseFont.font(6)));
      PdfPTable t = new PdfPTable(new float[] {1.2f, 3f});
      t.setWidthPercentage(100);
      row(t, "姓名 Name", s.displayName(), 12);
      row(t, "登录名 Login", s.username(), 12);
      row(
          t,
          "角色 Roles",
          String.join("、", s.roles().stream().map(r -> Wording.both("role", r)).toList()),
          10);
      row(t, "初始密码 Password", s.password(), 18);
      row(t, "制单时间 Made", Wording.minutes(s.issuedAt(), s.zone()), 10);
      row(t, "发放人 Issued by", s.issuedBy(), 10);
      doc.add(t);
      doc.add(new Paragraph(" ", ChineseFont.font(6)));
      doc.add(
          new Paragraph(
              "此密码只显示一次，请当面交给本人。首次登录时必须修改密码；请勿将本单留在终端旁。"
                  + " / This password is shown once: hand it over in person. It must be changed at"
                  + " the first login; do not leave this slip next to a terminal.",
              ChineseFont.font(9)));
      doc.add(new Paragraph(" ", ChineseFont.font(14)));
      doc.add(new Paragraph("领取人签字 Received by: ____________________", ChineseFont.font(10)));
    } catch (DocumentException e) {
      throw new IOException(e);
    } finally {
      if (doc.isOpen()) {
        doc.close();
      }
    }
    return out.toByteArray();
  }

  private static void row(PdfPTable t, String label, String value, float size) {
    PdfPCell head = new PdfPCell(new Paragraph(label, ChineseFont.bold(10)));
    head.setGrayFill(0.9f);
    head.setPadding(6);
    t.addCell(head);
    PdfPCell cell =
        new PdfPCell(new Paragraph(value == null ? Wording.NONE : value, ChineseFont.font(size)));
    cell.setPadding(6);
    t.addCell(cell);
  }
}
