package cn.xinsheng.launcher;

import cn.xinsheng.audit.CanonicalJson;
import cn.xinsheng.audit.NoteKey;
import cn.xinsheng.content.ContentPackage;
import cn.xinsheng.content.ContentRefusal;
import cn.xinsheng.music.domain.MusicRefusal;
import cn.xinsheng.music.domain.notation.Jianpu;
import cn.xinsheng.music.domain.notation.Piece;
import cn.xinsheng.music.domain.notation.Tuning;
import cn.xinsheng.music.domain.synth.TakeSynthesizer;
import cn.xinsheng.music.domain.synth.Tone;
import cn.xinsheng.music.domain.synth.WavWriter;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.imageio.ImageIO;

/**
 * Issue 19's demo (music-study): the ERHU and DIZI syllabi of levels 1–4 as a signed syllabus
 * package — 简谱 from the launcher's resources, sheet images drawn from it and reference recordings
 * synthesized from it at the first start (no recorded, no copyrighted audio), signed with the demo
 * publisher key {@link DemoContent} trusts — imported through the platform's API as the education
 * office would; two music courses (二胡入门, 笛子入门) as ordinary LMS packages with a cohort taught by
 * teacher1; practice logged by inmate1–inmate3 and practice takes synthesized with a player's
 * imperfections (a little out of tune, uneven tempo, vibrato, noise), uploaded by teacher1 and one
 * recorded by inmate1 at the terminal, each analysed by the platform's background job; and
 * teacher1's feedback on one take.
 */
final class MusicDemo {

  static final String RESOURCES = "/demo-music/";
  static final List<String> LEARNERS = List.of("3301000001", "3301000002", "3301000003");

  private MusicDemo() {}

  /** Loads what is not there yet; returns a line for the console. */
  static String ensure(String baseUrl, Path dataDir) throws IOException, InterruptedException {
    NoteKey key = DemoContent.publisherKey(dataDir.resolve("secrets"));
    DemoSession office = DemoSession.login(baseUrl, "eduadmin1");
    Path work = Files.createTempDirectory("xinsheng-demo-music-");
    int imported = 0;
    try {
      Path folder = syllabusFolder(work.resolve("syllabi"));
      Properties p = properties("package.properties");
      Path zip = work.resolve("syllabi.zip");
      ContentPackage.pack(
          folder,
          p.getProperty("id"),
          Long.parseLong(p.getProperty("version")),
          p.getProperty("title"),
          p.getProperty("publisher"),
          key,
          zip);
      HttpResponse<String> r =
          office.post("/api/v1/music/packages", "application/zip", Files.readAllBytes(zip));
      if (r.statusCode() == 201) {
        imported++;
      } else if (r.statusCode() != 409) {
        throw new IOException("importing the demo syllabi: " + r.statusCode() + " " + r.body());
      }
      for (String course : List.of("erhu", "dizi")) {
        Path c = work.resolve("course-" + course);
        copyListed("courses/" + course + "/", c);
        Path cz = work.resolve(course + ".zip");
        ContentPackage.pack(
            c, "cn.xinsheng.demo.music-" + course, 1, "民乐课程（演示）", "示范监狱 教育科（演示）", key, cz);
        HttpResponse<String> cr =
            office.post("/api/v1/lms/packages", "application/zip", Files.readAllBytes(cz));
        if (cr.statusCode() != 201 && cr.statusCode() != 409) {
          throw new IOException("importing the music course " + course + ": " + cr.body());
        }
      }
    } catch (ContentRefusal | MusicRefusal e) {
      throw new IOException(e.getMessage(), e);
    } finally {
      ContentPackage.deleteTree(work);
    }
    HttpResponse<String> cohorts = office.get("/api/v1/lms/cohorts");
    if (cohorts.statusCode() == 200 && !cohorts.body().contains("民乐修心")) {
      HttpResponse<String> r =
          office.post(
              "/api/v1/lms/cohorts",
              "application/json",
              ("{\"name\":\"2026 民乐修心 二胡笛子入门班\",\"programme\":\"MY-XX\",\"teacher\":\"teacher1\","
                      + "\"inmates\":[\""
                      + String.join("\",\"", LEARNERS)
                      + "\"]}")
                  .getBytes(StandardCharsets.UTF_8));
      if (r.statusCode() != 201) {
        throw new IOException("the music cohort: " + r.statusCode() + " " + r.body());
      }
    }
    int takes = practiceAndTakes(baseUrl);
    return "民乐 / folk music: "
        + imported
        + " 个大纲包已导入 / syllabus package imported (二胡、笛子 一至四级), "
        + takes
        + " 段合成练习录音 / synthesized practice takes (inmate1–inmate3, teacher1)";
  }

  /** The demo syllabus package's folder: syllabus.json, 简谱, sheets drawn, references played. */
  static Path syllabusFolder(Path folder) throws IOException, MusicRefusal {
    Files.createDirectories(folder.resolve("items"));
    Files.createDirectories(folder.resolve("sheets"));
    Files.createDirectories(folder.resolve("audio"));
    Files.write(folder.resolve("syllabus.json"), resource("syllabus.json"));
    for (String name : lines("items.txt")) {
      Files.write(folder.resolve("items").resolve(name), resource("items/" + name));
    }
    Object spec =
        CanonicalJson.parseLenient(
            Files.readString(folder.resolve("syllabus.json"), StandardCharsets.UTF_8));
    for (Object s : (List<?>) ((Map<?, ?>) spec).get("syllabi")) {
      String instrument = (String) ((Map<?, ?>) s).get("instrument");
      for (Object o : (List<?>) ((Map<?, ?>) s).get("items")) {
        Map<?, ?> item = (Map<?, ?>) o;
        String text =
            Files.readString(folder.resolve((String) item.get("notation")), StandardCharsets.UTF_8);
        Piece piece = Jianpu.parse(text);
        Files.write(folder.resolve((String) item.get("sheet")), sheet(text));
        TakeSynthesizer.Take take =
            TakeSynthesizer.play(
                piece, Tuning.STANDARD, TakeSynthesizer.Playing.clean(22050, tone(instrument)));
        Files.write(folder.resolve((String) item.get("reference")), WavWriter.pcm16(take.audio()));
      }
    }
    return folder;
  }

  static Tone tone(String instrument) {
    // the erhu's bowed tone is bright (many partials), the dizi's blown tone has fewer
    return "DIZI".equals(instrument)
        ? new Tone(4, 2, 0, 0, Double.POSITIVE_INFINITY, 3)
        : Tone.BOWED;
  }

  /**
   * A sheet image of the 简谱 text: its header line and its bars as written (digits, octave marks,
   * underlines), drawn in a monospaced font — every glyph is ASCII, so no CJK font is needed.
   */
  static byte[] sheet(String text) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder header = new StringBuilder();
    for (String raw : text.split("\n")) {
      String line = raw.replaceAll("%.*$", "").strip();
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("key:")) {
        header.insert(0, line.substring(4).strip() + "   ");
      } else if (line.startsWith("time:")) {
        header.append(line.substring(5).strip()).append("   ");
      } else if (line.startsWith("tempo:")) {
        header.append("q = ").append(line.substring(6).strip());
      } else if (!line.startsWith("title:")) {
        lines.add(line);
      }
    }
    int width = 900;
    int height = 70 + 50 * lines.size();
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setColor(new Color(0x22, 0x22, 0x22));
      g.setStroke(new BasicStroke(2));
      g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 20));
      g.drawString(header.toString().strip(), 30, 40);
      g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 26));
      int y = 90;
      for (String line : lines) {
        g.drawString(line, 30, y);
        y += 50;
      }
    } finally {
      g.dispose();
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  /** Practice and takes for the demo learners, once. Returns the takes made. */
  private static int practiceAndTakes(String baseUrl) throws IOException, InterruptedException {
    DemoSession teacher = DemoSession.login(baseUrl, "teacher1");
    HttpResponse<String> existing = teacher.get("/api/v1/music/takes");
    if (existing.statusCode() != 200 || !existing.body().strip().equals("[]")) {
      return 0;
    }
    Map<String, Long> items = items(teacher);
    int made = 0;
    for (int n = 0; n < LEARNERS.size(); n++) {
      String number = LEARNERS.get(n);
      DemoSession inmate = DemoSession.login(baseUrl, "inmate" + (n + 1));
      inmate.post(
          "/api/v1/music/practice",
          "application/json",
          ("{\"instrument\":\"ERHU\",\"minutes\":"
                  + (30 + 15 * n)
                  + ",\"items\":["
                  + items.get("erhu-1-scale")
                  + ","
                  + items.get("erhu-1-piece")
                  + "],\"note\":\"空弦长弓，音阶慢练\"}")
              .getBytes(StandardCharsets.UTF_8));
      for (String item : List.of("erhu-1-scale", "erhu-1-piece")) {
        byte[] wav = take(item, n);
        HttpResponse<String> r =
            teacher.post(
                "/api/v1/music/takes?inmate=" + number + "&item=" + items.get(item),
                "audio/wav",
                wav);
        if (r.statusCode() != 201) {
          throw new IOException("a demo take: " + r.statusCode() + " " + r.body());
        }
        made++;
        if (n == 0 && item.equals("erhu-1-scale")) {
          long id =
              ((Number) ((Map<?, ?>) CanonicalJson.parseLenient(r.body())).get("id")).longValue();
          teacher.post(
              "/api/v1/music/takes/" + id + "/feedback",
              "application/json",
              "{\"text\":\"音阶的 4 和 7 偏高，练习时注意按指位置；换把时速度不要放慢。\"}".getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    DemoSession inmate1 = DemoSession.login(baseUrl, "inmate1");
    HttpResponse<String> mine =
        inmate1.post(
            "/api/v1/music/takes/mine?item=" + items.get("dizi-1-scale"),
            "audio/wav",
            take("dizi-1-scale", 3));
    if (mine.statusCode() == 201) {
      made++;
    }
    return made;
  }

  /** A practice take of a demo item, played by learner {@code n} with his own imperfections. */
  static byte[] take(String itemKey, int n) throws IOException {
    try {
      String text = new String(resource("items/" + itemKey + ".jianpu"), StandardCharsets.UTF_8);
      String instrument = itemKey.startsWith("dizi") ? "DIZI" : "ERHU";
      Tone tone = tone(instrument).withVibrato(12 + 4 * n, 5.5).withNoise(30, 17 + n);
      TakeSynthesizer.Playing playing =
          TakeSynthesizer.Playing.clean(22050, tone)
              .withTempo(0.92 + 0.04 * n, 0.04 + 0.02 * n)
              .withIntonation(8 + 6 * n, 100 + n);
      return WavWriter.pcm16(
          TakeSynthesizer.play(Jianpu.parse(text), Tuning.STANDARD, playing).audio());
    } catch (MusicRefusal e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** The items in force by their keys, read from the API. */
  private static Map<String, Long> items(DemoSession s) throws IOException, InterruptedException {
    Map<String, Long> out = new java.util.HashMap<>();
    Object catalogue = CanonicalJson.parseLenient(s.get("/api/v1/music/catalogue").body());
    for (Object syllabus : (List<?>) ((Map<?, ?>) catalogue).get("syllabi")) {
      long id = ((Number) ((Map<?, ?>) syllabus).get("id")).longValue();
      Object list =
          CanonicalJson.parseLenient(s.get("/api/v1/music/syllabi/" + id + "/items").body());
      for (Object item : (List<?>) list) {
        Map<?, ?> m = (Map<?, ?>) item;
        out.put((String) m.get("key"), ((Number) m.get("id")).longValue());
      }
    }
    return out;
  }

  private static void copyListed(String prefix, Path into) throws IOException {
    for (String file : lines(prefix + "index.txt")) {
      Path target = into.resolve(file);
      Files.createDirectories(target.getParent());
      Files.write(target, resource(prefix + file));
    }
  }

  private static List<String> lines(String path) throws IOException {
    return new String(resource(path), StandardCharsets.UTF_8)
        .lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty())
        .toList();
  }

  private static Properties properties(String path) throws IOException {
    Properties p = new Properties();
    try (InputStream in = MusicDemo.class.getResourceAsStream(RESOURCES + path)) {
      if (in == null) {
        throw new IOException("demo music missing from the build: " + path);
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  static byte[] resource(String path) throws IOException {
    try (InputStream in = MusicDemo.class.getResourceAsStream(RESOURCES + path)) {
      if (in == null) {
        throw new IOException("demo music missing from the build: " + path);
      }
      return in.readAllBytes();
    }
  }
}
