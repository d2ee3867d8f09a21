package cn.xinsheng.launcher;

import cn.xinsheng.audit.NoteKey;
import cn.xinsheng.content.ContentLimits;
import cn.xinsheng.content.ContentPackage;
import cn.xinsheng.content.ContentRefusal;
import cn.xinsheng.content.CourseSpec;
import cn.xinsheng.content.Manifest;
import cn.xinsheng.content.ScormManifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bin/xinsheng content}: what the education office runs on its own PC to bring courses in on
 * physical media: a publisher key, packing a course folder (or a SCORM 1.2 package) into a signed
 * package, verifying a package as the prison will.
 */
@Command(
    name = "content",
    mixinStandardHelpOptions = true,
    description = "课程内容包：密钥、打包签名、校验 / content packages: key, pack and sign, verify",
    subcommands = {
      ContentCommand.Keygen.class,
      ContentCommand.Pack.class,
      ContentCommand.Verify.class,
      // issue 20 (readiness-risk): simulations as signed packages
      ScenarioContentCommand.Pack.class,
      ScenarioContentCommand.Verify.class
    })
public class ContentCommand implements Runnable {

  @Override
  public void run() {
    System.out.println(
        "用法 / usage: xinsheng content keygen|pack|verify|scenarios-pack|scenarios-verify --help");
  }

  @Command(
      name = "keygen",
      mixinStandardHelpOptions = true,
      description = "生成发布者密钥 / make a publisher key")
  static class Keygen implements Callable<Integer> {
    @Parameters(index = "0", description = "发布者名称 / publisher name, e.g. publisher.ouchn")
    String name;

    @Option(
        names = "--out",
        required = true,
        description = "保存目录 / folder to write the key files to")
    Path out;

    @Override
    public Integer call() throws IOException {
      NoteKey key = NoteKey.generate(name);
      Files.createDirectories(out);
      Path secret = out.resolve(name + ".key");
      Files.writeString(secret, key.privateKeyText(), StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not POSIX: the folder's own permissions apply
      }
      Files.writeString(
          out.resolve(name + ".pub"), key.verifierKey() + "\n", StandardCharsets.UTF_8);
      System.out.println("私钥 / private key: " + secret + "（妥善保管 / keep it safe）");
      System.out.println(
          "公钥 / verifier key (give it to the prison's administrator): " + key.verifierKey());
      return 0;
    }
  }

  @Command(
      name = "pack",
      mixinStandardHelpOptions = true,
      description =
          "把课程目录（含 course.json）或 SCORM 1.2 包（目录或 .zip，含 imsmanifest.xml）打包并签名"
              + " / pack a course folder (with course.json) or a SCORM 1.2 package (folder or .zip) and sign it")
  static class Pack implements Callable<Integer> {
    @Parameters(index = "0", description = "课程目录或 SCORM 包 / course folder or SCORM package")
    Path source;

    @Option(names = "--key", required = true, description = "发布者私钥文件 / the publisher's .key file")
    Path key;

    @Option(names = "--id", required = true, description = "包标识 / package id, e.g. cn.ouchn.kj101")
    String id;

    @Option(names = "--version", defaultValue = "1", description = "版本（递增）/ version, rising")
    long version;

    @Option(names = "--title", required = true, description = "标题 / title")
    String title;

    @Option(names = "--publisher", required = true, description = "发布单位 / publisher")
    String publisher;

    @Option(
        names = "--programme",
        description =
            "SCORM 包所属项目代码；不给时每个包自成一个项目（代码即包标识）"
                + " / programme code for a SCORM package; without it each package is a programme of its own (code = package id)")
    String programme;

    @Option(names = "--out", required = true, description = "输出文件 / the package file to write")
    Path out;

    @Override
    public Integer call() throws Exception {
      NoteKey k = NoteKey.parsePrivateKeyText(Files.readString(key, StandardCharsets.UTF_8));
      // every folder made here is removed when packing ends, packed or refused (issue 17: a copy
      // of the course was left in /tmp every time)
      List<Path> temps = new ArrayList<>();
      try {
        Path folder = source;
        if (Files.isRegularFile(source)) {
          Path unzipped = Files.createTempDirectory("xinsheng-scorm-");
          temps.add(unzipped);
          unzip(source, unzipped);
          folder = unzipped;
        }
        folder = unwrapTopFolder(folder);
        if (!Files.exists(folder.resolve(CourseSpec.FILE))
            && Files.exists(folder.resolve("imsmanifest.xml"))) {
          Path course = Files.createTempDirectory("xinsheng-course-");
          temps.add(course);
          folder = wrapScorm(folder, course);
        }
        // what the prison checks at import is checked here, so a package that packs also imports:
        // the id's rule, course.json with its limits, every SCO's launch file
        Manifest.checkId(id);
        CourseSpec.read(folder);
        Manifest m = ContentPackage.pack(folder, id, version, title, publisher, k, out);
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
        System.err.println("错误 / error [" + r.code() + "]: " + r.getMessage());
        return 1;
      } finally {
        for (Path t : temps) {
          ContentPackage.deleteTree(t);
        }
      }
    }

    /**
     * A zip or folder whose course sits one folder down (what zipping a folder gives): that folder
     * is used. Several folders, or one without a course, are refused with the reason.
     */
    static Path unwrapTopFolder(Path folder) throws IOException, ContentRefusal {
      if (Files.exists(folder.resolve(CourseSpec.FILE))
          || Files.exists(folder.resolve("imsmanifest.xml"))) {
        return folder;
      }
      List<Path> entries;
      try (var list = Files.list(folder)) {
        entries =
            list.filter(p -> !p.getFileName().toString().startsWith("."))
                .filter(p -> !p.getFileName().toString().equals("__MACOSX"))
                .toList();
      }
      List<Path> dirs = entries.stream().filter(Files::isDirectory).toList();
      if (dirs.size() == 1
          && entries.size() == 1
          && (Files.exists(dirs.get(0).resolve(CourseSpec.FILE))
              || Files.exists(dirs.get(0).resolve("imsmanifest.xml")))) {
        System.out.println(
            "包在顶层文件夹 "
                + dirs.get(0).getFileName()
                + " 中，已使用该文件夹 / the course sits in the top folder "
                + dirs.get(0).getFileName()
                + "; that folder is packed");
        return dirs.get(0);
      }
      throw new ContentRefusal(
          "topFolder",
          "顶层既没有 course.json 也没有 imsmanifest.xml"
              + (dirs.size() > 1 ? "，且有多个文件夹（" + dirs.size() + " 个），无法判断哪个是课程" : "")
              + "；请把 course.json 或 imsmanifest.xml 放在包的顶层",
          "neither course.json nor imsmanifest.xml at the top"
              + (dirs.size() > 1
                  ? ", and " + dirs.size() + " folders, so which one is the course cannot be told"
                  : "")
              + "; put course.json or imsmanifest.xml at the package's top");
    }

    /** A SCORM package becomes a course with one lesson (its SCOs in the organisation's order). */
    private Path wrapScorm(Path scorm, Path course) throws Exception {
      ScormManifest m = ScormManifest.requireLaunchFiles(scorm.resolve("imsmanifest.xml"));
      copyTree(scorm, course.resolve("scorm"));
      String json =
          "{\"programme\":{\"code\":\""
              + esc(programme == null || programme.isBlank() ? id : programme)
              + "\",\"title\":\""
              + esc(title)
              + "\",\"kind\":\"VOCATIONAL\"},"
              + "\"course\":{\"code\":\""
              + esc(id)
              + "\",\"title\":\""
              + esc(m.title())
              + "\",\"credits\":0},"
              + "\"sections\":[{\"title\":\""
              + esc(m.title())
              + "\",\"lessons\":["
              + "{\"key\":\"scorm\",\"title\":\""
              + esc(m.title())
              + "\",\"kind\":\"SCORM\",\"file\":\"scorm/imsmanifest.xml\"}]}]}";
      Files.writeString(course.resolve(CourseSpec.FILE), json, StandardCharsets.UTF_8);
      return course;
    }

    private static String esc(String s) {
      return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description =
          "按监狱的规则校验内容包（课程包或场景包）/ check a package (a course or scenario package) as"
              + " the prison will")
  static class Verify implements Callable<Integer> {
    @Parameters(index = "0", description = "内容包 / the package")
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
      if (isScenarioPackage(file)) {
        // a scenario package (issue 20) is checked as the prison will check one
        return ScenarioContentCommand.verify(file, keys);
      }
      Path into = Files.createTempDirectory("xinsheng-verify-").resolve("x");
      try {
        ContentPackage.Opened o =
            ContentPackage.open(file, keys, ContentLimits.standard(), into, null);
        CourseSpec spec = CourseSpec.read(o.folder());
        System.out.println(
            "校验通过 / verified: "
                + o.manifest().id()
                + " v"
                + o.manifest().version()
                + " \""
                + o.manifest().title()
                + "\", "
                + o.manifest().files().size()
                + " files, course "
                + spec.course().code()
                + ", signed by "
                + o.signedBy().label());
        return 0;
      } catch (ContentRefusal r) {
        System.err.println("拒收 / refused [" + r.code() + "]: " + r.getMessage());
        return 1;
      } finally {
        ContentPackage.deleteTree(into.getParent());
      }
    }
  }

  /**
   * Whether a package is a scenario package: it names {@code scenarios/index.txt} and has no {@code
   * course.json}. Only the entry names are read here; the opening that follows checks everything.
   */
  static boolean isScenarioPackage(Path zip) {
    try (var z = new java.util.zip.ZipFile(zip.toFile())) {
      return z.getEntry("scenarios/index.txt") != null && z.getEntry("course.json") == null;
    } catch (IOException e) {
      // not a readable zip: the course check below refuses it with the reason
      return false;
    }
  }

  static void unzip(Path zip, Path into) throws IOException, ContentRefusal {
    try (var z = new java.util.zip.ZipFile(zip.toFile())) {
      for (var e : java.util.Collections.list(z.entries())) {
        Path target = into.resolve(e.getName()).normalize();
        if (!target.startsWith(into)) {
          throw new ContentRefusal(
              "zipSlip", "包内路径不安全：" + e.getName(), "an unsafe path: " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          try (var in = z.getInputStream(e)) {
            Files.copy(in, target);
          }
        }
      }
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (var walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.createDirectories(t.getParent());
          Files.copy(p, t);
        }
      }
    }
  }
}
