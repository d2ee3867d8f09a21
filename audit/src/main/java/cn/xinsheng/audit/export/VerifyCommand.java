package cn.xinsheng.audit.export;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar xinsheng-verify.jar FILE --key KEY} and {@code bin/xinsheng verify}: checks an
 * audit export offline against a key the court trusts. Exit 0 when every entry verifies and a
 * trusted key signed it, 1 when something does not (named) or no trusted key was given, 2 when the
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
    List<String> trusted = new ArrayList<>();
    int witnesses = 0;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String value = null;
      String name = a;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        name = a.substring(0, eq);
        value = a.substring(eq + 1);
      }
      boolean takes = name.equals("--key") || name.equals("--trust") || name.equals("--witnesses");
      if (takes && value == null) {
        if (i + 1 >= args.length) {
          err.println("错误 / error: " + name + " 需要一个值 / needs a value");
          err.println(usage());
          return UNREADABLE;
        }
        value = args[++i];
      }
      if (a.equals("-h") || a.equals("--help")) {
        out.println(usage());
        return VERIFIED;
      } else if (name.equals("--key") || name.equals("--trust")) {
        trusted.add(value);
      } else if (name.equals("--witnesses")) {
        try {
          witnesses = Integer.parseInt(value);
        } catch (NumberFormatException e) {
          witnesses = -1;
        }
        if (witnesses < 0) {
          err.println("错误 / error: --witnesses 须为非负整数 / must be a number >= 0: " + value);
          return UNREADABLE;
        }
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
      Trust trust;
      try {
        trust = Trust.read(trusted);
      } catch (IOException e) {
        err.println("错误 / error: 无法读取信任文件 / cannot read the trust file: " + e.getMessage());
        return UNREADABLE;
      }
      ExportVerifier.Report report = ExportVerifier.verify(file, trust, witnesses);
      if (report.verified()) {
        out.println("验证通过 / verified: " + report.scope());
        out.println(report.summary());
        out.println(
            "监狱公钥指纹 / key fingerprint: "
                + report.fingerprint()
                + "  (可信依据 / trusted by: "
                + report.trustedBy()
                + ")");
        if (report.records() > 0) {
          out.println(
              "业务记录 / bound records: " + report.records() + " 条与入账时相同 / as they were logged");
        }
        report.notes().forEach(n -> out.println("注意 / note: " + n));
        return VERIFIED;
      }
      if (report.failures().size() > 1) {
        err.println(
            "验证失败 / verification FAILED: "
                + report.failures().size()
                + " 处不符 / problems, the first being:");
        err.println("  " + report.failure().get());
        err.println("全部 / all:");
        report.failures().forEach(f -> err.println("  - " + f));
      } else {
        err.println("验证失败 / verification FAILED: " + report.failure().get());
      }
      if (!report.fingerprint().isEmpty()) {
        err.println(
            "导出文件的签名密钥 / the export is signed by "
                + report.signedBy()
                + ", fingerprint "
                + report.fingerprint());
      }
      report.notes().forEach(n -> err.println("注意 / note: " + n));
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

  static String usage() {
    return """
        用法 / usage: xinsheng verify 导出文件.zip --key 监狱公钥 | --trust 信任文件 [--witnesses N]
                      xinsheng verify EXPORT.zip --key PRISON-KEY | --trust TRUST-FILE [--witnesses N]
          --key        监狱公钥（文本或文件），须从导出文件之外取得：密钥仪式记录或检察院的副本
                       the prison's verifier key (text or file), obtained outside the export: the
                       key-ceremony record or the procuratorate's copy
          --trust      信任文件：每行一个公钥（监狱的签名公钥、见证方的联署公钥），# 开头为注释
                       a trust file: one verifier key a line (the prison's, the witnesses'), # notes
          --witnesses  至少 N 个见证方联署了与最新检查点一致的检查点，否则失败
                       fail unless N witnesses cosigned a checkpoint consistent with the latest
        没有 --key 或 --trust 不会判定通过 / without --key or --trust the export does not pass
        退出码 / exit: 0 全部验证通过 verified, 1 有记录不符或未指定可信公钥 a record fails or no
        trusted key, 2 文件无法读取 unreadable""";
  }
}
