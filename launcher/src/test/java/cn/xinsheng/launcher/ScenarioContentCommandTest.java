package cn.xinsheng.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.NoteKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 20: {@code content scenarios-pack} packs the shipped simulations into a signed package that
 * {@code content scenarios-verify} accepts, and both refuse a bad one with the file and the reason.
 */
class ScenarioContentCommandTest {

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int code = new CommandLine(new ContentCommand()).execute(args);
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  private Path shipped(String name) throws IOException {
    Path folder = dir.resolve(name);
    Files.createDirectories(folder.resolve("scenarios"));
    String index = resource("index.txt");
    Files.writeString(folder.resolve("scenarios/index.txt"), index);
    for (String line : index.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        Files.writeString(folder.resolve("scenarios/" + line.strip()), resource(line.strip()));
      }
    }
    return folder;
  }

  private static String resource(String file) throws IOException {
    try (InputStream in =
        ScenarioContentCommandTest.class.getResourceAsStream(
            "/cn/xinsheng/readiness/scenarios/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theShippedScenariosPackAndVerifyAndABadOneIsRefusedNamingTheFile() throws Exception {
    NoteKey key = NoteKey.generate("publisher.scenario-test");
    Path keyFile = dir.resolve("p.key");
    Files.writeString(keyFile, key.privateKeyText());
    Path zip = dir.resolve("scenarios.zip");
    Run packed =
        run(
            "scenarios-pack",
            shipped("good").toString(),
            "--key",
            keyFile.toString(),
            "--id",
            "cn.xinsheng.scenarios",
            "--title",
            "出监模拟训练",
            "--publisher",
            "新生",
            "--out",
            zip.toString());
    assertEquals(0, packed.code(), packed.err());
    Run verified = run("scenarios-verify", zip.toString(), "--trust", key.verifierKey());
    assertEquals(0, verified.code(), verified.err());
    assertTrue(verified.out().contains("10 scenarios"), verified.out());
    assertTrue(verified.out().contains("metro-ticket"), verified.out());

    Run stranger =
        run(
            "scenarios-verify",
            zip.toString(),
            "--trust",
            NoteKey.generate("someone.else").verifierKey());
    assertEquals(1, stranger.code());
    assertTrue(stranger.err().contains("untrusted"), stranger.err());

    Path bad = shipped("bad");
    Path atm = bad.resolve("scenarios/atm-card-activation.json");
    Files.writeString(
        atm, Files.readString(atm).replaceFirst("\"hintCost\": *\\d+", "\"hintCost\": -5"));
    Run refused =
        run(
            "scenarios-pack",
            bad.toString(),
            "--key",
            keyFile.toString(),
            "--id",
            "cn.xinsheng.scenarios",
            "--title",
            "坏包",
            "--publisher",
            "新生",
            "--out",
            dir.resolve("bad.zip").toString());
    assertEquals(1, refused.code());
    assertTrue(refused.err().contains("atm-card-activation.json"), refused.err());
    assertTrue(!Files.exists(dir.resolve("bad.zip")), "nothing written for a refused folder");
  }

  /**
   * The standard scenario package as {@code build-bundle.sh} makes it (a {@code xinsheng.standard}
   * key from {@code content keygen}, the folder and the id, version, title and publisher of {@code
   * scenarios/package.properties}, {@code content scenarios-pack}) passes the ordinary validator,
   * {@code content verify}; with one byte of one scenario changed after signing it is refused,
   * naming the file.
   */
  @Test
  void theStandardScenarioPackageVerifiesWithContentVerifyAndAChangedByteIsRefusedNamingTheFile()
      throws Exception {
    Path keys = dir.resolve("content-publisher");
    assertEquals(0, run("keygen", "xinsheng.standard", "--out", keys.toString()).code());
    StandardScenarios.Meta meta = StandardScenarios.meta();
    assertEquals("cn.xinsheng.scenarios.standard", meta.id());
    Path zip = dir.resolve("scenarios.zip");
    Run packed =
        run(
            "scenarios-pack",
            StandardScenarios.folder(dir.resolve("standard")).toString(),
            "--key",
            keys.resolve("xinsheng.standard.key").toString(),
            "--id",
            meta.id(),
            "--version",
            Long.toString(meta.version()),
            "--title",
            meta.title(),
            "--publisher",
            meta.publisher(),
            "--out",
            zip.toString());
    assertEquals(0, packed.code(), packed.err());
    String pub = keys.resolve("xinsheng.standard.pub").toString();

    Run verified = run("verify", zip.toString(), "--trust", pub);
    assertEquals(0, verified.code(), verified.err());
    assertTrue(verified.out().contains(meta.id() + " v" + meta.version()), verified.out());
    assertTrue(verified.out().contains("10 scenarios"), verified.out());
    assertTrue(verified.out().contains("signed by xinsheng.standard"), verified.out());
    for (String id :
        new String[] {
          "metro-ticket",
          "payment-app",
          "anti-fraud-police-call",
          "atm-card-activation",
          "hospital-registration",
          "government-service-kiosk",
          "job-application",
          "ride-hailing",
          "id-card-social-insurance",
          "anti-fraud-loan-scam"
        }) {
      assertTrue(verified.out().contains("  " + id + " v"), id + ": " + verified.out());
    }

    Path changed = dir.resolve("changed.zip");
    String file = "scenarios/ride-hailing.json";
    try (java.util.zip.ZipInputStream in =
            new java.util.zip.ZipInputStream(Files.newInputStream(zip));
        java.util.zip.ZipOutputStream out =
            new java.util.zip.ZipOutputStream(Files.newOutputStream(changed))) {
      java.util.zip.ZipEntry e;
      boolean flipped = false;
      while ((e = in.getNextEntry()) != null) {
        byte[] bytes = in.readAllBytes();
        if (e.getName().equals(file)) {
          // one byte: the first digit of the file (a time limit, a score or a version) becomes
          // another digit, so the file stays valid JSON and only the signature can tell
          for (int i = 0; i < bytes.length && !flipped; i++) {
            if (bytes[i] >= '1' && bytes[i] <= '8') {
              bytes[i]++;
              flipped = true;
            }
          }
        }
        out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
        out.write(bytes);
        out.closeEntry();
      }
      assertTrue(flipped, "a byte of " + file + " was changed");
    }
    Run refused = run("verify", changed.toString(), "--trust", pub);
    assertEquals(1, refused.code(), refused.out());
    assertTrue(refused.err().contains(file), "names the file: " + refused.err());
    assertTrue(!refused.out().contains("校验通过"), refused.out());
  }
}
