package cn.xinsheng.music.domain.catalogue;

import cn.xinsheng.audit.CanonicalJson;
import cn.xinsheng.music.domain.MusicRefusal;
import cn.xinsheng.music.domain.notation.Jianpu;
import cn.xinsheng.music.domain.notation.Piece;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code syllabus.json} of a syllabus package, read from the folder the signed package was
 * extracted to, and checked in full before anything is kept: each syllabus names an instrument and
 * a level (1–10); each item its stable key, kind (scale, etude or set piece), title, tempo mark,
 * expected duration and a 简谱 file that must parse (key and tempo come from it, so a take can be
 * compared with it), a sheet (PDF, PNG or JPEG, by content) and a reference recording (WAV, by
 * content; the platform makes none from copyrighted audio, the office synthesizes them).
 *
 * <pre>
 * {"syllabi": [{"instrument": "ERHU", "level": 1, "title": "二胡一级",
 *   "items": [{"key": "erhu-1-scale", "kind": "SCALE", "title": "D 大调音阶", "tempoMark": "中速",
 *     "expectedSeconds": 20, "notation": "items/erhu-1-scale.jianpu",
 *     "sheet": "sheets/erhu-1-scale.png", "reference": "audio/erhu-1-scale.wav"}]}]}
 * </pre>
 */
public record SyllabusSpec(List<Syllabus> syllabi) {

  public static final String FILE = "syllabus.json";

  private static final Pattern INSTRUMENT = Pattern.compile("[A-Z][A-Z0-9_]{1,19}");
  private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,59}");
  private static final int MAX_ITEMS = 200;

  public SyllabusSpec {
    syllabi = List.copyOf(syllabi);
  }

  /** What a syllabus item is. */
  public enum Kind {
    SCALE,
    ETUDE,
    PIECE
  }

  /** One instrument's syllabus at one level. */
  public record Syllabus(String instrument, int level, String title, List<Item> items) {
    public Syllabus {
      items = List.copyOf(items);
    }
  }

  /** A required item; {@code piece} is its parsed 简谱 (key and tempo), {@code notation} the text. */
  public record Item(
      String key,
      Kind kind,
      String title,
      String tempoMark,
      int expectedSeconds,
      String notationFile,
      String notation,
      Piece piece,
      String sheetFile,
      String sheetType,
      String referenceFile) {}

  /** Reads and checks {@code syllabus.json} and every file it names inside {@code folder}. */
  public static SyllabusSpec read(Path folder) throws MusicRefusal, IOException {
    Path file = folder.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw refusal(
          "syllabus.missing",
          "内容包不是曲目大纲包：缺少 " + FILE,
          "the package is not a syllabus package: it has no " + FILE);
    }
    Object root;
    try {
      root = CanonicalJson.parseLenient(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException | java.nio.charset.MalformedInputException e) {
      throw refusal(
          "syllabus.json", FILE + " 不是有效的 JSON（UTF-8）", FILE + " is not valid JSON (UTF-8)");
    }
    if (!(root instanceof Map<?, ?> m) || !(m.get("syllabi") instanceof List<?> list)) {
      throw refusal("syllabus.json", FILE + " 须有 syllabi 列表", FILE + " needs a list 'syllabi'");
    }
    if (list.isEmpty()) {
      throw refusal("syllabus.empty", "内容包中没有任何大纲", "the package holds no syllabus");
    }
    List<Syllabus> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Set<String> keys = new HashSet<>();
    int n = 0;
    for (Object o : list) {
      n++;
      String where = "第 " + n + " 个大纲";
      String whereEn = "syllabus " + n;
      if (!(o instanceof Map<?, ?> s)) {
        throw refusal("syllabus.json", where + "不是对象", whereEn + " is not an object");
      }
      String instrument = text(s, "instrument", where, whereEn, 20);
      if (!INSTRUMENT.matcher(instrument).matches()) {
        throw refusal(
            "syllabus.instrument",
            where + "的乐器代码“" + instrument + "”不符合规则（大写字母、数字）",
            whereEn
                + ": the instrument code '"
                + instrument
                + "' breaks the rule (capitals, digits)");
      }
      long level = number(s, "level", where, whereEn);
      if (level < 1 || level > 10) {
        throw refusal(
            "syllabus.level",
            where + "的级别 " + level + " 不在 1–10 级之内",
            whereEn + ": level " + level + " is not between 1 and 10");
      }
      if (!seen.add(instrument + "/" + level)) {
        throw refusal(
            "syllabus.duplicate",
            "同一乐器同一级别的大纲出现两次：" + instrument + " " + level + " 级",
            "the same instrument and level appear twice: " + instrument + " level " + level);
      }
      String title = text(s, "title", where, whereEn, 200);
      if (!(s.get("items") instanceof List<?> items) || items.isEmpty()) {
        throw refusal("syllabus.noItems", where + "没有曲目（items）", whereEn + " lists no items");
      }
      if (items.size() > MAX_ITEMS) {
        throw refusal(
            "syllabus.tooMany",
            where + "的曲目超过 " + MAX_ITEMS + " 个",
            whereEn + " has more than " + MAX_ITEMS + " items");
      }
      List<Item> read = new ArrayList<>();
      int k = 0;
      for (Object io : items) {
        k++;
        read.add(item(folder, io, where + "第 " + k + " 个曲目", whereEn + ", item " + k, keys));
      }
      out.add(new Syllabus(instrument, (int) level, title, read));
    }
    return new SyllabusSpec(out);
  }

  private static Item item(Path folder, Object o, String where, String whereEn, Set<String> keys)
      throws MusicRefusal, IOException {
    if (!(o instanceof Map<?, ?> m)) {
      throw refusal("syllabus.json", where + "不是对象", whereEn + " is not an object");
    }
    String key = text(m, "key", where, whereEn, 60);
    if (!KEY.matcher(key).matches()) {
      throw refusal(
          "syllabus.itemKey",
          where + "的标识“" + key + "”不符合规则（小写字母、数字、点、下划线、连字符）",
          whereEn + ": the key '" + key + "' breaks the rule (lower-case letters, digits, . _ -)");
    }
    if (!keys.add(key)) {
      throw refusal("syllabus.itemKey", "曲目标识重复：" + key, "an item key appears twice: " + key);
    }
    String kindText = text(m, "kind", where, whereEn, 10);
    Kind kind;
    try {
      kind = Kind.valueOf(kindText.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw refusal(
          "syllabus.kind",
          where + "的类别“" + kindText + "”不是音阶（SCALE）、练习曲（ETUDE）或乐曲（PIECE）",
          whereEn + ": the kind '" + kindText + "' is not SCALE, ETUDE or PIECE");
    }
    String title = text(m, "title", where, whereEn, 200);
    String tempoMark = text(m, "tempoMark", where, whereEn, 40);
    long seconds = number(m, "expectedSeconds", where, whereEn);
    if (seconds < 1 || seconds > 3600) {
      throw refusal(
          "syllabus.duration",
          where + "的预计时长须在 1–3600 秒之间",
          whereEn + ": the expected duration must be 1 to 3600 seconds");
    }
    String notationFile = text(m, "notation", where, whereEn, 300);
    Path notationPath = inside(folder, notationFile, where, whereEn);
    String notation;
    try {
      notation = Files.readString(notationPath, StandardCharsets.UTF_8);
    } catch (java.nio.charset.MalformedInputException e) {
      throw refusal(
          "syllabus.notation",
          where + "的简谱文件不是 UTF-8 文本",
          whereEn + ": the 简谱 file is not UTF-8 text");
    }
    Piece piece;
    try {
      piece = Jianpu.parse(notation);
    } catch (MusicRefusal r) {
      throw refusal(
          "syllabus.notation",
          where + "（" + key + "）的简谱有误：" + r.zh(),
          whereEn + " (" + key + "): its 简谱 is wrong: " + r.en());
    }
    String sheetFile = text(m, "sheet", where, whereEn, 300);
    String sheetType = sheetType(inside(folder, sheetFile, where, whereEn));
    if (sheetType == null) {
      throw refusal(
          "syllabus.sheet",
          where + "的乐谱“" + sheetFile + "”不是 PDF、PNG 或 JPEG 文件（按内容判断）",
          whereEn + ": the sheet '" + sheetFile + "' is not a PDF, PNG or JPEG file (by content)");
    }
    String referenceFile = text(m, "reference", where, whereEn, 300);
    if (!isWav(inside(folder, referenceFile, where, whereEn))) {
      throw refusal(
          "syllabus.reference",
          where + "的示范录音“" + referenceFile + "”不是 WAV 文件（按内容判断）",
          whereEn
              + ": the reference recording '"
              + referenceFile
              + "' is not a WAV file (by content)");
    }
    return new Item(
        key,
        kind,
        title,
        tempoMark,
        (int) seconds,
        notationFile,
        notation,
        piece,
        sheetFile,
        sheetType,
        referenceFile);
  }

  /** The media type of a sheet by its first bytes, or null. */
  static String sheetType(Path file) throws IOException {
    byte[] h = head(file, 8);
    if (h.length >= 5 && new String(h, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")) {
      return "application/pdf";
    }
    if (h.length >= 8
        && (h[0] & 0xFF) == 0x89
        && h[1] == 'P'
        && h[2] == 'N'
        && h[3] == 'G'
        && h[4] == 0x0D
        && h[5] == 0x0A) {
      return "image/png";
    }
    if (h.length >= 3 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xFF) == 0xD8 && (h[2] & 0xFF) == 0xFF) {
      return "image/jpeg";
    }
    return null;
  }

  private static boolean isWav(Path file) throws IOException {
    byte[] h = head(file, 12);
    return h.length == 12
        && new String(h, 0, 4, StandardCharsets.US_ASCII).equals("RIFF")
        && new String(h, 8, 4, StandardCharsets.US_ASCII).equals("WAVE");
  }

  private static byte[] head(Path file, int n) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(n);
    }
  }

  /** A file the package holds; a path outside it or a missing file is refused. */
  private static Path inside(Path folder, String name, String where, String whereEn)
      throws MusicRefusal {
    Path p = folder.resolve(name).normalize();
    if (!p.startsWith(folder.normalize()) || !Files.isRegularFile(p)) {
      throw refusal(
          "syllabus.file",
          where + "引用的文件不在包中：" + name,
          whereEn + " names a file the package does not hold: " + name);
    }
    return p;
  }

  private static String text(Map<?, ?> m, String field, String where, String whereEn, int max)
      throws MusicRefusal {
    if (!(m.get(field) instanceof String s) || s.isBlank() || s.length() > max) {
      throw refusal(
          "syllabus.field",
          where + "缺少或超长的字段：" + field + "（最多 " + max + " 个字符）",
          whereEn + ": the field '" + field + "' is missing or longer than " + max + " characters");
    }
    return s.strip();
  }

  private static long number(Map<?, ?> m, String field, String where, String whereEn)
      throws MusicRefusal {
    if (!(m.get(field) instanceof Long v)) {
      throw refusal(
          "syllabus.field",
          where + "的字段 " + field + " 须为整数",
          whereEn + ": the field '" + field + "' must be a whole number");
    }
    return v;
  }

  private static MusicRefusal refusal(String code, String zh, String en) {
    return new MusicRefusal(code, zh, en);
  }
}
