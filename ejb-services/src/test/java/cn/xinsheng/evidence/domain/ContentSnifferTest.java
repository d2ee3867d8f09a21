package cn.xinsheng.evidence.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files are what their bytes say, whatever they are called; executables never pass. */
class ContentSnifferTest {

  @TempDir Path dir;

  private ContentSniffer.Detected detect(byte[] bytes) throws Exception {
    Path f = dir.resolve("f" + System.nanoTime());
    Files.write(f, bytes);
    return ContentSniffer.detect(Arrays.copyOf(bytes, Math.min(64, bytes.length)), bytes.length, f);
  }

  private String refusal(byte[] bytes) {
    return assertThrows(ContentSniffer.Refused.class, () -> detect(bytes)).key();
  }

  private static byte[] image(String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    javax.imageio.ImageIO.write(
        new java.awt.image.BufferedImage(32, 24, java.awt.image.BufferedImage.TYPE_INT_RGB),
        format,
        out);
    return out.toByteArray();
  }

  private static byte[] bytes(int... b) {
    byte[] out = new byte[Math.max(b.length, 32)];
    for (int i = 0; i < b.length; i++) {
      out[i] = (byte) b[i];
    }
    return out;
  }

  @Test
  void photosVideoAudioAndPdfAreKnownByTheirSignatures() throws Exception {
    // a photo is decoded before it is taken (issue 14): a real one passes, a bare signature not
    assertEquals("image/jpeg", detect(image("jpg")).mediaType());
    assertEquals(EvidenceKind.PHOTO, detect(image("png")).kind());
    assertEquals("upload.error.image", refusal(bytes(0xFF, 0xD8, 0xFF, 0xE0)));
    assertEquals("upload.error.image", refusal(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)));
    assertEquals(
        "video/mp4",
        detect(bytes(0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm')).mediaType());
    assertEquals(
        "audio/mp4",
        detect(bytes(0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'M', '4', 'A', ' ')).mediaType());
    assertEquals("video/webm", detect(bytes(0x1A, 0x45, 0xDF, 0xA3)).mediaType());
    assertEquals("audio/mpeg", detect(bytes('I', 'D', '3', 3)).mediaType());
    assertEquals(
        "audio/wav", detect(bytes('R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E')).mediaType());
    assertEquals(
        EvidenceKind.DOCUMENT, detect("%PDF-1.7\n%...".getBytes(StandardCharsets.US_ASCII)).kind());
  }

  @Test
  void officeFilesAreKnownByTheirPartsAndSpreadsheetsAreRecords() throws Exception {
    assertEquals(
        EvidenceKind.DOCUMENT, detect(zip("[Content_Types].xml", "word/document.xml")).kind());
    assertEquals(EvidenceKind.RECORD, detect(zip("[Content_Types].xml", "xl/workbook.xml")).kind());
    assertEquals("evidence.error.archive", refusal(zip("photos/a.jpg", "b.txt")));
    assertEquals("evidence.error.executable", refusal(zip("META-INF/MANIFEST.MF", "a/B.class")));
  }

  @Test
  void csvInUtf8OrGbkIsARecordAndPlainTextADocument() throws Exception {
    assertEquals(
        EvidenceKind.RECORD,
        detect("罪犯编号,劳动得分\n3301000001,5\n".getBytes(StandardCharsets.UTF_8)).kind());
    assertEquals(
        "text/csv",
        detect("罪犯编号,劳动得分\n3301000001,5\n".getBytes(Charset.forName("GBK"))).mediaType());
    assertEquals("text/plain", detect("一份情况说明".getBytes(StandardCharsets.UTF_8)).mediaType());
  }

  @Test
  void executablesAreRefusedWhateverTheyAreCalled() {
    assertEquals("evidence.error.executable", refusal(bytes('M', 'Z', 0x90, 0)));
    assertEquals("evidence.error.executable", refusal(bytes(0x7F, 'E', 'L', 'F', 2, 1, 1)));
    assertEquals(
        "evidence.error.executable",
        refusal("#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII)));
    assertEquals("evidence.error.executable", refusal(bytes(0xCA, 0xFE, 0xBA, 0xBE)));
  }

  @Test
  void emptyUnknownAndLegacyOfficeFilesAreRefused() {
    assertEquals(
        "evidence.error.empty",
        assertThrows(
                ContentSniffer.Refused.class,
                () -> ContentSniffer.detect(new byte[0], 0, dir.resolve("none")))
            .key());
    assertEquals("evidence.error.type", refusal(bytes(0, 1, 2, 3, 0, 0, 0, 9)));
    assertEquals(
        "evidence.error.legacyOffice",
        refusal(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)));
  }

  private static byte[] zip(String... names) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (String n : names) {
        z.putNextEntry(new ZipEntry(n));
        z.write("<x/>".getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
