package cn.xinsheng.readiness.infrastructure;

import cn.xinsheng.audit.NoteKey;
import cn.xinsheng.content.ContentLimits;
import cn.xinsheng.content.ContentPackage;
import cn.xinsheng.content.ContentRefusal;
import cn.xinsheng.content.Manifest;
import cn.xinsheng.readiness.domain.ReadinessRefusal;
import cn.xinsheng.readiness.domain.Scenario;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A signed package of release-readiness simulations (docs/scenarios.md, "Scenario packages"): a
 * content package as courses come in ({@link ContentPackage}: a manifest listing every file with
 * its size and SHA-256, signed by a trusted publisher; safe paths only, size and compression
 * limits, XML without DTDs) whose files are {@code scenarios/index.txt} and the scenario files it
 * names. Every scenario is then read and checked as the player would play it (screens that exist,
 * scored mistakes that exist, a way to the end without a trap, at least three scored mistakes, a
 * pass score). A package is used whole or refused whole, with the file and the reason in both
 * languages.
 */
public final class ScenarioPackage {

  public static final String INDEX = "scenarios/index.txt";

  /** A scenario file: a plain name under {@code scenarios/}. */
  private static final Pattern FILE = Pattern.compile("[a-z0-9][a-z0-9-]{0,58}\\.json");

  /** More simulations than a release education centre runs. */
  public static final int MAX_SCENARIOS = 100;

  /**
   * A verified package: its manifest, who signed it, its scenarios in index order and each one's
   * file as signed (the same order), which is what the platform keeps.
   */
  public record Verified(
      Manifest manifest, NoteKey signedBy, List<Scenario> scenarios, List<String> sources) {}

  private ScenarioPackage() {}

  /** Opens, verifies and reads a package; nothing is left on disk either way. */
  public static Verified open(Path zip, List<NoteKey> trusted, ContentLimits limits)
      throws ContentRefusal, IOException {
    Path work = Files.createTempDirectory("xinsheng-scenarios-");
    Path into = work.resolve("package");
    try {
      ContentPackage.Opened opened = ContentPackage.open(zip, trusted, limits, into, null);
      Set<String> listed = new HashSet<>();
      for (Manifest.FileEntry f : opened.manifest().files()) {
        listed.add(f.path());
      }
      List<String> sources = new ArrayList<>();
      List<Scenario> scenarios = read(into, listed, sources);
      return new Verified(opened.manifest(), opened.signedBy(), scenarios, List.copyOf(sources));
    } finally {
      ContentPackage.deleteTree(work);
    }
  }

  /**
   * Packs a folder holding {@code scenarios/index.txt} and the scenarios it names, after checking
   * them as the prison will, so a package that packs also imports.
   */
  public static Manifest pack(
      Path folder, String id, long version, String title, String publisher, NoteKey key, Path out)
      throws ContentRefusal, IOException {
    Set<String> present = new HashSet<>();
    try (var walk = Files.walk(folder)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        present.add(folder.relativize(p).toString().replace(java.io.File.separatorChar, '/'));
      }
    }
    read(folder, present);
    return ContentPackage.pack(folder, id, version, title, publisher, key, out);
  }

  /**
   * The scenarios of an unpacked folder whose files are {@code files}; every file accounted for.
   */
  static List<Scenario> read(Path folder, Set<String> files) throws ContentRefusal, IOException {
    return read(folder, files, new ArrayList<>());
  }

  /** The same, adding each scenario's file text to {@code sources} in the same order. */
  static List<Scenario> read(Path folder, Set<String> files, List<String> sources)
      throws ContentRefusal, IOException {
    if (!files.contains(INDEX)) {
      throw new ContentRefusal(
          "scenario-index", "场景包中没有场景目录 " + INDEX, "the package has no scenario index " + INDEX);
    }
    Set<String> named = new LinkedHashSet<>();
    for (String line : text(folder.resolve(INDEX), INDEX).split("\n")) {
      String name = line.strip();
      if (name.isEmpty() || name.startsWith("#")) {
        continue;
      }
      if (!FILE.matcher(name).matches()) {
        throw new ContentRefusal(
            "scenario-index",
            "场景目录中的文件名不合规：" + name + "（小写字母、数字和连字符，以 .json 结尾）",
            "a file name in the scenario index is not allowed: "
                + name
                + " (lower-case letters, digits and hyphens, ending in .json)");
      }
      if (!named.add("scenarios/" + name)) {
        throw new ContentRefusal(
            "scenario-index", "场景目录重复列出 " + name, "the scenario index names " + name + " twice");
      }
      if (!files.contains("scenarios/" + name)) {
        throw new ContentRefusal(
            "scenario-missing",
            "场景目录列出的文件不在包中：" + name,
            "a file the scenario index names is not in the package: " + name);
      }
    }
    if (named.isEmpty() || named.size() > MAX_SCENARIOS) {
      throw new ContentRefusal(
          "scenario-count",
          "场景包须有 1 到 " + MAX_SCENARIOS + " 个场景，而不是 " + named.size() + " 个",
          "a scenario package holds 1 to " + MAX_SCENARIOS + " scenarios, not " + named.size());
    }
    for (String f : files) {
      if (!f.equals(INDEX)
          && !named.contains(f)
          && !f.equals(ContentPackage.MANIFEST)
          && !f.equals(ContentPackage.SIGNATURE)) {
        // a file nothing reads is how something unchecked would travel inside a signed package
        throw new ContentRefusal(
            "scenario-stray",
            "场景包中有场景目录未列出的文件：" + f,
            "the package holds a file the scenario index does not name: " + f);
      }
    }
    List<Scenario> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (String f : named) {
      Scenario s;
      String source = text(folder.resolve(f), f);
      try {
        s = ScenarioJson.read(source);
      } catch (ReadinessRefusal r) {
        throw new ContentRefusal("scenario-invalid", f + "：" + r.zh(), f + ": " + r.en());
      }
      if (!ids.add(s.id())) {
        throw new ContentRefusal(
            "scenario-duplicate",
            f + "：场景标识 " + s.id() + " 重复",
            f + ": the scenario id " + s.id() + " is used twice");
      }
      out.add(s);
      sources.add(source);
    }
    return out;
  }

  private static String text(Path file, String name) throws ContentRefusal, IOException {
    byte[] bytes = Files.readAllBytes(file);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString()
          .replace("\r\n", "\n");
    } catch (CharacterCodingException e) {
      throw new ContentRefusal(
          "scenario-encoding", name + " 不是 UTF-8 文本", name + " is not UTF-8 text");
    }
  }
}
