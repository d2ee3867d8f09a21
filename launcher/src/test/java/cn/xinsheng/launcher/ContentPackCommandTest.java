package cn.xinsheng.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.NoteKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 17: {@code content pack} checks what the prison's import checks, with its own message for
 * each (the package id's rule and limit, a SCO's launch file, a missing launch URL, a top folder),
 * unwraps a zip's single top folder, and leaves nothing behind in the temporary folder.
 */
class ContentPackCommandTest {

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private Run pack(Path source, String id) throws IOException {
    NoteKey key = NoteKey.generate("publisher.pack-test");
    Path keyFile = dir.resolve("p.key");
    Files.writeString(keyFile, key.privateKeyText());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int code =
          new CommandLine(new ContentCommand())
              .execute(
                  "pack",
                  source.toString(),
                  "--key",
                  keyFile.toString(),
                  "--id",
                  id,
                  "--title",
                  "样例",
                  "--publisher",
                  "测试",
                  "--out",
                  dir.resolve("out-" + System.nanoTime() + ".zip").toString());
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  private static String manifest(String href, String launchFile) {
    return "<?xml version=\"1.0\"?><manifest identifier=\"m\" version=\"1\""
        + " xmlns=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2\" xmlns:adlcp=\"http://www.adlnet.org/xsd/adlcp_rootv1p2\">"
        + "<metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>"
        + "<organizations default=\"o\"><organization identifier=\"o\"><title>样例课件</title>"
        + "<item identifier=\"i1\" identifierref=\"r1\"><title>第一单元</title></item></organization></organizations>"
        + "<resources><resource identifier=\"r1\" type=\"webcontent\" adlcp:scormtype=\"sco\""
        + (href == null ? "" : " href=\"" + href + "\"")
        + "><file href=\""
        + launchFile
        + "\"/></resource></resources></manifest>";
  }

  private Path scorm(String name, String href, boolean withLaunchFile) throws IOException {
    Path d = dir.resolve(name);
    Files.createDirectories(d.resolve("shared"));
    Files.writeString(d.resolve("imsmanifest.xml"), manifest(href, "shared/launch.html"));
    if (withLaunchFile) {
      Files.writeString(d.resolve("shared/launch.html"), "<p>SCO</p>");
    }
    return d;
  }

  private Path zip(Path folder, String prefix) throws IOException {
    Path z = dir.resolve(folder.getFileName() + ".zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(z));
        var walk = Files.walk(folder)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new ZipEntry(prefix + folder.relativize(p).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(p));
      }
    }
    return z;
  }

  /** Folders this test's runs left in the temporary folder (recognised by their course.json). */
  private static List<Path> leftovers(String id) throws IOException {
    try (var list = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return list.filter(p -> p.getFileName().toString().startsWith("xinsheng-"))
          .filter(
              p -> {
                try {
                  Path spec = p.resolve("course.json");
                  return Files.isRegularFile(spec) && Files.readString(spec).contains(id);
                } catch (IOException e) {
                  return false;
                }
              })
          .toList();
    }
  }

  @Test
  void aPackageIdOfSixtyCharactersPacksOneOfMoreThanAHundredIsRefusedWithTheRule()
      throws IOException {
    String sixty = "com.scorm.golfsamples.runtime.basic.12.sixty-characters-long";
    assertTrue(sixty.length() >= 60);
    Run ok = pack(scorm("a", "shared/launch.html", true), sixty);
    assertEquals(0, ok.code(), ok.err());
    Run refused = pack(scorm("b", "shared/launch.html", true), "c".repeat(101));
    assertEquals(1, refused.code());
    assertTrue(
        refused.err().contains("[packageId]") && refused.err().contains("100"), refused.err());
    Run upper = pack(scorm("c", "shared/launch.html", true), "Com.Upper");
    assertTrue(upper.err().contains("[packageId]"), upper.err());
    assertEquals(List.of(), leftovers(sixty), "no copy of the course left in the temporary folder");
  }

  @Test
  void aMissingLaunchFileAndAMissingLaunchUrlHaveTheirOwnReasons() throws IOException {
    Run missing = pack(scorm("d", "shared/launch.html", false), "cn.test.missing");
    assertEquals(1, missing.code());
    assertTrue(
        missing.err().contains("[launchMissing]") && missing.err().contains("shared/launch.html"),
        missing.err());
    Run noHref = pack(scorm("e", null, true), "cn.test.nohref");
    assertEquals(1, noHref.code());
    assertTrue(noHref.err().contains("[scormLaunch]"), noHref.err());
    assertTrue(noHref.err().contains("href"), noHref.err());
  }

  @Test
  void aZipWithOneTopFolderIsUnwrappedSeveralAreRefusedWithTheReason() throws IOException {
    Path wrapped = zip(scorm("golf", "shared/launch.html", true), "GolfExplained/");
    Run ok = pack(wrapped, "cn.test.wrapped");
    assertEquals(0, ok.code(), ok.err());
    assertTrue(ok.out().contains("GolfExplained"), ok.out());
    Path two = dir.resolve("two");
    Files.createDirectories(two.resolve("x"));
    Files.createDirectories(two.resolve("y"));
    Files.writeString(two.resolve("x/a.txt"), "a");
    Files.writeString(two.resolve("y/b.txt"), "b");
    Run refused = pack(zip(two, ""), "cn.test.two");
    assertEquals(1, refused.code());
    assertTrue(refused.err().contains("[topFolder]"), refused.err());
    assertEquals(List.of(), leftovers("cn.test.wrapped"));
  }
}
