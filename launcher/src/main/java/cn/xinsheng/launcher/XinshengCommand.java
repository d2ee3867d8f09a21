package cn.xinsheng.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/xinsheng}: the one launcher for every operator task. */
@Command(
    name = "xinsheng",
    mixinStandardHelpOptions = true,
    version = "Xinsheng 新生 0.1",
    description = "新生 Xinsheng — 运维命令 / operator commands",
    subcommands = {
      StartCommand.Dev.class,
      StartCommand.External.class,
      StartCommand.Embedded.class,
      BundleCommand.class,
      BackupCommand.Backup.class,
      BackupCommand.Restore.class,
      AuditCommand.class,
      AuditCommand.Verify.class,
      MusicCommand.class,
      ContentCommand.class,
      RiskCommand.class,
      EligibilityCommand.class
    })
public class XinshengCommand implements Runnable {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code; launcher errors become one line on stderr. */
  public static int run(String... args) {
    if (Runtime.version().feature() < 17) {
      System.err.println(
          "错误：新生需要 Java 17 或更高版本 / error: Xinsheng needs Java 17 or newer (found "
              + Runtime.version()
              + ")");
      return 2;
    }
    CommandLine cl = new CommandLine(new XinshengCommand());
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof LauncherException) {
            commandLine.getErr().println("错误 / error: " + e.getMessage());
            return 1;
          }
          if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            commandLine.getErr().println("错误 / error: " + e.getMessage());
            return 1;
          }
          if (e instanceof java.io.IOException) {
            // a file that cannot be read or written: one line, not a stack trace
            commandLine.getErr().println("错误 / error: 文件读写失败 / file error: " + e);
            return 1;
          }
          throw e;
        });
    return cl.execute(args);
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }
}
