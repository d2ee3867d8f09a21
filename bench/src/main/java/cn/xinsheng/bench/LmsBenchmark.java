package cn.xinsheng.bench;

import cn.xinsheng.identity.domain.PasswordHash;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * 500 terminal sessions at once on loopback (a start-dev of its own): each logged-in inmate opens
 * his home page (what to do next), a lesson page and a 64 KiB range of the course video, as a class
 * starting a lesson does. Reported: p50/p95/p99 per request and errors, and the server's heap after
 * the run; the baseline is the same 500 sessions fetching the platform's stylesheet (the cheapest
 * request it serves) in the same run.
 */
final class LmsBenchmark {

  private static final int SESSIONS = Integer.getInteger("bench.sessions", 500);
  private static final String BASE =
      "http://localhost:" + Integer.getInteger("bench.http-port", 18181);

  private LmsBenchmark() {}

  static void run() throws Exception {
    Report.heading("Terminals: " + SESSIONS + " concurrent inmate sessions (start-dev of its own)");
    Path data = Path.of("bench-lms").toAbsolutePath();
    BenchData.deleteTree(data);
    Process platform = LedgerBenchmark.start(data);
    try {
      long[] ids = seed();
      List<HttpClient> sessions = login();
      long lesson = ids[0];
      long video = ids[1];
      String videoPath = "/api/v1/lms/lessons/" + video + "/file/media/accounting-equation.mp4";
      List<String> css = List.of("/jakarta.faces.resource/xinsheng.css.xhtml?ln=xinsheng");
      List<String> study =
          List.of("/inmate/home.xhtml", "/learn/lesson.xhtml?id=" + lesson, videoPath);
      // a class at its terminals: sessions arrive over 30 s and think 1-3 s between pages
      load(sessions, "paced, baseline: stylesheet", css, false, 30_000);
      load(sessions, "paced, home + lesson page + video range", study, true, 30_000);
      // the worst case: every session asks at the same instant
      load(sessions, "burst, baseline: stylesheet", css, false, 0);
      load(sessions, "burst, home + lesson page + video range", study, true, 0);
      Report.line("server heap after the run: %s", heap(platform));
    } finally {
      platform.destroy();
      if (!platform.waitFor(60, TimeUnit.SECONDS)) {
        platform.destroyForcibly();
      }
      BenchData.deleteTree(data);
    }
  }

  /**
   * 500 inmate accounts enrolled in the demo accounting course; answers the HTML and video lesson
   * ids.
   */
  private static long[] seed() throws Exception {
    try (Connection c = LedgerBenchmark.owner()) {
      c.setAutoCommit(false);
      String hash = PasswordHash.create("demo123!".toCharArray()).encoded();
      long course;
      long cohort;
      long[] lessons = new long[2];
      try (Statement s = c.createStatement()) {
        try (ResultSet rs = s.executeQuery("SELECT id FROM course WHERE code = 'KJ-101'")) {
          rs.next();
          course = rs.getLong(1);
        }
        try (ResultSet rs =
            s.executeQuery(
                "SELECT MIN(e.cohort_id) FROM enrolment e WHERE e.course_id = " + course)) {
          rs.next();
          cohort = rs.getLong(1);
        }
        try (ResultSet rs =
            s.executeQuery(
                "SELECT id FROM lesson WHERE lesson_key IN ('kj-1-1', 'kj-1-2') ORDER BY lesson_key")) {
          rs.next();
          lessons[0] = rs.getLong(1);
          rs.next();
          lessons[1] = rs.getLong(1);
        }
      }
      Timestamp now = Timestamp.from(Instant.now());
      try (PreparedStatement account =
              c.prepareStatement(
                  "INSERT INTO account (username, display_name, password_hash, must_change_password, created_at)"
                      + " VALUES (?, ?, ?, FALSE, ?)",
                  Statement.RETURN_GENERATED_KEYS);
          PreparedStatement role =
              c.prepareStatement(
                  "INSERT INTO account_role (account_id, role) VALUES (?, 'INMATE')");
          PreparedStatement inmate =
              c.prepareStatement(
                  "INSERT INTO inmate (id, prisoner_number, name, section_id, offence_category, sentence_start,"
                      + " sentence_months, life_sentence, admission_date, account_id)"
                      + " VALUES (?, ?, ?, 11, 'PROPERTY', ?, 60, FALSE, ?, ?)");
          PreparedStatement enrol =
              c.prepareStatement(
                  "INSERT INTO enrolment (inmate_id, course_id, cohort_id, enrolled_by, enrolled_at) VALUES (?, ?, ?, 'bench', ?)")) {
        for (int i = 0; i < SESSIONS; i++) {
          account.setString(1, "learner" + i);
          account.setString(2, "学员" + i);
          account.setString(3, hash);
          account.setTimestamp(4, now);
          account.executeUpdate();
          long accountId;
          try (ResultSet k = account.getGeneratedKeys()) {
            k.next();
            accountId = k.getLong(1);
          }
          role.setLong(1, accountId);
          role.addBatch();
          inmate.setLong(1, 700_000 + i);
          inmate.setString(2, String.format("97%08d", i));
          inmate.setString(3, "学员" + i);
          inmate.setObject(4, LocalDate.now().minusYears(1));
          inmate.setObject(5, LocalDate.now().minusYears(1));
          inmate.setLong(6, accountId);
          inmate.addBatch();
          enrol.setLong(1, 700_000 + i);
          enrol.setLong(2, course);
          enrol.setLong(3, cohort);
          enrol.setTimestamp(4, now);
          enrol.addBatch();
        }
        role.executeBatch();
        inmate.executeBatch();
        enrol.executeBatch();
      }
      c.commit();
      return lessons;
    }
  }

  private static List<HttpClient> login() throws Exception {
    long t0 = System.nanoTime();
    List<HttpClient> out = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    AtomicInteger failed = new AtomicInteger();
    for (int i = 0; i < SESSIONS; i++) {
      int n = i;
      pool.submit(
          () -> {
            HttpClient c =
                HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .connectTimeout(Duration.ofSeconds(20))
                    .build();
            try {
              HttpResponse<String> r =
                  c.send(
                      HttpRequest.newBuilder(URI.create(BASE + "/api/v1/session"))
                          .header("Content-Type", "application/json")
                          .POST(
                              HttpRequest.BodyPublishers.ofString(
                                  "{\"username\":\"learner" + n + "\",\"password\":\"demo123!\"}"))
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
              if (r.statusCode() == 200) {
                out.add(c);
              } else {
                failed.incrementAndGet();
              }
            } catch (IOException | InterruptedException e) {
              failed.incrementAndGet();
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(30, TimeUnit.MINUTES);
    Report.line(
        "%d sessions logged in (PBKDF2 at each login, setup, not measured) in %.1f s; %d failed",
        out.size(), (System.nanoTime() - t0) / 1e9, failed.get());
    if (out.size() < SESSIONS) {
      throw new IllegalStateException("not every session could log in");
    }
    return out;
  }

  /** Every session at once: each request of the list in turn, timed one by one. */
  private static void load(
      List<HttpClient> sessions,
      String label,
      List<String> paths,
      boolean rangeOnLast,
      int arrivalMillis)
      throws Exception {
    ConcurrentLinkedQueue<Long> times = new ConcurrentLinkedQueue<>();
    AtomicInteger errors = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(sessions.size());
    List<Thread> threads = new ArrayList<>();
    for (HttpClient c : sessions) {
      Thread t =
          new Thread(
              () -> {
                try {
                  go.await();
                  java.util.Random think = new java.util.Random();
                  if (arrivalMillis > 0) {
                    Thread.sleep(think.nextInt(arrivalMillis));
                  }
                  for (int i = 0; i < paths.size(); i++) {
                    if (arrivalMillis > 0 && i > 0) {
                      Thread.sleep(1000 + think.nextInt(2000));
                    }
                    HttpRequest.Builder b =
                        HttpRequest.newBuilder(URI.create(BASE + paths.get(i)))
                            .timeout(Duration.ofSeconds(60))
                            .GET();
                    boolean range = rangeOnLast && i == paths.size() - 1;
                    if (range) {
                      b.header("Range", "bytes=0-65535");
                    }
                    long s = System.nanoTime();
                    HttpResponse<byte[]> r =
                        c.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                    times.add(System.nanoTime() - s);
                    boolean ok = range ? r.statusCode() == 206 : r.statusCode() == 200;
                    if (!ok
                        || (!range
                            && new String(r.body(), StandardCharsets.UTF_8).contains("系统出错"))) {
                      errors.incrementAndGet();
                    }
                  }
                } catch (Exception e) {
                  errors.incrementAndGet();
                } finally {
                  done.countDown();
                }
              });
      t.start();
      threads.add(t);
    }
    long t0 = System.nanoTime();
    go.countDown();
    done.await();
    double seconds = (System.nanoTime() - t0) / 1e9;
    long[] nanos = times.stream().mapToLong(Long::longValue).toArray();
    Report.line(
        "%s: %d requests in %.1f s (%.0f/s), p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, %d errors",
        label,
        nanos.length,
        seconds,
        nanos.length / seconds,
        Report.quantileMillis(nanos, 0.5),
        Report.quantileMillis(nanos, 0.95),
        Report.quantileMillis(nanos, 0.99),
        errors.get());
  }

  /** The application server's heap as the JVM reports it (jcmd GC.heap_info of its process). */
  private static String heap(Process launcher) {
    try {
      for (ProcessHandle h : launcher.descendants().toList()) {
        String cmd = h.info().commandLine().orElse("");
        if (cmd.contains("payara-micro")) {
          Process j =
              new ProcessBuilder(
                      Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                      Long.toString(h.pid()),
                      "GC.heap_info")
                  .redirectErrorStream(true)
                  .start();
          String out = new String(j.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
          j.waitFor(30, TimeUnit.SECONDS);
          long used = 0;
          java.util.regex.Matcher m =
              java.util.regex.Pattern.compile("(?:generation|heap)\\s+total \\d+K, used (\\d+)K")
                  .matcher(out);
          while (m.find()) {
            used += Long.parseLong(m.group(1));
          }
          return used == 0
              ? out.strip()
              : String.format(
                  "%.0f MiB used (%s)",
                  used / 1024.0,
                  out.lines()
                      .map(String::strip)
                      .filter(l -> l.contains("used"))
                      .reduce((a, b) -> a + "; " + b)
                      .orElse(""));
        }
      }
      return "application server process not found";
    } catch (IOException | InterruptedException e) {
      return "not measured: " + e.getMessage();
    }
  }
}
