package cn.xinsheng.audit.export;

import cn.xinsheng.audit.NoteKey;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code java -jar xinsheng-verify.jar FILE [--key KEY]} and {@code bin/xinsheng verify}: checks an
 * audit export offline. Exit 0 when every entry verifies, 1 when one does not (named), 2 when the
 * file cannot be read as an export or the command line is wrong.
 */
public final class VerifyCommand {

  public static final int VERIFIED = 0;
  public static final int FAILED = 1;
  public static final int UNREADABLE = 2;

  private VerifyCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    Path file = null;
    String key = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("-h") || a.equals("--help")) {
        out.println(usage());
        return VERIFIED;
      } else if (a.equals("--key") && i + 1 < args.length) {
        key = args[++i];
      } else if (a.startsWith("--key=")) {
        key = a.substring("--key=".length());
      } else if (!a.startsWith("-") && file == null) {
        file = Path.of(a);
      } else {
        err.println("错误 / error: 无法识别的参数 / unknown argument: " + a);
        err.println(usage());
        return UNREADABLE;
      }
    }
    if (file == null) {
      err.println(usage());
      return UNREADABLE;
    }
    try {
      Optional<NoteKey> pinned = key == null ? Optional.empty() : Optional.of(readKey(key));
      ExportVerifier.Report report = ExportVerifier.verify(file, pinned);
      if (report.verified()) {
        out.println(
            "验证通过：" + report.entries() + " 条记录，树大小 " + report.treeSize() + "，范围 " + report.scope());
        out.println(report.summary());
        return VERIFIED;
      }
      if (report.failures().size() > 1) {
        err.println("验证失败 / verification FAILED: " + report.failures().size() + " 处不符 / problems:");
        report.failures().forEach(f -> err.println("  - " + f));
      } else {
        err.println("验证失败 / verification FAILED: " + report.failure().get());
      }
      return FAILED;
    } catch (ExportVerifier.UnreadableExportException e) {
      err.println("错误 / error: " + e.getMessage());
      return UNREADABLE;
    } catch (IllegalArgumentException e) {
      err.println("错误 / error: 公钥无效 / the key is not valid: " + e.getMessage());
      return UNREADABLE;
    } catch (RuntimeException e) {
      // a file crafted to break the reader: still one line, never a stack trace
      err.println("错误 / error: 无法处理此文件 / cannot process this file: " + e);
      return UNREADABLE;
    }
  }

  /** The key as a file holding it, or as the text itself (name+keyid+base64). */
  private static NoteKey readKey(String key) {
    Path path = Path.of(key);
    if (!Files.isRegularFile(path)) {
      return NoteKey.parseVerifierKey(key);
    }
    try {
      return NoteKey.parseVerifierKey(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + key);
    }
  }

  static String usage() {
    return """
        用法 / usage: xinsheng verify 导出文件.zip [--key 监狱公钥]
                      xinsheng verify EXPORT.zip [--key PRISON-KEY]
          --key  监狱公布的公钥（文本或文件）/ the prison's published verifier key (text or file)
        退出码 / exit: 0 全部验证通过 verified, 1 有记录不符 a record fails, 2 文件无法读取 unreadable""";
  }
}
