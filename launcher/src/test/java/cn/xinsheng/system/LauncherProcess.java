package cn.xinsheng.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code bin/xinsheng …} as an operator runs it: the launcher jar in a process of its own. */
final class LauncherProcess {

  record Result(int code, String output) {}

  private LauncherProcess() {}

  static Result run(String... args) {
    return runWith(java.util.Map.of(), args);
  }

  /** The same with these environment variables set. */
  static Result runWith(java.util.Map<String, String> environment, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(Path.of("target", "xinsheng-launcher.jar").toAbsolutePath().toString());
    cmd.addAll(List.of(args));
    try {
      ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
      builder.environment().putAll(environment);
      Process p = builder.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("the launcher did not finish: " + String.join(" ", args));
      }
      return new Result(p.exitValue(), out);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code audit export} from the shared platform's embedded database. */
  static Result export(Path out, String... scope) {
    List<String> args = new ArrayList<>(List.of("audit", "export", "--out", out.toString()));
    args.add("--data-dir=" + RunningPlatform.DATA_DIR);
    args.add("--db-port=" + RunningPlatform.DB_PORT);
    args.addAll(List.of(scope));
    return run(args.toArray(String[]::new));
  }
}
