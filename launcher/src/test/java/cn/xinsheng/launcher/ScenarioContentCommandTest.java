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
}
