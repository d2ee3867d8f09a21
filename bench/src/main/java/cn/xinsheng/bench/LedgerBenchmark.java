package cn.xinsheng.bench;

import cn.xinsheng.audit.AuditEvent;
import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.identity.domain.PasswordHash;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ledger on the real platform (a start-dev of its own): recording an entry with an evidence
 * reference through the API (security, checks, JPA, the audit leaf) by 20 concurrent officer
 * sessions, against plain JDBC inserts of the same rows by 20 threads into the same database; and
 * the month close of a section of 5,000 inmates with 30 approved entries each, against a plain SQL
 * aggregation of the same entries.
 */
final class LedgerBenchmark {

  private static final int HTTP = Integer.getInteger("bench.http-port", 18181);
  private static final int DB = Integer.getInteger("bench.db-port", 13381);
  private static final int SESSIONS = 20;
  private static final int ENTRIES_PER_SESSION = 50;
  private static final int CLOSE_INMATES = 5_000;
  private static final int CLOSE_ENTRIES_EACH = 30;
  private static final ZoneId PRISON = ZoneId.of("Asia/Shanghai");
  private static final String BASE = "http://localhost:" + HTTP;

  private LedgerBenchmark() {}

  static void run() throws Exception {
    Report.heading("Ledger on the running platform (start-dev of its own)");
    Path data = Path.of("bench-platform").toAbsolutePath();
    BenchData.deleteTree(data);
    Process platform = start(data);
    try {
      entryLatency();
      monthClose();
    } finally {
      platform.destroy();
      if (!platform.waitFor(60, TimeUnit.SECONDS)) {
        platform.destroyForcibly();
      }
      BenchData.deleteTree(data);
    }
  }

  static Process start(Path data) throws Exception {
    Files.createDirectories(data);
    Path log = data.resolve("launcher.log");
    List<String> cmd =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            Path.of("..", "..", "launcher", "target", "xinsheng-launcher.jar")
                .toAbsolutePath()
                .toString(),
            "start-dev",
            "--http-port=" + HTTP,
            "--db-port=" + DB,
            "--data-dir=" + data,
            "--heap=768m");
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.currentTimeMillis() + 240_000;
    while (System.currentTimeMillis() < deadline) {
      String out = Files.exists(log) ? Files.readString(log) : "";
      if (out.contains("Xinsheng is ready")) {
        Report.line(
            "platform ready: %s",
            out.lines().filter(l -> l.contains("ready")).findFirst().orElse(""));
        return p;
      }
      if (!p.isAlive()) {
        throw new IllegalStateException("start-dev ended:\n" + out);
      }
      Thread.sleep(500);
    }
    p.destroyForcibly();
    throw new IllegalStateException("start-dev was not ready in 240 s");
  }

  static Connection owner() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:mariadb://localhost:"
            + DB
            + "/xinsheng?localSocket=/tmp/xinsheng-mariadb."
            + DB
            + ".sock",
        System.getProperty("user.name"),
        "");
  }

  /** 20 officer sessions record entries concurrently; 20 JDBC threads insert the same rows. */
  private static void entryLatency() throws Exception {
    String[][] officers = {
      {"officer1", "11"},
      {"officer2", "21"},
      {"officer3", "22"},
      {"officer4", "31"},
      {"officer5", "32"}
    };
    Map<String, List<String>> inmatesBySection = new java.util.HashMap<>();
    try (Connection c = owner();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT section_id, prisoner_number FROM inmate")) {
      while (rs.next()) {
        inmatesBySection
            .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
            .add(rs.getString(2));
      }
    }
    // one photo per officer, uploaded once: the entries refer to it
    List<Client> clients = new ArrayList<>();
    List<Long> evidence = new ArrayList<>();
    for (String[] o : officers) {
      Client first = Client.login(o[0]);
      evidence.add(first.uploadPhoto(Long.parseLong(o[1])));
    }
    for (int i = 0; i < SESSIONS; i++) {
      clients.add(Client.login(officers[i % officers.length][0]));
    }
    String when = LocalDate.now(PRISON) + "T08:00";
    // warm-up
    for (int i = 0; i < 5; i++) {
      String[] o = officers[i % officers.length];
      clients
          .get(i)
          .record(inmatesBySection.get(o[1]).get(i), evidence.get(i % officers.length), when);
    }
    ConcurrentLinkedQueue<Long> service = new ConcurrentLinkedQueue<>();
    long t0 = System.nanoTime();
    runConcurrently(
        SESSIONS,
        i -> {
          String[] o = officers[i % officers.length];
          List<String> people = inmatesBySection.get(o[1]);
          for (int n = 0; n < ENTRIES_PER_SESSION; n++) {
            long s = System.nanoTime();
            clients
                .get(i)
                .record(
                    people.get((i * 7 + n) % people.size()),
                    evidence.get(i % officers.length),
                    when);
            service.add(System.nanoTime() - s);
          }
        });
    double serviceSeconds = (System.nanoTime() - t0) / 1e9;

    // the same rows by plain JDBC: the entry, its evidence link, its audit entry
    long clauseId;
    long inmateId;
    try (Connection c = owner();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT (SELECT id FROM rule_clause WHERE code = 'JG-02' LIMIT 1),"
                    + " (SELECT id FROM inmate WHERE section_id = 11 LIMIT 1)")) {
      rs.next();
      clauseId = rs.getLong(1);
      inmateId = rs.getLong(2);
    }
    ConcurrentLinkedQueue<Long> raw = new ConcurrentLinkedQueue<>();
    long t1 = System.nanoTime();
    runConcurrently(
        SESSIONS,
        i -> {
          try (Connection c = owner();
              PreparedStatement entry =
                  c.prepareStatement(
                      "INSERT INTO point_entry (inmate_id, section_id, clause_id, amount_tenths, fact,"
                          + " occurred_at, month, recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?,?,?)",
                      Statement.RETURN_GENERATED_KEYS);
              PreparedStatement link =
                  c.prepareStatement(
                      "INSERT INTO point_entry_evidence (entry_id, evidence_id) VALUES (?, ?)");
              PreparedStatement audit =
                  c.prepareStatement(
                      "INSERT INTO audit_entry (leaf_data, leaf_hash, created_at, subject, inmate)"
                          + " VALUES (?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int n = 0; n < ENTRIES_PER_SESSION; n++) {
              long s = System.nanoTime();
              Instant now = Instant.now();
              entry.setLong(1, inmateId);
              entry.setLong(2, 11);
              entry.setLong(3, clauseId);
              entry.setInt(4, 20);
              entry.setString(5, "内务卫生检查评为优秀（基准）");
              entry.setTimestamp(6, Timestamp.from(now));
              entry.setString(7, YearMonth.now(PRISON).toString());
              entry.setString(8, "officer1");
              entry.setTimestamp(9, Timestamp.from(now));
              entry.executeUpdate();
              long id;
              try (ResultSet k = entry.getGeneratedKeys()) {
                k.next();
                id = k.getLong(1);
              }
              link.setLong(1, id);
              link.setLong(2, evidence.get(0));
              link.executeUpdate();
              byte[] data =
                  new AuditEvent(
                          "officer1",
                          "OFFICER",
                          "ledger.entry.recorded",
                          "point-entry/" + id,
                          Map.of(
                              "inmate",
                              "3301000001",
                              "entry",
                              id,
                              "clause",
                              "JG-02",
                              "amount",
                              "2"),
                          List.of(String.format("%064x", id)),
                          now)
                      .canonicalBytes();
              audit.setBytes(1, data);
              audit.setBytes(2, MerkleTree.leafHash(data));
              audit.setTimestamp(3, Timestamp.from(now));
              audit.setString(4, "point-entry/" + id);
              audit.setString(5, "3301000001");
              audit.executeUpdate();
              c.commit();
              raw.add(System.nanoTime() - s);
            }
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
    double rawSeconds = (System.nanoTime() - t1) / 1e9;
    long[] svc = service.stream().mapToLong(Long::longValue).toArray();
    long[] jdbc = raw.stream().mapToLong(Long::longValue).toArray();
    Report.line(
        "record an entry with an evidence reference, %d concurrent officer sessions, %d entries:"
            + " service (HTTP, security, checks, JPA, audit leaf) p50 %.1f ms, p95 %.1f ms, %.0f entries/s",
        SESSIONS,
        svc.length,
        Report.quantileMillis(svc, 0.5),
        Report.quantileMillis(svc, 0.95),
        svc.length / serviceSeconds);
    Report.line(
        "baseline plain JDBC insert of the same rows (entry, evidence link, audit entry; a commit"
            + " each), %d threads: p50 %.1f ms, p95 %.1f ms, %.0f entries/s; service/raw p50 %.1fx,"
            + " p95 %.1fx",
        SESSIONS,
        Report.quantileMillis(jdbc, 0.5),
        Report.quantileMillis(jdbc, 0.95),
        jdbc.length / rawSeconds,
        Report.quantileMillis(svc, 0.5) / Report.quantileMillis(jdbc, 0.5),
        Report.quantileMillis(svc, 0.95) / Report.quantileMillis(jdbc, 0.95));
  }

  /** A section of 5,000 inmates with 30 approved entries each, closed through the API. */
  private static void monthClose() throws Exception {
    String month = YearMonth.now(PRISON).toString();
    long seeded = System.nanoTime();
    try (Connection c = owner()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO section (id, ward_id, code, name) VALUES (99, 1, 'B99', '基准分监区')");
      }
      String hash = PasswordHash.create("demo123!".toCharArray()).encoded();
      long officer = account(c, "benchofficer", "OFFICER", hash);
      account(c, "benchreviewer", "REVIEWER", hash);
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO officer_section (account_id, section_id) VALUES (?, 99)")) {
        ps.setLong(1, officer);
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO inmate (id, prisoner_number, name, section_id, offence_category,"
                  + " sentence_start, sentence_months, life_sentence, admission_date)"
                  + " VALUES (?, ?, ?, 99, 'PROPERTY', '2024-01-01', 60, FALSE, '2024-01-01')")) {
        for (int i = 0; i < CLOSE_INMATES; i++) {
          ps.setLong(1, 900_000 + i);
          ps.setString(2, String.format("99%08d", i));
          ps.setString(3, "基准" + i);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      long clause;
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery("SELECT id FROM rule_clause WHERE code = 'LD-01' LIMIT 1")) {
        rs.next();
        clause = rs.getLong(1);
      }
      long firstEntry;
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM point_entry")) {
        rs.next();
        firstEntry = rs.getLong(1);
      }
      Timestamp now = Timestamp.from(Instant.now());
      try (PreparedStatement e =
              c.prepareStatement(
                  "INSERT INTO point_entry (id, inmate_id, section_id, clause_id, amount_tenths, fact,"
                      + " occurred_at, month, recorded_by, recorded_at) VALUES (?,?,99,?,?,?,?,?,?,?)");
          PreparedStatement r =
              c.prepareStatement(
                  "INSERT INTO entry_review (entry_id, decision, reviewed_by, reviewed_at)"
                      + " VALUES (?, 'APPROVED', 'benchreviewer', ?)")) {
        long id = firstEntry;
        for (int i = 0; i < CLOSE_INMATES; i++) {
          for (int n = 0; n < CLOSE_ENTRIES_EACH; n++) {
            e.setLong(1, id);
            e.setLong(2, 900_000 + i);
            e.setLong(3, clause);
            e.setInt(4, 10 + (n % 4) * 10);
            e.setString(5, "超额完成劳动任务");
            e.setTimestamp(6, now);
            e.setString(7, month);
            e.setString(8, "benchofficer");
            e.setTimestamp(9, now);
            e.addBatch();
            r.setLong(1, id);
            r.setTimestamp(2, now);
            r.addBatch();
            id++;
          }
          if (i % 200 == 199) {
            e.executeBatch();
            r.executeBatch();
          }
        }
        e.executeBatch();
        r.executeBatch();
      }
      c.commit();
    }
    Report.line(
        "seeded section 99: %,d inmates x %d approved entries = %,d entries in %.1f s (setup, not measured)",
        CLOSE_INMATES,
        CLOSE_ENTRIES_EACH,
        CLOSE_INMATES * CLOSE_ENTRIES_EACH,
        (System.nanoTime() - seeded) / 1e9);

    // baseline: the same entries summed per inmate and part by plain SQL
    long q0 = System.nanoTime();
    int groups = 0;
    try (Connection c = owner();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT e.inmate_id, c.part, SUM(e.amount_tenths) FROM point_entry e"
                    + " JOIN entry_review r ON r.entry_id = e.id AND r.decision = 'APPROVED'"
                    + " JOIN rule_clause c ON c.id = e.clause_id WHERE e.section_id = 99"
                    + " AND e.month = ? GROUP BY e.inmate_id, c.part")) {
      ps.setString(1, month);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          groups++;
        }
      }
    }
    double sqlSeconds = (System.nanoTime() - q0) / 1e9;

    Client officer = Client.login("benchofficer");
    long t0 = System.nanoTime();
    HttpResponse<String> r =
        officer.post("/api/v1/ledger/sections/99/months/" + month + "/close", "{}");
    double closeSeconds = (System.nanoTime() - t0) / 1e9;
    if (r.statusCode() != 200) {
      throw new IllegalStateException("month close failed: " + r.body());
    }
    long results;
    try (Connection c = owner();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*) FROM month_result r JOIN month_close c ON c.id = r.close_id"
                    + " WHERE c.section_id = 99")) {
      rs.next();
      results = rs.getLong(1);
    }
    Report.line(
        "month close, %,d inmates x %d entries (computed, %,d results and %,d audit entries written,"
            + " one transaction): %.1f s (goal < 10 s)",
        CLOSE_INMATES, CLOSE_ENTRIES_EACH, results, results + 1, closeSeconds);
    Report.line(
        "baseline plain SQL sum of the same entries per inmate and part (%,d groups, nothing"
            + " written): %.2f s; close/sum = %.1fx",
        groups, sqlSeconds, closeSeconds / sqlSeconds);
  }

  static long account(Connection c, String name, String role, String hash) throws SQLException {
    long id;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO account (username, display_name, password_hash, must_change_password,"
                + " created_at) VALUES (?, ?, ?, FALSE, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, name);
      ps.setString(2, name);
      ps.setString(3, hash);
      ps.setTimestamp(4, Timestamp.from(Instant.now()));
      ps.executeUpdate();
      try (ResultSet k = ps.getGeneratedKeys()) {
        k.next();
        id = k.getLong(1);
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO account_role (account_id, role) VALUES (?, ?)")) {
      ps.setLong(1, id);
      ps.setString(2, role);
      ps.executeUpdate();
    }
    return id;
  }

  /** Runs the task once per worker index, all at once, and waits. */
  private static void runConcurrently(int workers, java.util.function.IntConsumer task)
      throws InterruptedException {
    CountDownLatch go = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(workers);
    List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < workers; i++) {
      int index = i;
      new Thread(
              () -> {
                try {
                  go.await();
                  task.accept(index);
                } catch (Throwable t) {
                  errors.add(t);
                } finally {
                  done.countDown();
                }
              })
          .start();
    }
    go.countDown();
    done.await();
    if (!errors.isEmpty()) {
      throw new IllegalStateException(errors.get(0));
    }
  }

  /** One logged-in session. */
  record Client(HttpClient http) {
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    static Client login(String user) throws IOException, InterruptedException {
      Client c =
          new Client(
              HttpClient.newBuilder()
                  .cookieHandler(new CookieManager())
                  .connectTimeout(Duration.ofSeconds(10))
                  .build());
      HttpResponse<String> r =
          c.post("/api/v1/session", "{\"username\":\"" + user + "\",\"password\":\"demo123!\"}");
      if (r.statusCode() != 200) {
        throw new IllegalStateException("login " + user + ": " + r.body());
      }
      return c;
    }

    long uploadPhoto(long section) throws IOException, InterruptedException {
      java.awt.image.BufferedImage img =
          new java.awt.image.BufferedImage(320, 240, java.awt.image.BufferedImage.TYPE_INT_RGB);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      javax.imageio.ImageIO.write(img, "jpg", out);
      byte[] bytes = out.toByteArray();
      bytes[bytes.length / 2] ^= (byte) section; // a distinct photo per section
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          BASE
                              + "/api/v1/evidence?section="
                              + section
                              + "&name=bench.jpg&source=bench&description=bench"))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      Matcher m = ID.matcher(r.body());
      if (r.statusCode() != 201 || !m.find()) {
        throw new IllegalStateException("upload: " + r.body());
      }
      return Long.parseLong(m.group(1));
    }

    void record(String prisonerNumber, long evidence, String when) {
      try {
        HttpResponse<String> r =
            post(
                "/api/v1/ledger/entries",
                "{\"prisonerNumber\":\""
                    + prisonerNumber
                    + "\",\"clause\":\"JG-02\",\"amount\":\"2\",\"fact\":\"内务卫生检查评为优秀\","
                    + "\"occurredAt\":\""
                    + when
                    + "\",\"evidence\":["
                    + evidence
                    + "]}");
        if (r.statusCode() != 201) {
          throw new IllegalStateException("record: " + r.body());
        }
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return http.send(
          HttpRequest.newBuilder(URI.create(BASE + path))
              .timeout(Duration.ofMinutes(5))
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
      return http.send(
          HttpRequest.newBuilder(URI.create(BASE + path))
              .header("Content-Type", "application/json")
              .timeout(Duration.ofMinutes(5))
              .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }
}
