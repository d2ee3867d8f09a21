package cn.xinsheng.evidence.infrastructure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.platform.TemporaryArea;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a stop leaves in {@code tmp/} is cleared (issue 12): half-received uploads, a package
 * unpacked into a staging folder with files in it, a read-only file. The evidence kept beside it
 * and the folder itself stay.
 */
class TemporaryFilesTest {

  @TempDir Path root;

  @Test
  void theEvidenceFoldersLeftoversAreClearedAndTheEvidenceStays() throws Exception {
    EvidenceFiles files = new EvidenceFiles(root);
    EvidenceFiles.Received kept =
        files.receive(new ByteArrayInputStream("证据".getBytes(StandardCharsets.UTF_8)), 1 << 20);
    files.keep(kept);
    // an upload interrupted by a stop, and a nested leftover (what used to stop the cleaning)
    files.receive(new ByteArrayInputStream(new byte[] {1, 2, 3}), 1 << 20);
    Path nested = Files.createDirectories(root.resolve("tmp").resolve("stale").resolve("deeper"));
    Files.writeString(nested.resolve("part"), "x");
    Path readOnly = Files.writeString(root.resolve("tmp").resolve("ro.part"), "y");
    readOnly.toFile().setReadOnly();

    assertEquals(5, files.cleanTemporary());

    assertTrue(Files.isDirectory(root.resolve("tmp")));
    try (var left = Files.list(root.resolve("tmp"))) {
      assertEquals(0, left.count());
    }
    assertArrayEquals(
        "证据".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(files.path(kept.sha256())));
    assertEquals(0, files.cleanTemporary(), "nothing left the second time");
  }

  @Test
  void aMissingAreaIsNothingToClear() throws Exception {
    assertEquals(0, TemporaryArea.clear(root.resolve("content").resolve("tmp")));
    assertFalse(Files.exists(root.resolve("content")));
  }

  @Test
  void aStagingFolderOfARefusedImportGoesWithEverythingInIt() throws Exception {
    Path staging = Files.createDirectories(root.resolve("tmp").resolve("import-1").resolve("a"));
    Files.writeString(staging.resolve("lesson.html"), "<p>");
    assertEquals(3, TemporaryArea.deleteTree(root.resolve("tmp").resolve("import-1")));
    assertFalse(Files.exists(root.resolve("tmp").resolve("import-1")));
    assertTrue(Files.isDirectory(root.resolve("tmp")));
  }
}
