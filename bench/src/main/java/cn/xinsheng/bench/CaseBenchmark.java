package cn.xinsheng.bench;

import cn.xinsheng.audit.CanonicalJson;
import cn.xinsheng.identity.domain.PasswordHash;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * A month's reduction and parole batch for a prison of 5,000 more inmates (a start-dev of its own):
 * the eligibility run over the API (every inmate against the rule table, one result per inmate and
 * kind, written and logged), against plain JDBC reading the same inmates and inserting the same
 * number of result rows; then about 150 proposals, one API call each, as a section proposes them.
 */
final class CaseBenchmark {

  private static final int INMATES = 5_000;
  private static final int ELIGIBLE = 150;
  private static final long SECTION = 98;

  private CaseBenchmark() {}

  static void run() throws Exception {
    Report.heading(
        "Reduction and parole: a month's batch for 5,000 inmates (start-dev of its own)");
    Path data = Path.of("bench-cases").toAbsolutePath();
    BenchData.deleteTree(data);
    Process platform = LedgerBenchmark.start(data);
    try {
      seed();
      batch();
    } finally {
      platform.destroy();
      if (!platform.waitFor(60, TimeUnit.SECONDS)) {
        platform.destroyForcibly();
      }
      BenchData.deleteTree(data);
    }
  }

  /**
   * 5,000 inmates of 4 to 20 years: about 150 past their first-reduction wait by up to two months,
   * the rest short of it by up to a year (some of them near misses).
   */
  private static void seed() throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    Random random = new Random(98);
    try (Connection c = LedgerBenchmark.owner()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO section (id, ward_id, code, name) VALUES (98, 1, 'B98', '基准分监区')");
      }
      String hash = PasswordHash.create("demo123!".toCharArray()).encoded();
      long officer = LedgerBenchmark.account(c, "caseofficer", "OFFICER", hash);
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO officer_section (account_id, section_id) VALUES (?, 98)")) {
        ps.setLong(1, officer);
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO inmate (id, prisoner_number, name, section_id, offence_category,"
                  + " sentence_start, sentence_months, life_sentence, current_sentence_end,"
                  + " admission_date) VALUES (?, ?, ?, 98, 'PROPERTY', ?, ?, FALSE, ?, ?)")) {
        for (int i = 0; i < INMATES; i++) {
          int months = 48 + random.nextInt(193);
          int wait = months < 60 ? 12 : months < 120 ? 18 : 24;
          LocalDate start =
              i < ELIGIBLE
                  ? today.minusMonths(wait).minusDays(random.nextInt(60))
                  : today.minusMonths(wait).plusDays(1 + random.nextInt(365));
          ps.setLong(1, 800_000 + i);
          ps.setString(2, String.format("98%08d", i));
          ps.setString(3, "基准" + i);
          ps.setObject(4, start);
          ps.setInt(5, months);
          ps.setObject(6, start.plusMonths(months).minusDays(1));
          ps.setObject(7, start);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      c.commit();
    }
  }

  @SuppressWarnings("unchecked")
  private static void batch() throws Exception {
    long inmates;
    try (Connection c = LedgerBenchmark.owner();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM inmate")) {
      rs.next();
      inmates = rs.getLong(1);
    }

    // baseline: read the same inmates and write as many result rows, by plain JDBC
    long b0 = System.nanoTime();
    try (Connection c = LedgerBenchmark.owner()) {
      c.setAutoCommit(false);
      long run;
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO eligibility_run (as_of, rule_version, scope, inmates, run_by, run_at)"
                  + " VALUES (CURRENT_DATE, 'baseline', 'baseline', 0, 'bench', ?)",
              Statement.RETURN_GENERATED_KEYS)) {
        ps.setTimestamp(1, Timestamp.from(Instant.now()));
        ps.executeUpdate();
        try (ResultSet k = ps.getGeneratedKeys()) {
          k.next();
          run = k.getLong(1);
        }
      }
      List<long[]> rows = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT id, section_id, sentence_start, sentence_months FROM inmate")) {
        while (rs.next()) {
          rows.add(new long[] {rs.getLong(1), rs.getLong(2)});
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO eligibility_result (run_id, inmate_id, section_id, kind, outcome,"
                  + " eligible_on, max_months, reason_key, reason_args)"
                  + " VALUES (?, ?, ?, ?, 'NOT_YET', CURRENT_DATE, 12, 'elig.reduction.first', 'a|b|c|d')")) {
        int n = 0;
        for (long[] r : rows) {
          for (String kind : new String[] {"REDUCTION", "PAROLE"}) {
            ps.setLong(1, run);
            ps.setLong(2, r[0]);
            ps.setLong(3, r[1]);
            ps.setString(4, kind);
            ps.addBatch();
            if (++n % 500 == 0) {
              ps.executeBatch();
            }
          }
        }
        ps.executeBatch();
      }
      c.commit();
    }
    double baseline = (System.nanoTime() - b0) / 1e9;

    LedgerBenchmark.Client execution = LedgerBenchmark.Client.login("execution1");
    long t0 = System.nanoTime();
    HttpResponse<String> run = execution.post("/api/v1/eligibility/runs", "{}");
    double runSeconds = (System.nanoTime() - t0) / 1e9;
    if (run.statusCode() != 201) {
      throw new IllegalStateException("eligibility run: " + run.body());
    }
    Map<String, Object> summary = (Map<String, Object>) CanonicalJson.parse(run.body());
    Report.line(
        "eligibility run over the API, %,d inmates (%,d results written, one audit entry): %.2f s;"
            + " %s eligible, %s near misses (goal: seconds)",
        inmates, inmates * 2, runSeconds, summary.get("eligible"), summary.get("nearMiss"));
    Report.line(
        "baseline plain JDBC read of the same inmates and batch insert of %,d result rows: %.2f s;"
            + " run/baseline = %.1fx",
        inmates * 2, baseline, runSeconds / baseline);

    LedgerBenchmark.Client officer = LedgerBenchmark.Client.login("caseofficer");
    HttpResponse<String> list = officer.get("/api/v1/eligibility/runs/latest?section=" + SECTION);
    List<Map<String, Object>> results =
        (List<Map<String, Object>>) CanonicalJson.parse(list.body());
    List<Long> nanos = new ArrayList<>();
    long p0 = System.nanoTime();
    for (Map<String, Object> r : results) {
      if (!"ELIGIBLE".equals(r.get("outcome")) || !"REDUCTION".equals(r.get("kind"))) {
        continue;
      }
      long s0 = System.nanoTime();
      HttpResponse<String> p =
          officer.post(
              "/api/v1/cases",
              "{\"eligibility\":" + r.get("id") + ",\"months\":1,\"rationale\":\"确有悔改表现，提请减刑。\"}");
      nanos.add(System.nanoTime() - s0);
      if (p.statusCode() != 201) {
        throw new IllegalStateException("proposal: " + p.body());
      }
    }
    double proposeSeconds = (System.nanoTime() - p0) / 1e9;
    long t1 = System.nanoTime();
    HttpResponse<String> cases = execution.get("/api/v1/cases");
    double listSeconds = (System.nanoTime() - t1) / 1e9;
    int listed = ((List<Object>) CanonicalJson.parse(cases.body())).size();
    Report.line(
        "%d proposals, one API call each (case, first step, two audit entries): %.2f s in all,"
            + " p50 %.1f ms, p95 %.1f ms",
        nanos.size(),
        proposeSeconds,
        Report.quantileMillis(nanos.stream().mapToLong(Long::longValue).toArray(), 0.5),
        Report.quantileMillis(nanos.stream().mapToLong(Long::longValue).toArray(), 0.95));
    Report.line("the department's case list of %d cases by deadline: %.2f s", listed, listSeconds);
  }
}
