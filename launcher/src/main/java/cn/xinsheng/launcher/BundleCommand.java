package cn.xinsheng.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bin/xinsheng bundle}: the air-gap release bundle's keys, signatures and check (issue 21).
 * The build signs with {@code sign-folder} and {@code sign-file}; an operator checks with {@code
 * verify}, always against a release key he got out of band, never one taken from the bundle.
 */
@Command(
    name = "bundle",
    mixinStandardHelpOptions = true,
    description = "离线安装包：签名与校验 / the offline release bundle: signing and checking",
    subcommands = {
      BundleCommand.Verify.class,
      BundleCommand.Keygen.class,
      BundleCommand.SignFolder.class,
      BundleCommand.SignFile.class
    })
class BundleCommand implements Runnable {

  @Override
  public void run() {
    picocli.CommandLine.usage(this, System.out);
  }

  /** The trusted release key: --key, else the trust file an earlier install keeps. */
  static Path trustedKey(Path given) {
    if (given != null) {
      return given;
    }
    String env = System.getenv("XINSHENG_RELEASE_KEY");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    Path installed = Path.of("/etc/xinsheng/release.pub");
    if (Files.isRegularFile(installed)) {
      return installed;
    }
    throw new LauncherException(
        "需要受信任的发布公钥：--key FILE（从发布记录或介质单独取得，不要用包里的那一份）",
        "a trusted release key is needed: --key FILE (taken from the release record or its own"
            + " media, never the copy inside the bundle)");
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description =
          "校验安装包（tar.gz 与其 .sig，或已解开的目录）/ check a bundle (the tar.gz with its .sig, or an"
              + " unpacked folder)")
  static class Verify implements Callable<Integer> {
    @Parameters(
        paramLabel = "FILE",
        description = "xinsheng-<version>-linux-x64.tar.gz or a folder")
    Path target;

    @Option(names = "--key", description = "受信任的发布公钥 / the trusted release public key (PEM)")
    Path key;

    @Option(
        names = "--sig",
        description = "分离签名（默认 FILE.sig）/ the detached signature (default FILE.sig)")
    Path sig;

    @Override
    public Integer call() throws Exception {
      PublicKey trusted = ReleaseBundle.readPublicKey(trustedKey(key));
      if (!Files.exists(target)) {
        throw new LauncherException("找不到 " + target, "not found: " + target);
      }
      ReleaseBundle.Report report =
          Files.isDirectory(target)
              ? ReleaseBundle.verifyFolder(target, trusted)
              : ReleaseBundle.verifyArchive(
                  target,
                  sig != null ? sig : target.resolveSibling(target.getFileName() + ".sig"),
                  trusted);
      System.out.println("发布密钥指纹 / release key fingerprint: " + report.keyFingerprint());
      if (report.sound()) {
        System.out.println(
            "安装包完好：签名正确，"
                + report.files()
                + " 个文件与清单一致 / the bundle is sound: signature"
                + " valid, "
                + report.files()
                + " files match the manifest");
        return 0;
      }
      System.out.println("安装包不可信，拒绝 / the bundle is NOT trustworthy, refused:");
      report.problems().forEach(p -> System.out.println("  " + p));
      return 3;
    }
  }

  @Command(
      name = "keygen",
      mixinStandardHelpOptions = true,
      description = "生成发布密钥对 / make a release key pair (release.key, release.pub)")
  static class Keygen implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "目录 / folder for the two files")
    Path out;

    @Override
    public Integer call() throws Exception {
      Files.createDirectories(out);
      Path priv = out.resolve("release.key");
      Path pub = out.resolve("release.pub");
      if (Files.exists(priv) || Files.exists(pub)) {
        throw new LauncherException(
            "密钥已存在，不会覆盖：" + priv, "a key is already there and is never overwritten: " + priv);
      }
      KeyPair pair = ReleaseBundle.generateKey();
      Files.writeString(priv, ReleaseBundle.pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
      try {
        Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not POSIX: the folder's own permissions apply
      }
      Files.writeString(pub, ReleaseBundle.pem("PUBLIC KEY", pair.getPublic().getEncoded()));
      System.out.println("发布公钥 / release public key: " + pub);
      System.out.println("指纹 / fingerprint: " + ReleaseBundle.fingerprint(pair.getPublic()));
      return 0;
    }
  }

  @Command(
      name = "sign-folder",
      mixinStandardHelpOptions = true,
      description = "为目录写签名清单（构建用）/ write the signed manifest of a folder (for the build)")
  static class SignFolder implements Callable<Integer> {
    @Parameters(paramLabel = "DIR")
    Path folder;

    @Option(names = "--signing-key", required = true)
    Path signingKey;

    @Override
    public Integer call() throws Exception {
      int n = ReleaseBundle.signFolder(folder, ReleaseBundle.readPrivateKey(signingKey));
      System.out.println("清单已签名 / manifest signed: " + n + " files");
      return 0;
    }
  }

  @Command(
      name = "sign-file",
      mixinStandardHelpOptions = true,
      description = "写分离签名 FILE.sig（构建用）/ write the detached signature FILE.sig (for the build)")
  static class SignFile implements Callable<Integer> {
    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--signing-key", required = true)
    Path signingKey;

    @Override
    public Integer call() throws Exception {
      Path sig = file.resolveSibling(file.getFileName() + ".sig");
      Files.write(sig, ReleaseBundle.signFile(ReleaseBundle.readPrivateKey(signingKey), file));
      System.out.println("已签名 / signed: " + sig);
      return 0;
    }
  }
}
