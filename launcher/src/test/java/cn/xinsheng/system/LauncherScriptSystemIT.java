package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/xinsheng} itself, run from a folder of the operator's: a relative path he types
 * ({@code --data-dir ./x}, {@code verify ./file.zip}, {@code --out ./keys}) means his folder, not
 * the install folder.
 */
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class LauncherScriptSystemIT {

  private static final Path INSTALL = Path.of("..").toAbsolutePath().normalize();
  private static final Path SCRIPT = INSTALL.resolve("bin").resolve("xinsheng");
  private static Path work;

  @BeforeAll
  static void prepare() throws IOException {
    RunningPlatform.ensureStarted();
    // the script rebuilds when a source is newer than the launcher jar; this build made the jar
    Files.setLastModifiedTime(
        Path.of("target", "xinsheng-launcher.jar"), FileTime.from(Instant.now()));
    work = Files.createTempDirectory(Path.of("target"), "operator-folder-").toAbsolutePath();
  }

  record Run(int code, String output) {}

  private static String resource(String name) throws IOException {
    try (var in = LauncherScriptSystemIT.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** {@code bin/xinsheng args…} with the operator's folder as the working folder. */
  private static Run script(Path cwd, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(SCRIPT.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true);
    pb.environment().remove("XINSHENG_DATA_DIR");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("bin/xinsheng did not finish: " + String.join(" ", args));
    }
    return new Run(p.exitValue(), out);
  }

  @Test
  void outputFolderAndInputFilesAreTheCallersRelativePaths() throws Exception {
    Path folder = Files.createDirectories(work.resolve("office"));
    Run keygen = script(folder, "content", "keygen", "publisher.scripttest", "--out", "./keys");
    assertEquals(0, keygen.code(), keygen.output());
    assertTrue(Files.isRegularFile(folder.resolve("keys/publisher.scripttest.key")));
    assertFalse(Files.exists(INSTALL.resolve("keys")), "nothing written in the install folder");

    // a course folder as the education office has it: the demo admission course
    Path course = Files.createDirectories(folder.resolve("course"));
    String index = resource("demo-content/admission/index.txt");
    for (String file : index.strip().split("\\s+")) {
      Path target = course.resolve(file);
      Files.createDirectories(target.getParent());
      Files.writeString(target, resource("demo-content/admission/" + file));
    }
    Run pack =
        script(
            folder,
            "content",
            "pack",
            "./course",
            "--key",
            "./keys/publisher.scripttest.key",
            "--id",
            "cn.example.scripttest",
            "--title",
            "测试",
            "--publisher",
            "测试单位",
            "--out",
            "course.zip");
    assertEquals(0, pack.code(), pack.output());
    assertTrue(Files.isRegularFile(folder.resolve("course.zip")), pack.output());
    Run check =
        script(
            folder,
            "content",
            "verify",
            "./course.zip",
            "--trust",
            "keys/publisher.scripttest.pub");
    assertEquals(0, check.code(), check.output());
  }

  @Test
  void dataDirAndTheFileToVerifyAreTheCallersRelativePaths() throws Exception {
    // the shared platform's data directory, named relative to the operator's folder
    Path folder = RunningPlatform.DATA_DIR.getParent();
    Run export =
        script(
            folder,
            "audit",
            "export",
            "--data-dir",
            "./" + RunningPlatform.DATA_DIR.getFileName(),
            "--db-port=" + RunningPlatform.DB_PORT,
            "--out",
            "./" + work.getFileName() + "/log.zip");
    assertEquals(0, export.code(), export.output());
    assertTrue(Files.isRegularFile(work.resolve("log.zip")), export.output());
    // the prison's key as the court pins it (a verify without a pinned key cannot pass), also
    // named relative to the operator's folder
    WebClient admin = new WebClient(RunningPlatform.ensureStarted());
    assertEquals(200, admin.login("sysadmin1", "demo123!").statusCode());
    Files.writeString(work.resolve("prison-key.txt"), admin.get("/api/v1/audit/key").body());
    Run verify = script(work, "verify", "./log.zip", "--key", "./prison-key.txt");
    assertEquals(0, verify.code(), verify.output());
    assertTrue(verify.output().contains("verified"), verify.output());
  }
}
