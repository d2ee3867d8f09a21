package cn.xinsheng.launcher;

import cn.xinsheng.music.domain.MusicRefusal;
import cn.xinsheng.music.domain.notation.Jianpu;
import cn.xinsheng.music.domain.notation.Piece;
import cn.xinsheng.music.domain.notation.Tuning;
import cn.xinsheng.music.domain.synth.TakeSynthesizer;
import cn.xinsheng.music.domain.synth.Tone;
import cn.xinsheng.music.domain.synth.WavWriter;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 19's demo exams for {@code start-dev}, through the platform's own API as the exam board and
 * the examiners would work (so every step is in the audit log): a finished 二胡一级 session with
 * published results and certificates, and an open 二胡二级 session, for the candidates who passed, with
 * their performances recorded and waiting for examiner1's and examiner2's marks. The performances
 * are synthesized here from a short 简谱 etude (no recorded music).
 */
final class MusicExamDemo {

  static final String ROOM = "民乐排练厅（演示）";
  private static final String PASSWORD = DemoData.PASSWORD;
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

  /** Marks per finished candidate: one fails, the others pass at different grades. */
  private static final int[][] MARKS = {
    {18, 19, 18, 18, 19}, {16, 17, 16, 17, 16}, {13, 13, 12, 12, 13}, {10, 11, 9, 10, 11}
  };

  private MusicExamDemo() {}

  /** Adds the demo exams once; returns a line for the console. */
  static String ensure(String baseUrl) throws IOException, InterruptedException {
    DemoSession board = DemoSession.login(baseUrl, "eduadmin1");
    HttpResponse<String> sessions = board.get("/api/v1/music/exams/sessions");
    if (sessions.statusCode() != 200) {
      throw new IOException("exam sessions: " + sessions.statusCode());
    }
    if (sessions.body().contains(ROOM)) {
      return "演示考级已在 / demo exams present";
    }
    DemoSession ex1 = DemoSession.login(baseUrl, "examiner1");
    DemoSession ex2 = DemoSession.login(baseUrl, "examiner2");
    long finished =
        id(
            board.post(
                "/api/v1/music/exams/sessions",
                "{\"date\":\"2026-10-16\",\"room\":\""
                    + ROOM
                    + "\",\"instrument\":\"ERHU\",\"level\":1}"));
    long open =
        id(
            board.post(
                "/api/v1/music/exams/sessions",
                "{\"date\":\"2026-12-18\",\"room\":\""
                    + ROOM
                    + "\",\"instrument\":\"ERHU\",\"level\":2}"));
    int certificates = 0;
    for (int i = 0; i < MARKS.length; i++) {
      String number = String.format("3301%06d", 31 + i);
      long c = candidate(board, finished, number, i);
      String marks = marks(MARKS[i]);
      check(ex1.post("/api/v1/music/exams/marks/" + c, marks), 201);
      // the second examiner differs by a point on one item: no third examiner needed
      int[] second = MARKS[i].clone();
      second[0] = Math.min(20, second[0] + 1);
      check(ex2.post("/api/v1/music/exams/marks/" + c, marks(second)), 201);
      HttpResponse<String> pub = board.post("/api/v1/music/exams/publications/" + c, "{}");
      check(pub, 201);
      if (pub.body().contains("\"certificateCode\":\"")) {
        certificates++;
      }
    }
    // those who passed level 1 sit level 2: registered, seated, recorded, waiting for marks
    int waiting = 0;
    for (int i = 0; i < MARKS.length - 1; i++) {
      candidate(board, open, String.format("3301%06d", 31 + i), 10 + i);
      waiting++;
    }
    return "演示考级：已公布 "
        + MARKS.length
        + " 人，证书 "
        + certificates
        + " 张；待评分 "
        + waiting
        + " 人 / demo exams: "
        + MARKS.length
        + " published, "
        + certificates
        + " certificates, "
        + waiting
        + " to mark";
  }

  /** Registers, seats examiner1 and examiner2, and records a synthesized performance. */
  private static long candidate(DemoSession board, long session, String number, int seed)
      throws IOException, InterruptedException {
    long c =
        id(
            board.post(
                "/api/v1/music/exams/registrations",
                "{\"session\":" + session + ",\"prisonerNumber\":\"" + number + "\"}"));
    check(board.post("/api/v1/music/exams/panel/" + c, "{\"examiner\":\"examiner1\"}"), 201);
    check(board.post("/api/v1/music/exams/panel/" + c, "{\"examiner\":\"examiner2\"}"), 201);
    check(
        board.post(
            "/api/v1/music/exams/candidates/" + c + "/performance",
            "application/octet-stream",
            performance(seed)),
        201);
    return c;
  }

  /** A short etude on a bowed tone, each candidate a little differently out of tune and time. */
  static byte[] performance(int seed) throws IOException {
    Piece piece;
    try {
      piece =
          Jianpu.parse("title: 练习曲\nkey: 1=D\ntempo: 84\n1 2 3 5 | 6 5 3 2 | 1 2 3 2 | 1 - - - |");
    } catch (MusicRefusal e) {
      throw new IOException(e.en(), e);
    }
    return WavWriter.pcm16(
        TakeSynthesizer.play(
                piece,
                Tuning.STANDARD,
                TakeSynthesizer.Playing.clean(22050, Tone.BOWED.withVibrato(15, 5.5))
                    .withTempo(1.0, 0.02 * (seed % 4))
                    .withIntonation(4 + 6 * (seed % 4), 1000 + seed))
            .audio());
  }

  private static String marks(int[] m) {
    return "{\"marks\":{\"INTONATION\":"
        + m[0]
        + ",\"RHYTHM\":"
        + m[1]
        + ",\"TECHNIQUE\":"
        + m[2]
        + ",\"EXPRESSION\":"
        + m[3]
        + ",\"COMPLETENESS\":"
        + m[4]
        + "}}";
  }

  private static long id(HttpResponse<String> r) throws IOException {
    check(r, 201);
    Matcher m = ID.matcher(r.body());
    if (!m.find()) {
      throw new IOException("no id in " + r.body());
    }
    return Long.parseLong(m.group(1));
  }

  private static void check(HttpResponse<String> r, int status) throws IOException {
    if (r.statusCode() != status) {
      throw new IOException(r.request().uri().getPath() + ": " + r.statusCode() + " " + r.body());
    }
  }
}
