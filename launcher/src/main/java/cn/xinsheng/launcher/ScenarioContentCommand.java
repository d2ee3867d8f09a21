package cn.xinsheng.launcher;

import cn.xinsheng.audit.NoteKey;
import cn.xinsheng.content.ContentLimits;
import cn.xinsheng.content.ContentRefusal;
import cn.xinsheng.content.Manifest;
import cn.xinsheng.readiness.domain.Scenario;
import cn.xinsheng.readiness.infrastructure.ScenarioPackage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bin/xinsheng content scenarios-pack|scenarios-verify} (issue 20): release-readiness
 * simulations as signed packages (docs/scenarios.md, "Scenario packages"), packed on the
 * publisher's PC with the same key as courses and checked as the prison will check them.
 */
final class ScenarioContentCommand {

  private ScenarioContentCommand() {}

  @Command(
      name = "scenarios-pack",
      mixinStandardHelpOptions = true,
      description =
          "把场景目录（含 scenarios/index.txt）检查后打包签名 / check a scenario folder (with"
              + " scenarios/index.txt) and pack and sign it")
  static class Pack implements Callable<Integer> {
    @Parameters(index = "0", description = "场景目录 / the folder")
    Path folder;

    @Option(names = "--key", required = true, description = "发布者私钥文件 / the publisher's .key file")
    Path key;

    @Option(
        names = "--id",
        required = true,
        description = "包标识 / package id, e.g. cn.xinsheng.scenarios")
    String id;

    @Option(names = "--version", defaultValue = "1", description = "版本（递增）/ version, rising")
    long version;

    @Option(names = "--title", required = true, description = "标题 / title")
    String title;

    @Option(names = "--publisher", required = true, description = "发布单位 / publisher")
    String publisher;

    @Option(names = "--out", required = true, description = "输出文件 / the package file to write")
    Path out;

    @Override
    public Integer call() throws Exception {
      NoteKey k = NoteKey.parsePrivateKeyText(Files.readString(key, StandardCharsets.UTF_8));
      try {
        Manifest m = ScenarioPackage.pack(folder, id, version, title, publisher, k, out);
        System.out.println(
            "已打包并签名 / packed and signed: "
                + out
                + " ("
                + m.files().size()
                + " files, signed by "
                + k.label()
                + ")");
        return 0;
      } catch (ContentRefusal r) {
        System.err.println("拒绝打包 / refused [" + r.code() + "]: " + r.zh() + " / " + r.en());
        return 1;
      }
    }
  }

  @Command(
      name = "scenarios-verify",
      mixinStandardHelpOptions = true,
      description = "按监狱的规则校验场景包 / check a scenario package as the prison will")
  static class Verify implements Callable<Integer> {
    @Parameters(index = "0", description = "场景包 / the package")
    Path file;

    @Option(
        names = "--trust",
        required = true,
        description = "信任的发布者公钥（文本或 .pub 文件，可多个）/ trusted verifier key(s)")
    List<String> trust;

    @Override
    public Integer call() throws Exception {
      List<NoteKey> keys = new ArrayList<>();
      for (String t : trust) {
        Path p = Path.of(t);
        keys.add(
            NoteKey.parseVerifierKey(Files.isRegularFile(p) ? Files.readString(p).strip() : t));
      }
      return verify(file, keys);
    }
  }

  /**
   * Opens a scenario package as the prison will and lists its scenarios; 1 with the reason (naming
   * the file) when it is refused. Also what {@code content verify} runs on a scenario package.
   */
  static int verify(Path file, List<NoteKey> keys) throws java.io.IOException {
    try {
      ScenarioPackage.Verified v = ScenarioPackage.open(file, keys, ContentLimits.standard());
      System.out.println(
          "校验通过 / verified: "
              + v.manifest().id()
              + " v"
              + v.manifest().version()
              + " \""
              + v.manifest().title()
              + "\", "
              + v.scenarios().size()
              + " scenarios, signed by "
              + v.signedBy().label());
      for (Scenario s : v.scenarios()) {
        System.out.println(
            "  " + s.id() + " v" + s.version() + "  " + s.title().zh() + " / " + s.title().en());
      }
      return 0;
    } catch (ContentRefusal r) {
      System.err.println("拒收 / refused [" + r.code() + "]: " + r.zh() + " / " + r.en());
      return 1;
    }
  }
}
