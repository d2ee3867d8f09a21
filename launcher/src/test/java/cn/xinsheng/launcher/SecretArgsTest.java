package cn.xinsheng.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keystore password reaches the server's JVM through an argument file only its owner can read
 * (issue 21: on the command line every local user saw it in the process list). A real {@code java}
 * reads the file back, so quoting is tested as the launcher reads it, not as we think it does.
 */
class SecretArgsTest {

  @TempDir Path dir;

  @Test
  void theJavaLauncherReadsTheExactPasswordBackAndOnlyTheOwnerMayReadTheFile() throws Exception {
    for (String password :
        List.of("simple", "with space", "quote\"and\\backslash", "$HOME;`id`", "中文密码")) {
      Path file = ApplicationServer.writeSecretArgs(dir, password);
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
      Process p =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Dfile.encoding=UTF-8",
                  "-Dsun.stdout.encoding=UTF-8",
                  "-Dsun.stderr.encoding=UTF-8",
                  "@" + file,
                  "-XshowSettings:properties",
                  "-version")
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.waitFor(), out);
      assertTrue(
          out.lines()
              .map(String::strip)
              .anyMatch(l -> l.equals("javax.net.ssl.keyStorePassword = " + password)),
          () -> "the JVM did not read " + password + " back:\n" + out);
    }
  }

  @Test
  void aPasswordWithALineBreakIsRefused() {
    assertThrows(
        LauncherException.class, () -> ApplicationServer.writeSecretArgs(dir, "two\nlines"));
  }
}
