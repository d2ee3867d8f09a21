package cn.xinsheng.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.evidence.application.EvidenceSettings;
import cn.xinsheng.lms.application.LmsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start clears both temporary areas: evidence uploads and content imports (issue 12). */
class StartupHousekeepingTest {

  @TempDir Path data;

  @Test
  void theStartClearsTheEvidenceAndContentLeftoversAndNothingElse() throws Exception {
    Path evidence = data.resolve("evidence");
    Path content = data.resolve("content");
    Files.createDirectories(evidence.resolve("tmp"));
    Files.writeString(evidence.resolve("tmp").resolve("upload-1.part"), "half");
    Path staging = Files.createDirectories(content.resolve("tmp").resolve("import-9").resolve("x"));
    Files.writeString(staging.resolve("index.html"), "<p>");
    Files.writeString(content.resolve("tmp").resolve("upload-9.zip"), "PK");
    Path kept = Files.createDirectories(content.resolve("packages").resolve("course"));
    Files.writeString(kept.resolve("course.json"), "{}");

    StartupHousekeeping housekeeping = new StartupHousekeeping();
    housekeeping.evidence =
        new EvidenceSettings() {
          @Override
          public Path dir() {
            return evidence;
          }
        };
    housekeeping.content =
        new LmsSettings() {
          @Override
          public Path dir() {
            return content;
          }
        };
    housekeeping.clearTemporaryAreas();

    try (var left = Files.list(evidence.resolve("tmp"))) {
      assertEquals(0, left.count());
    }
    try (var left = Files.list(content.resolve("tmp"))) {
      assertEquals(0, left.count());
    }
    assertTrue(Files.isRegularFile(kept.resolve("course.json")), "packages are not temporary");
  }
}
