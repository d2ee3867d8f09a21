package cn.xinsheng.launcher;

import cn.xinsheng.audit.CanonicalJson;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Issue 18, item 10: the demo prison's past, written the way its people write it — through the
 * platform's own API as the demo users, so every role check, validation and append-only rule
 * applies and each record has its leaf in the audit log. Section 31 (三监区一分监区: officer4 enters,
 * reviewer2 reviews, execution1 approves gradings) gets thirteen months: each month officer4
 * records a sheet of entries with the sheet as evidence, reviewer2 reviews them (a few are returned
 * and amended), then — for the twelve months before last — officer4 computes the month, reviewer2
 * approves it, it is published, two inmates object and the objections run to feedback, and once the
 * window has passed the month is locked; locked months close 600-point cycles, which reviewer2
 * grades (表扬, one 物质奖励) and execution1 approves. Last month is recorded and reviewed but left for
 * the officer to close.
 *
 * <p>The platform's clock replays each moment (ADR 0010, {@code xinsheng.demo-history}: start-dev,
 * first start only, forward only, never past the real clock, then back to the real clock for good);
 * each move is in the audit log. The data come from a fixed seed, so every fresh demo prison has
 * the same past. Cases are not generated here yet (issue 18 item 10's second part).
 */
final class DemoHistory {

  static final long SECTION = 31;

  /** Months locked, ending the month before last. */
  static final int LOCKED_MONTHS = 12;

  private static final String OFFICER = "officer4";
  private static final String REVIEWER = "reviewer2";
  private static final String GRADING_APPROVER = "execution1";
  private static final String ADMIN = "sysadmin1";
  private static final int ROWS_PER_MONTH = 8;

  /** Months (counted from the first) in which a returned entry is amended, or objections run. */
  private static final Set<Integer> RETURN_MONTHS = Set.of(1, 5, 9);

  private static final Set<Integer> OBJECTION_MONTHS = Set.of(3, 8);

  /** Clauses a sheet may carry (the sheet is RECORD evidence): code, min, max, fact. */
  private static final Object[][] GOOD = {
    {"JG-06", 1, 2, "严格遵守作息制度，全月无迟到早退"},
    {"JY-05", 1, 3, "参加法律讲座并认真记录"},
    {"LD-01", 1, 5, "超额完成当月劳动任务"},
    {"LD-02", 1, 3, "产品质量优秀，全月零次品"}
  };

  private static final Object[][] BAD = {
    {"LD-21", -3, -1, "未完成当日劳动任务"},
    {"JY-21", -2, -1, "无故缺课一次"},
    {"LD-24", -2, -1, "劳动中消极怠工，经批评教育"}
  };

  private DemoHistory() {}

  /** The installation setting that says the past was written (or tried once and failed). */
  static final String MARKER = "demo-history-written";

  /**
   * Whether the demo prison's past is still to be written: it is tried once, on the first start
   * that has the demo prison; only then does start-dev let the clock replay the past.
   */
  static boolean pending(DatabaseTarget owner) {
    try (Connection c = owner.connect()) {
      return !DemoData.marked(c, MARKER);
    } catch (SQLException e) {
      throw owner.explain(e);
    }
  }

  /**
   * Records that the past was written, or how it failed: it is not tried again (a second pass would
   * meet the months the first one closed).
   */
  static void mark(DatabaseTarget owner, String outcome) {
    DemoData.once(
        owner,
        c -> DemoData.marked(c, MARKER),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("INSERT INTO installation_setting (name, value) VALUES (?, ?)")) {
            ps.setString(1, MARKER);
            ps.setString(2, outcome.length() > 250 ? outcome.substring(0, 250) : outcome);
            ps.executeUpdate();
          }
        });
  }

  /** Writes the past; returns a line for the console. Always gives the clock back. */
  static String write(String baseUrl) throws IOException, InterruptedException {
    long started = System.nanoTime();
    DemoSession admin = DemoSession.login(baseUrl, ADMIN);
    Map<String, Object> clock = json(admin.get("/api/v1/clock"));
    ZoneId zone = ZoneId.of((String) clock.get("zone"));
    YearMonth thisMonth = YearMonth.parse((String) clock.get("month"));
    Instant real = Instant.parse((String) clock.get("instant"));
    try {
      Writer w = new Writer(baseUrl, admin, zone, real);
      int entries = w.run(thisMonth);
      return "演示历史已写入 / demo history written: 三监区一分监区 "
          + LOCKED_MONTHS
          + " 个月已锁定 / months locked, "
          + entries
          + " 条记分 / entries ("
          + (System.nanoTime() - started) / 1_000_000_000L
          + " s)";
    } finally {
      HttpResponse<String> end = admin.post("/api/v1/clock/history/end", "{}");
      if (end.statusCode() != 200) {
        throw new IOException("demo history: the clock was not given back: " + end.body());
      }
    }
  }

  private static final class Writer {
    private final String base;
    private final DemoSession admin;
    private final ZoneId zone;
    private final Instant real;
    private final DemoSession officer;
    private final DemoSession reviewer;
    private final DemoSession approver;
    private final Random random = new Random(20261203L);
    private final Map<String, DemoSession> inmates = new LinkedHashMap<>();
    private Instant at;
    private int entries;

    Writer(String base, DemoSession admin, ZoneId zone, Instant real)
        throws IOException, InterruptedException {
      this.base = base;
      this.admin = admin;
      this.zone = zone;
      this.real = real;
      // logged in at the real time, before the clock goes back
      officer = DemoSession.login(base, OFFICER);
      reviewer = DemoSession.login(base, REVIEWER);
      approver = DemoSession.login(base, GRADING_APPROVER);
    }

    int run(YearMonth thisMonth) throws IOException, InterruptedException {
      YearMonth first = thisMonth.minusMonths(LOCKED_MONTHS + 1L);
      List<Map<String, Object>> people = people();
      for (int i = 0; i <= LOCKED_MONTHS; i++) {
        YearMonth month = first.plusMonths(i);
        Map<Long, Map<String, Object>> recorded = recordAndReview(month, i, people);
        if (i < LOCKED_MONTHS) {
          close(month, i, recorded);
        }
      }
      return entries;
    }

    /** The section's inmates the system tests leave alone, as officer4 lists them. */
    private List<Map<String, Object>> people() throws IOException, InterruptedException {
      List<Map<String, Object>> out = new ArrayList<>();
      for (Object o : list(officer.get("/api/v1/inmates"))) {
        @SuppressWarnings("unchecked")
        Map<String, Object> inmate = (Map<String, Object>) o;
        String number = (String) inmate.get("prisonerNumber");
        int n = Integer.parseInt(number.substring(4));
        if (n <= DemoData.INMATES && !DemoCommendations.LEFT_TO_THE_TESTS.contains(n)) {
          out.add(inmate);
        }
      }
      return out;
    }

    /** The month's sheet, entered near its end and reviewed the next morning. */
    private Map<Long, Map<String, Object>> recordAndReview(
        YearMonth month, int index, List<Map<String, Object>> people)
        throws IOException, InterruptedException {
      replay(month.atDay(26).atTime(16, 30));
      List<Map<String, Object>> present = new ArrayList<>();
      for (Map<String, Object> p : people) {
        Object admitted = p.get("admissionDate");
        if (admitted == null || LocalDate.parse((String) admitted).isBefore(month.atDay(1))) {
          present.add(p);
        }
      }
      StringBuilder sheet = new StringBuilder("罪犯编号,条款,分值,事实,日期\n");
      Set<String> chosen = new HashSet<>();
      for (int r = 0; r < ROWS_PER_MONTH && chosen.size() < present.size(); r++) {
        String number;
        do {
          number = (String) present.get(random.nextInt(present.size())).get("prisonerNumber");
        } while (!chosen.add(number));
        // one deduction in four rows: what an objection is usually about
        Object[] clause =
            r % 4 == 3 ? BAD[random.nextInt(BAD.length)] : GOOD[random.nextInt(GOOD.length)];
        int min = (Integer) clause[1];
        int max = (Integer) clause[2];
        int amount = min + random.nextInt(max - min + 1);
        LocalDate day = month.atDay(2 + random.nextInt(23));
        sheet
            .append(number)
            .append(',')
            .append(clause[0])
            .append(',')
            .append(amount)
            .append(',')
            .append(clause[3])
            .append(',')
            .append(day)
            .append('\n');
      }
      HttpResponse<String> saved =
          officer.post(
              "/api/v1/ledger/bulk?section="
                  + SECTION
                  + "&name="
                  + URLEncoder.encode("考核记录-" + month + ".csv", StandardCharsets.UTF_8),
              "text/csv",
              sheet.toString().getBytes(StandardCharsets.UTF_8));
      expect(saved, 201, "the sheet of " + month);
      entries += chosen.size();

      replay(month.atDay(27).atTime(9, 30));
      Map<Long, Map<String, Object>> approved = new LinkedHashMap<>();
      boolean returnOne = RETURN_MONTHS.contains(index);
      for (Map<String, Object> e : waiting()) {
        long id = ((Number) e.get("id")).longValue();
        if (returnOne) {
          returnOne = false;
          expect(
              reviewer.post(
                  "/api/v1/ledger/reviews/" + id,
                  "{\"decision\":\"RETURNED\",\"reason\":\"事实写得过简，请写明具体日期、任务量与完成情况\"}"),
              200,
              "a return");
          amend(id, e);
          continue;
        }
        expect(
            reviewer.post("/api/v1/ledger/reviews/" + id, "{\"decision\":\"APPROVED\"}"),
            200,
            "a review");
        approved.put(id, e);
      }
      // the amendment, reviewed the same morning
      for (Map<String, Object> e : waiting()) {
        long id = ((Number) e.get("id")).longValue();
        expect(
            reviewer.post("/api/v1/ledger/reviews/" + id, "{\"decision\":\"APPROVED\"}"),
            200,
            "a review of an amendment");
        approved.put(id, e);
      }
      return approved;
    }

    /** The officer's new version of a returned entry, with its fact written out. */
    private void amend(long id, Map<String, Object> e) throws IOException, InterruptedException {
      replay(LocalDateTime.ofInstant(at.plusSeconds(1800), zone));
      @SuppressWarnings("unchecked")
      List<Object> evidence = (List<Object>) e.get("evidence");
      StringBuilder ids = new StringBuilder();
      for (Object x : evidence) {
        ids.append(ids.length() == 0 ? "" : ",").append(((Number) x).longValue());
      }
      String occurred = occurredAt(id);
      String body =
          "{\"prisonerNumber\":\""
              + e.get("prisonerNumber")
              + "\",\"clause\":\""
              + e.get("clause")
              + "\",\"amount\":\""
              + e.get("amount")
              + "\",\"fact\":\""
              + e.get("fact")
              + "：经班组长核对当日记录，任务量与完成情况已写入考核记录表\",\"occurredAt\":\""
              + occurred
              + "\",\"evidence\":["
              + ids
              + "]}";
      expect(officer.post("/api/v1/ledger/entries/" + id + "/amendment", body), 201, "amendment");
      entries++;
    }

    /**
     * The day the sheet dated the entry, from the inmate's own timeline as the officer reads it.
     */
    private String occurredAt(long id) throws IOException, InterruptedException {
      for (Map<String, Object> e : waitingOrReturned()) {
        if (((Number) e.get("id")).longValue() == id) {
          String shown = (String) e.get("occurredAt");
          // shown as the prison reads it (yyyy-MM-dd HH:mm) or as an instant
          if (shown.length() == 16) {
            return LocalDateTime.parse(shown.replace(' ', 'T'))
                .atZone(zone)
                .toOffsetDateTime()
                .toString();
          }
          return shown;
        }
      }
      throw new IOException("demo history: returned entry " + id + " not found");
    }

    private List<Map<String, Object>> waitingOrReturned() throws IOException, InterruptedException {
      Map<String, Object> returned = json(officer.get("/api/v1/ledger/entries/returned"));
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> list = (List<Map<String, Object>>) returned.get("entries");
      return list;
    }

    /** The reviewer's queue in section 31 (on a first start there is nothing else in it). */
    private List<Map<String, Object>> waiting() throws IOException, InterruptedException {
      List<Map<String, Object>> out = new ArrayList<>();
      for (Object o : list(reviewer.get("/api/v1/ledger/reviews"))) {
        @SuppressWarnings("unchecked")
        Map<String, Object> e = (Map<String, Object>) o;
        if (((Number) e.get("section")).longValue() == SECTION) {
          out.add(e);
        }
      }
      return out;
    }

    /** Computed, approved and published early the next month; objected to; locked; graded. */
    private void close(YearMonth month, int index, Map<Long, Map<String, Object>> approved)
        throws IOException, InterruptedException {
      YearMonth next = month.plusMonths(1);
      replay(next.atDay(3).atTime(9, 0));
      String path = "/api/v1/ledger/sections/" + SECTION + "/months/" + month;
      long close =
          ((Number)
                  json(expect(officer.post(path + "/close", "{}"), 200, "close " + month))
                      .get("closeId"))
              .longValue();
      String steps = "/api/v1/ledger/closes/" + close + "/steps";
      replay(next.atDay(3).atTime(15, 0));
      expect(reviewer.post(steps, "{\"step\":\"APPROVED\"}"), 200, "approval of " + month);
      replay(next.atDay(4).atTime(9, 0));
      String published =
          (String)
              json(expect(officer.post(steps, "{\"step\":\"PUBLISHED\"}"), 200, "publication"))
                  .get("result");
      LocalDate windowEnds = LocalDate.parse(published.substring("PUBLISHED ".length()).strip());
      if (OBJECTION_MONTHS.contains(index)) {
        object(next, approved);
      }
      replay(windowEnds.plusDays(1).atTime(9, 0));
      String locked =
          (String)
              json(expect(officer.post(steps, "{\"step\":\"LOCKED\"}"), 200, "lock")).get("result");
      if (!locked.equals("LOCKED 0")) {
        grade(windowEnds.plusDays(1));
      }
    }

    /** An inmate objects to a deduction; the loop runs to feedback, the entry stands. */
    private void object(YearMonth next, Map<Long, Map<String, Object>> approved)
        throws IOException, InterruptedException {
      Map.Entry<Long, Map<String, Object>> target = null;
      for (Map.Entry<Long, Map<String, Object>> e : approved.entrySet()) {
        if (((String) e.getValue().get("amount")).startsWith("-")) {
          target = e;
          break;
        }
      }
      if (target == null) {
        return;
      }
      String number = (String) target.getValue().get("prisonerNumber");
      DemoSession inmate = inmate(number);
      replay(next.atDay(5).atTime(19, 0));
      long objection =
          ((Number)
                  json(expect(
                          inmate.post(
                              "/api/v1/ledger/me/objections",
                              "{\"entry\":"
                                  + target.getKey()
                                  + ",\"text\":\"那天我因病在医务室输液，有医务室记录，不应扣分。\"}"),
                          201,
                          "an objection"))
                      .get("id"))
              .longValue();
      String steps = "/api/v1/ledger/objections/" + objection + "/steps";
      replay(next.atDay(6).atTime(10, 0));
      expect(
          reviewer.post(
              steps,
              "{\"step\":\"DISPATCH\",\"officer\":\"" + OFFICER + "\",\"note\":\"请核查医务室记录\"}"),
          200,
          "dispatch");
      replay(next.atDay(6).atTime(15, 0));
      expect(
          officer.post(steps, "{\"step\":\"VERIFY\",\"note\":\"已调阅医务室记录：输液在当日下午，上午缺勤属实\"}"),
          200,
          "verify");
      expect(
          officer.post(
              steps, "{\"step\":\"HANDLE\",\"outcome\":\"REJECTED\",\"note\":\"上午未请假缺勤属实，维持原记分\"}"),
          200,
          "handle");
      replay(next.atDay(7).atTime(10, 0));
      expect(reviewer.post(steps, "{\"step\":\"CLOSE\",\"note\":\"同意维持\"}"), 200, "close");
      replay(next.atDay(7).atTime(16, 0));
      expect(
          officer.post(steps, "{\"step\":\"FEEDBACK\",\"note\":\"已当面告知处理结果及理由\"}"),
          200,
          "feedback");
    }

    /**
     * The cycles the lock closed, graded by reviewer2 the same day and approved by execution1 the
     * next: 表扬, and once a 物质奖励; a cycle the criteria bar from an award gets none.
     */
    private void grade(LocalDate day) throws IOException, InterruptedException {
      replay(day.atTime(14, 0));
      List<Long> proposed = new ArrayList<>();
      for (Object o :
          list(reviewer.get("/api/v1/ledger/sections/" + SECTION + "/cycles/ungraded"))) {
        @SuppressWarnings("unchecked")
        Map<String, Object> cycle = (Map<String, Object>) o;
        int n = Integer.parseInt(((String) cycle.get("prisonerNumber")).substring(4));
        if (DemoCommendations.LEFT_TO_THE_TESTS.contains(n)) {
          continue; // left to the tests: their cycles wait in the grading queue
        }
        long id = ((Number) cycle.get("cycleId")).longValue();
        String path = "/api/v1/ledger/cycles/" + id + "/decision";
        boolean material = !materialGiven;
        HttpResponse<String> r =
            reviewer.post(
                path,
                material
                    ? "{\"result\":\"MATERIAL\",\"reason\":\"考核周期满600分，劳动表现突出，集体评议给予物质奖励\"}"
                    : "{\"result\":\"PRAISE\",\"reason\":\"考核周期满600分，遵规守纪，集体评议给予表扬\"}");
        if (r.statusCode() == 400) {
          // the prison's criteria bar an award (deductions in the cycle): none, with the reason
          r = reviewer.post(path, "{\"result\":\"NONE\",\"reason\":\"周期内有扣分记录，本周期不予奖励\"}");
        } else if (material) {
          materialGiven = true;
        }
        expect(r, 200, "a grading proposal");
        proposed.add(id);
      }
      replay(day.plusDays(1).atTime(10, 0));
      for (long id : proposed) {
        expect(
            approver.post(
                "/api/v1/ledger/cycles/" + id + "/approval",
                "{\"decision\":\"APPROVED\",\"reason\":\"经审核，同意分监区评定意见\"}"),
            200,
            "a grading approval");
      }
    }

    private boolean materialGiven;

    private DemoSession inmate(String number) throws IOException, InterruptedException {
      DemoSession s = inmates.get(number);
      if (s == null) {
        s = DemoSession.login(base, "inmate" + Integer.parseInt(number.substring(4)));
        inmates.put(number, s);
      }
      return s;
    }

    /** The platform's clock at this moment of the prison's past (forward only). */
    private void replay(LocalDateTime local) throws IOException, InterruptedException {
      Instant next = local.atZone(zone).toInstant();
      if (at != null && !next.isAfter(at)) {
        next = at.plusSeconds(60);
      }
      if (next.isAfter(real)) {
        throw new IOException("demo history: " + next + " lies after the real clock " + real);
      }
      at = next;
      expect(
          admin.post("/api/v1/clock/history", "{\"instant\":\"" + next + "\"}"),
          200,
          "the clock at " + local);
    }
  }

  private static HttpResponse<String> expect(HttpResponse<String> r, int status, String what)
      throws IOException {
    if (r.statusCode() != status) {
      throw new IOException("demo history, " + what + ": " + r.statusCode() + " " + r.body());
    }
    return r;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(HttpResponse<String> r) {
    return (Map<String, Object>) CanonicalJson.parseLenient(r.body());
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(HttpResponse<String> r) throws IOException {
    if (r.statusCode() != 200) {
      throw new IOException("demo history: " + r.statusCode() + " " + r.body());
    }
    return (List<Object>) CanonicalJson.parseLenient(r.body());
  }
}
