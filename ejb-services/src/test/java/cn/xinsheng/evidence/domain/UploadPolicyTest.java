package cn.xinsheng.evidence.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, finding 9: the one upload policy, from the probe's upload corpus. */
class UploadPolicyTest {

  @TempDir Path dir;

  private ContentSniffer.Detected detect(byte[] bytes, UploadLimits limits) throws Exception {
    Path f = Files.write(dir.resolve("f" + System.nanoTime()), bytes);
    return ContentSniffer.detect(
        Arrays.copyOf(bytes, Math.min(64, bytes.length)), bytes.length, f, limits);
  }

  private String refused(byte[] bytes) {
    return refused(bytes, UploadLimits.STANDARD);
  }

  private String refused(byte[] bytes, UploadLimits limits) {
    return assertThrows(ContentSniffer.Refused.class, () -> detect(bytes, limits)).key();
  }

  private static byte[] image(String format, int w, int h) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), format, out);
    return out.toByteArray();
  }

  @Test
  void realImagesAreDecodedAndAccepted() throws Exception {
    assertEquals("image/jpeg", detect(image("jpg", 64, 48), UploadLimits.STANDARD).mediaType());
    assertEquals("image/png", detect(image("png", 64, 48), UploadLimits.STANDARD).mediaType());
  }

  @Test
  void aJpegHeaderFollowedByHtmlIsNoPhoto() {
    byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
    byte[] polyglot = new byte[html.length + 4];
    polyglot[0] = (byte) 0xFF;
    polyglot[1] = (byte) 0xD8;
    polyglot[2] = (byte) 0xFF;
    polyglot[3] = (byte) 0xE0;
    System.arraycopy(html, 0, polyglot, 4, html.length);
    assertEquals("upload.error.image", refused(polyglot));
  }

  @Test
  void anImageOverThePixelLimitIsRefusedBeforeDecoding() throws Exception {
    UploadLimits small = new UploadLimits(1_000, 1 << 20, 100, 100);
    assertEquals("upload.error.image", refused(image("png", 64, 48), small));
  }

  @Test
  void htmlSvgAndXmlAreNotDocuments() {
    for (String markup :
        new String[] {
          "<html><body>hi</body></html>",
          "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
          "<?xml version=\"1.0\"?><a/>",
          "\uFEFF  <!DOCTYPE html><p>x",
          "some words then <script>alert(1)</script>"
        }) {
      assertEquals("upload.error.markup", refused(markup.getBytes(StandardCharsets.UTF_8)), markup);
    }
  }

  @Test
  void plainTextAndCsvStay() throws Exception {
    assertEquals(
        "text/csv",
        detect("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), UploadLimits.STANDARD).mediaType());
    assertEquals(
        "text/plain",
        detect("借：原材料 5000".getBytes(StandardCharsets.UTF_8), UploadLimits.STANDARD).mediaType());
  }

  @Test
  void anOoxmlZipBombIsRefusedAndARealDocxAccepted() throws Exception {
    assertEquals(
        "upload.error.unpacked",
        refused(docx(64L << 20), new UploadLimits(1_000_000, 32L << 20, 200, 100)));
    assertTrue(detect(docx(10_000), UploadLimits.STANDARD).mediaType().contains("wordprocessing"));
  }

  @Test
  void executablesAreRefused() {
    assertEquals(
        "evidence.error.executable",
        refused(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
  }

  @Test
  void namesWithControlsBidiOrPathsAreRefused() {
    for (String bad :
        new String[] {
          "a\u0000.pdf",
          "a\r\n.pdf",
          "a\n.pdf",
          "evil\u202Efdp.exe",
          "../x.pdf",
          "a/b.pdf",
          "",
          "..",
          "x".repeat(201)
        }) {
      assertTrue(UploadName.check(bad).isEmpty(), bad);
    }
    assertEquals("内务照片 2026.jpg", UploadName.check(" 内务照片 2026.jpg ").orElseThrow());
  }

  /** A .docx whose document part is {@code size} zero bytes, deflated. */
  private static byte[] docx(long size) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      byte[] zeros = new byte[1 << 20];
      for (long left = size; left > 0; left -= zeros.length) {
        zip.write(zeros, 0, (int) Math.min(zeros.length, left));
      }
      zip.closeEntry();
    }
    return out.toByteArray();
  }
}
