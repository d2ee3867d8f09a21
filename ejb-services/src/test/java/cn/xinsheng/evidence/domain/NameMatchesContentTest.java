package cn.xinsheng.evidence.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 walk: a text file named {@code .pdf} was kept under that name, stored as {@code
 * text/plain}. The content decides what the file is; a name claiming another format is refused.
 */
class NameMatchesContentTest {

  @TempDir Path dir;

  private ContentSniffer.Detected sniff(byte[] bytes) throws Exception {
    Path f = dir.resolve("upload");
    Files.write(f, bytes);
    return ContentSniffer.detect(bytes, bytes.length, f);
  }

  @Test
  void aTextFileNamedPdfIsRefusedAndSaidToBeText() throws Exception {
    ContentSniffer.Detected d = sniff("会议记录：同意提请。".getBytes(StandardCharsets.UTF_8));
    assertEquals("text/plain", d.mediaType());
    assertEquals(
        Optional.of(new NameMatchesContent.Mismatch(".pdf", "evidence.content.text")),
        NameMatchesContent.check("会议记录.pdf", d.mediaType()));
    assertEquals(
        Optional.of(new NameMatchesContent.Mismatch(".PDF", "evidence.content.text")),
        NameMatchesContent.check("SCAN.PDF", d.mediaType()),
        "the extension in any case");
  }

  @Test
  void aPhotoNamedTxtOrDocxIsRefused() throws Exception {
    assertEquals(
        "evidence.content.image",
        NameMatchesContent.check("内务照片.txt", "image/jpeg").orElseThrow().contentKey());
    assertTrue(NameMatchesContent.check("photo.docx", "image/png").isPresent());
    assertTrue(NameMatchesContent.check("old.doc", "application/pdf").isPresent());
  }

  @Test
  void namesThatAgreeOrSayNothingAreAccepted() throws Exception {
    ContentSniffer.Detected pdf = sniff("%PDF-1.4\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(Optional.empty(), NameMatchesContent.check("判决书.pdf", pdf.mediaType()));
    assertEquals(Optional.empty(), NameMatchesContent.check("photo.JPG", "image/jpeg"));
    assertEquals(Optional.empty(), NameMatchesContent.check("photo.jpeg", "image/jpeg"));
    // text and CSV are told apart by commas in the first line, not by the name
    assertEquals(Optional.empty(), NameMatchesContent.check("labour.csv", "text/plain"));
    assertEquals(Optional.empty(), NameMatchesContent.check("notes.txt", "text/csv"));
    // no extension, or one no format here owns: the content alone decides
    assertEquals(Optional.empty(), NameMatchesContent.check("scan", "application/pdf"));
    assertEquals(Optional.empty(), NameMatchesContent.check("v1.2 record", "text/plain"));
    assertEquals(Optional.empty(), NameMatchesContent.check(".hidden", "text/plain"));
  }

  @Test
  void everyFormatTheSnifferKnowsHasWordsForTheUser() {
    for (String type :
        new String[] {
          "image/png",
          "audio/mpeg",
          "video/mp4",
          "application/pdf",
          "text/plain",
          "text/csv",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "application/vnd.openxmlformats-officedocument.presentationml.presentation",
          "application/vnd.oasis.opendocument.text"
        }) {
      assertTrue(!NameMatchesContent.contentKey(type).equals("evidence.content.other"), type);
    }
  }
}
