package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.CanonicalJson;
import cn.xinsheng.audit.NoteKey;
import cn.xinsheng.content.ContentPackage;
import cn.xinsheng.music.domain.notation.Jianpu;
import cn.xinsheng.music.domain.notation.Piece;
import cn.xinsheng.music.domain.notation.Tuning;
import cn.xinsheng.music.domain.synth.TakeSynthesizer;
import cn.xinsheng.music.domain.synth.Tone;
import cn.xinsheng.music.domain.synth.WavWriter;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 19 (music-study) on the running platform: the demo's signed syllabi; a take synthesized
 * here, uploaded through REST by the learner's teacher, analysed by the background job, whose notes
 * match what was played within a few cents, kept by its hash with an audit leaf; a corrupt or
 * unsupported upload refused in both languages with nothing stored; another inmate's take as if it
 * did not exist, for an examiner too (he reads only his panel's performances); append-only
 * feedback; the practice log; bad syllabus packages refused with nothing kept and a newer version
 * in force.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class MusicStudySystemIT {

  private static final String PASSWORD = "demo123!";
  private static final String LEARNER = "3301000002"; // inmate2, taught by teacher1 (demo cohorts)
  // 茉莉花, as in the demo's erhu level 2
  private static final String MOLIHUA =
      "key: 1=F\ntempo: 72\ntime: 2/4\n3 3_5_ | 6_1'_1'_6_ | 5 5_6_ | 5 - |\n3 3_5_ | 6_1'_1'_6_ | 5 5_6_ | 5 - |";

  private static String base;
  private static WebClient teacher;
  private static WebClient inmate2;
  private static WebClient inmate3;
  private static WebClient examiner;
  private static WebClient office;
  private static long takeId;
  private static TakeSynthesizer.Take played;

  @BeforeAll
  static void start() {
    base = RunningPlatform.ensureStarted();
    teacher = login("teacher1");
    inmate2 = login("inmate2");
    inmate3 = login("inmate3");
    examiner = login("examiner1");
    office = login("eduadmin1");
  }

  private static WebClient login(String user) {
    WebClient c = new WebClient(base);
    assertEquals(200, c.login(user, PASSWORD).statusCode(), user);
    return c;
  }

  private static HttpResponse<String> post(WebClient c, String path, String type, byte[] body) {
    return c.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private static Map<?, ?> json(HttpResponse<String> r) {
    return (Map<?, ?>) CanonicalJson.parseLenient(r.body());
  }

  private static List<?> list(HttpResponse<String> r) {
    return (List<?>) CanonicalJson.parseLenient(r.body());
  }

  private static long itemId(String key) {
    for (Object s : (List<?>) json(teacher.get("/api/v1/music/catalogue")).get("syllabi")) {
      long id = ((Number) ((Map<?, ?>) s).get("id")).longValue();
      for (Object i : list(teacher.get("/api/v1/music/syllabi/" + id + "/items"))) {
        if (key.equals(((Map<?, ?>) i).get("key"))) {
          return ((Number) ((Map<?, ?>) i).get("id")).longValue();
        }
      }
    }
    throw new AssertionError("no item " + key);
  }

  private static void refused(HttpResponse<String> r, int status) {
    assertEquals(status, r.statusCode(), r.body());
    Map<?, ?> e = json(r);
    assertTrue(
        String.valueOf(e.get("message_zh")).codePoints().anyMatch(c -> c >= 0x4E00), r.body());
    assertFalse(String.valueOf(e.get("message_en")).isBlank(), r.body());
  }

  private static long takeFiles() throws Exception {
    Path dir = RunningPlatform.DATA_DIR.resolve("content").resolve("music").resolve("takes");
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).count();
    }
  }

  @Test
  @Order(1)
  void theDemoSyllabiAreInTheCatalogueWithSheetsAndReferenceRecordings() {
    Map<?, ?> catalogue = json(examiner.get("/api/v1/music/catalogue"));
    assertTrue(((List<?>) catalogue.get("instruments")).size() >= 10);
    assertEquals(10, ((List<?>) catalogue.get("levels")).size());
    List<?> syllabi = (List<?>) catalogue.get("syllabi");
    for (String instrument : List.of("ERHU", "DIZI")) {
      for (long level = 1; level <= 4; level++) {
        long l = level;
        assertTrue(
            syllabi.stream()
                .map(s -> (Map<?, ?>) s)
                .anyMatch(
                    s ->
                        instrument.equals(s.get("instrument"))
                            && ((Number) s.get("level")).longValue() == l),
            instrument + " " + level);
      }
    }
    long item = itemId("erhu-2-piece");
    Map<?, ?> it = json(inmate2.get("/api/v1/music/items/" + item));
    assertEquals("1=F", it.get("keyText"));
    assertTrue(String.valueOf(it.get("notation")).contains("6_1'_1'_6_"));
    HttpResponse<String> sheet = inmate2.get("/api/v1/music/items/" + item + "/sheet");
    assertEquals(200, sheet.statusCode());
    assertTrue(sheet.headers().firstValue("Content-Type").orElse("").startsWith("image/png"));
    HttpResponse<String> reference =
        inmate2.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/music/items/" + item + "/reference"))
                .header("Range", "bytes=0-11")
                .GET());
    assertEquals(206, reference.statusCode());
    // nobody else reads the catalogue's API
    assertEquals(403, login("prosecutor1").get("/api/v1/music/catalogue").statusCode());
  }

  @Test
  @Order(2)
  void aSynthesizedTakeUploadedByTheTeacherIsAnalysedInTheBackgroundAndMatchesWhatWasPlayed()
      throws Exception {
    Piece piece = Jianpu.parse(MOLIHUA);
    played =
        TakeSynthesizer.play(
            piece,
            Tuning.STANDARD,
            TakeSynthesizer.Playing.clean(22050, Tone.BOWED.withVibrato(10, 5.5))
                .withTempo(0.95, 0.03)
                .withIntonation(15, 7));
    byte[] wav = WavWriter.pcm16(played.audio());
    long before = RunningPlatform.count("SELECT COUNT(*) FROM music_take");
    HttpResponse<String> r =
        post(
            teacher,
            "/api/v1/music/takes?inmate=" + LEARNER + "&item=" + itemId("erhu-2-piece"),
            "audio/wav",
            wav);
    assertEquals(201, r.statusCode(), r.body());
    Map<?, ?> take = json(r);
    takeId = ((Number) take.get("id")).longValue();
    assertEquals(before + 1, RunningPlatform.count("SELECT COUNT(*) FROM music_take"));
    String sha = (String) take.get("sha256");
    assertEquals(cn.xinsheng.audit.MerkleTree.sha256Hex(wav), sha, "content-addressed");
    assertEquals("UPLOAD", take.get("source"));
    // the job: queued or running, then done, with its progress
    Map<?, ?> job = null;
    for (int i = 0; i < 240; i++) {
      job = json(inmate2.get("/api/v1/music/takes/" + takeId + "/job"));
      if ("DONE".equals(job.get("state")) || "FAILED".equals(job.get("state"))) {
        break;
      }
      Thread.sleep(500);
    }
    assertEquals("DONE", job.get("state"), String.valueOf(job));
    assertEquals(100L, ((Number) job.get("progress")).longValue());
    Map<?, ?> analysis = json(inmate2.get("/api/v1/music/takes/" + takeId + "/analysis"));
    assertEquals(22050L, ((Number) analysis.get("sampleRate")).longValue());
    assertFalse(((List<?>) analysis.get("frames")).isEmpty());
    List<?> notes = (List<?>) analysis.get("notes");
    assertEquals(played.played().size(), notes.size());
    int compared = 0;
    for (int i = 0; i < notes.size(); i++) {
      Map<?, ?> n = (Map<?, ?>) notes.get(i);
      assertTrue(n.get("medianHz") != null, "note " + i + " heard");
      double truth = played.played().get(i).hz();
      double expectedHz = ((Number) n.get("expectedHz")).doubleValue();
      double cents = ((Number) n.get("cents")).doubleValue();
      double trueCents = 1200 * Math.log(truth / expectedHz) / Math.log(2);
      assertEquals(trueCents, cents, 5.0, "note " + i + " " + n.get("expected"));
      compared++;
    }
    assertEquals(22, compared, "茉莉花 has 22 notes");
    Map<?, ?> tempo = (Map<?, ?>) analysis.get("tempo");
    assertEquals(72.0, ((Number) tempo.get("markedBpm")).doubleValue(), 0.01);
    assertEquals(72 * 0.95, ((Number) tempo.get("measuredBpm")).doubleValue(), 72 * 0.05);
    // the upload and the analysis are leaves of the audit log; the upload carries the hash
    RunningPlatform.awaitEverythingSigned();
    assertEquals(
        1,
        RunningPlatform.count(
            "SELECT COUNT(*) FROM audit_entry WHERE CAST(leaf_data AS CHAR) LIKE '%music.take.recorded%'"
                + " AND CAST(leaf_data AS CHAR) LIKE '%"
                + sha
                + "%'"));
    assertTrue(
        RunningPlatform.count(
                "SELECT COUNT(*) FROM audit_entry WHERE CAST(leaf_data AS CHAR) LIKE '%music.take.analysed%'"
                    + " AND CAST(leaf_data AS CHAR) LIKE '%\"subject\":\"music-take/"
                    + takeId
                    + "\"%'")
            == 1);
    // the recording is served with ranges
    HttpResponse<String> part =
        teacher.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/music/takes/" + takeId + "/audio"))
                .header("Range", "bytes=0-99")
                .GET());
    assertEquals(206, part.statusCode());
  }

  @Test
  @Order(3)
  void aCorruptOrUnsupportedUploadIsRefusedInBothLanguagesAndNothingIsStored() throws Exception {
    long rows = RunningPlatform.count("SELECT COUNT(*) FROM music_take");
    long files = takeFiles();
    byte[] wav = WavWriter.pcm16(played.audio());
    byte[] truncated = java.util.Arrays.copyOf(wav, 40); // a header that promises data it lacks
    byte[] corrupt = wav.clone();
    corrupt[20] = 9; // an audio format no WAV has
    String upload = "/api/v1/music/takes?inmate=" + LEARNER;
    refused(post(teacher, upload, "audio/wav", truncated), 400);
    refused(post(teacher, upload, "audio/wav", corrupt), 400);
    refused(
        post(
            teacher,
            upload,
            "audio/mpeg",
            "not audio at all, a text file".getBytes(StandardCharsets.UTF_8)),
        400);
    refused(post(teacher, upload, "audio/wav", new byte[0]), 400);
    refused(
        post(
            inmate2,
            "/api/v1/music/takes/mine",
            "audio/webm",
            new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 1, 2, 3, 4, 5, 6, 7, 8, 9}),
        400);
    assertEquals(rows, RunningPlatform.count("SELECT COUNT(*) FROM music_take"));
    assertEquals(files, takeFiles(), "no file kept");
    // an inmate the teacher does not teach: as if he did not exist
    refused(post(teacher, "/api/v1/music/takes?inmate=3301000299", "audio/wav", wav), 404);
    // examiners read, never upload
    assertEquals(403, post(examiner, upload, "audio/wav", wav).statusCode());
    assertEquals(rows, RunningPlatform.count("SELECT COUNT(*) FROM music_take"));
  }

  @Test
  @Order(4)
  void anotherInmatesTakeIsRefusedAndExaminersSeeNoPracticeTake() {
    assertEquals(200, inmate2.get("/api/v1/music/takes/" + takeId).statusCode());
    refused(inmate3.get("/api/v1/music/takes/" + takeId), 404);
    refused(inmate3.get("/api/v1/music/takes/" + takeId + "/analysis"), 404);
    refused(inmate3.get("/api/v1/music/takes/" + takeId + "/audio"), 404);
    assertTrue(
        list(inmate3.get("/api/v1/music/takes")).stream()
            .noneMatch(t -> ((Number) ((Map<?, ?>) t).get("id")).longValue() == takeId));
    assertTrue(
        list(inmate2.get("/api/v1/music/takes")).stream()
            .allMatch(t -> LEARNER.equals(((Map<?, ?>) t).get("prisonerNumber"))));
    // an examiner reads only the performances of the candidates on his panel (issue 19 item 10):
    // a practice take is as if it did not exist, on every way in, and absent from his list
    for (String way : List.of("", "/job", "/analysis", "/audio", "/feedback")) {
      refused(examiner.get("/api/v1/music/takes/" + takeId + way), 404);
    }
    assertTrue(
        list(examiner.get("/api/v1/music/takes")).stream()
            .noneMatch(t -> ((Number) ((Map<?, ?>) t).get("id")).longValue() == takeId));
    assertTrue(
        list(examiner.get("/api/v1/music/takes")).stream()
            .allMatch(t -> "EXAM".equals(((Map<?, ?>) t).get("purpose"))),
        "an examiner's list holds exam performances only");
    assertEquals(
        403,
        examiner
            .postJson("/api/v1/music/takes/" + takeId + "/feedback", "{\"text\":\"好\"}")
            .statusCode());
    assertEquals(
        403,
        inmate2
            .postJson("/api/v1/music/takes/" + takeId + "/feedback", "{\"text\":\"好\"}")
            .statusCode());
    assertEquals(403, login("judge1").get("/api/v1/music/takes/" + takeId).statusCode());
  }

  @Test
  @Order(5)
  void theTeacherWritesFeedbackThatIsAppendOnly() {
    HttpResponse<String> first =
        teacher.postJson(
            "/api/v1/music/takes/" + takeId + "/feedback", "{\"text\":\"第二小节的 1' 偏低。\"}");
    assertEquals(201, first.statusCode(), first.body());
    long firstId = ((Number) json(first).get("id")).longValue();
    HttpResponse<String> fix =
        teacher.postJson(
            "/api/v1/music/takes/" + takeId + "/feedback",
            "{\"text\":\"更正：是第二小节的 6 偏低。\",\"corrects\":" + firstId + "}");
    assertEquals(201, fix.statusCode(), fix.body());
    refused(
        teacher.postJson("/api/v1/music/takes/" + takeId + "/feedback", "{\"text\":\"  \"}"), 400);
    List<?> all = list(inmate2.get("/api/v1/music/takes/" + takeId + "/feedback"));
    assertEquals(2, all.size());
    assertEquals("第二小节的 1' 偏低。", ((Map<?, ?>) all.get(0)).get("text"));
    assertEquals(firstId, ((Number) ((Map<?, ?>) all.get(1)).get("corrects")).longValue());
  }

  @Test
  @Order(6)
  void thePracticeLogIsTheInmatesOwnAndHisTeachers() {
    refused(
        inmate2.postJson("/api/v1/music/practice", "{\"instrument\":\"ERHU\",\"minutes\":0}"), 400);
    refused(
        inmate2.postJson("/api/v1/music/practice", "{\"instrument\":\"KAZOO\",\"minutes\":20}"),
        400);
    HttpResponse<String> r =
        inmate2.postJson(
            "/api/v1/music/practice",
            "{\"instrument\":\"DIZI\",\"minutes\":25,\"items\":["
                + itemId("dizi-1-scale")
                + "],\"note\":\"吐音\"}");
    assertEquals(201, r.statusCode(), r.body());
    assertTrue(
        list(teacher.get("/api/v1/music/practice")).stream()
            .anyMatch(
                p ->
                    "吐音".equals(((Map<?, ?>) p).get("note"))
                        && LEARNER.equals(((Map<?, ?>) p).get("prisonerNumber"))));
    assertTrue(
        list(inmate3.get("/api/v1/music/practice")).stream()
            .noneMatch(p -> LEARNER.equals(((Map<?, ?>) p).get("prisonerNumber"))));
    assertEquals(
        403,
        teacher
            .postJson("/api/v1/music/practice", "{\"instrument\":\"DIZI\",\"minutes\":5}")
            .statusCode());
  }

  @Test
  @Order(7)
  void badSyllabusPackagesAreRefusedWithNothingKeptAndANewerVersionIsInForce() throws Exception {
    long packages = RunningPlatform.count("SELECT COUNT(*) FROM music_syllabus_package");
    long items = RunningPlatform.count("SELECT COUNT(*) FROM music_syllabus_item");
    Path work = Files.createTempDirectory("music-it-");
    // unsigned
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(plain)) {
      z.putNextEntry(new ZipEntry("syllabus.json"));
      z.write("{}".getBytes(StandardCharsets.UTF_8));
    }
    refused(post(office, "/api/v1/music/packages", "application/zip", plain.toByteArray()), 400);
    // signed by a key nobody trusted
    Path folder = syllabusFolder(work.resolve("v2"), 1);
    Path untrusted = work.resolve("untrusted.zip");
    ContentPackage.pack(
        folder, "cn.it.music", 2, "t", "p", NoteKey.generate("publisher.stranger"), untrusted);
    refused(
        post(office, "/api/v1/music/packages", "application/zip", Files.readAllBytes(untrusted)),
        400);
    // signed by the trusted demo publisher, but a level that does not exist
    NoteKey demo =
        NoteKey.parsePrivateKeyText(
            Files.readString(
                RunningPlatform.DATA_DIR.resolve("secrets").resolve("demo-publisher.key")));
    Path badLevel = work.resolve("bad.zip");
    ContentPackage.pack(
        syllabusFolder(work.resolve("bad"), 11), "cn.it.music", 2, "t", "p", demo, badLevel);
    HttpResponse<String> r =
        post(office, "/api/v1/music/packages", "application/zip", Files.readAllBytes(badLevel));
    refused(r, 400);
    assertTrue(json(r).get("message_zh").toString().contains("1–10"), r.body());
    assertEquals(packages, RunningPlatform.count("SELECT COUNT(*) FROM music_syllabus_package"));
    assertEquals(items, RunningPlatform.count("SELECT COUNT(*) FROM music_syllabus_item"));
    assertFalse(
        Files.exists(RunningPlatform.DATA_DIR.resolve("content/music/packages/cn.it.music")));
    // a teacher may not import
    Path good = work.resolve("good.zip");
    ContentPackage.pack(folder, "cn.it.music", 2, "二胡一级（第二版）", "集成测试", demo, good);
    assertEquals(
        403,
        post(teacher, "/api/v1/music/packages", "application/zip", Files.readAllBytes(good))
            .statusCode());
    // version 2 of ERHU level 1 is in force; the same version again is a conflict
    HttpResponse<String> ok =
        post(office, "/api/v1/music/packages", "application/zip", Files.readAllBytes(good));
    assertEquals(201, ok.statusCode(), ok.body());
    assertTrue(
        ((List<?>) json(teacher.get("/api/v1/music/catalogue")).get("syllabi"))
            .stream()
                .map(s -> (Map<?, ?>) s)
                .anyMatch(
                    s ->
                        "ERHU".equals(s.get("instrument"))
                            && ((Number) s.get("level")).longValue() == 1
                            && ((Number) s.get("version")).longValue() == 2));
    refused(
        post(office, "/api/v1/music/packages", "application/zip", Files.readAllBytes(good)), 409);
    ContentPackage.deleteTree(work);
  }

  /** A one-syllabus package folder (ERHU at {@code level}) with one item. */
  private static Path syllabusFolder(Path folder, int level) throws Exception {
    Files.createDirectories(folder.resolve("audio"));
    String jianpu = "title: 空弦长弓\nkey: 1=D\ntempo: 60\ntime: 4/4\n1 - 5 - | 1 - 5 - |";
    Files.writeString(folder.resolve("item.jianpu"), jianpu, StandardCharsets.UTF_8);
    Files.write(
        folder.resolve("sheet.pdf"), "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
    Files.write(
        folder.resolve("audio/ref.wav"),
        WavWriter.pcm16(
            TakeSynthesizer.play(
                    Jianpu.parse(jianpu),
                    Tuning.STANDARD,
                    TakeSynthesizer.Playing.clean(8000, Tone.SINE))
                .audio()));
    Files.writeString(
        folder.resolve("syllabus.json"),
        "{\"syllabi\": [{\"instrument\": \"ERHU\", \"level\": "
            + level
            + ", \"title\": \"二胡一级（第二版）\", \"items\": [{\"key\": \"erhu-1-open\", \"kind\": \"ETUDE\","
            + " \"title\": \"空弦长弓\", \"tempoMark\": \"慢速\", \"expectedSeconds\": 20, \"notation\": \"item.jianpu\","
            + " \"sheet\": \"sheet.pdf\", \"reference\": \"audio/ref.wav\"}]}]}",
        StandardCharsets.UTF_8);
    return folder;
  }
}
