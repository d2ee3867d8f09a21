package cn.xinsheng.launcher;

import cn.xinsheng.audit.CanonicalJson;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.DayOfWeek;
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
import java.util.PriorityQueue;
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
 * <p>Between those months, five reduction cases go through the case API as their people take them
 * (CaseSystemIT walks the same workflow): each section officer runs the eligibility table on the
 * day and proposes an inmate it lists as eligible, citing his commended cycles; the reviewer signs
 * the ward's meeting, execution1 the department's review, nine committee members meet and vote, the
 * posting runs its working days, warden1 holds the director's meeting, judge1 receives, posts,
 * hears and rules, prosecutor1 gives the procuratorate's opinion, execution1 serves the ruling. One
 * case in section 31 is granted and served months ago (an inmate objected during its posting: the
 * committee's 复核 upheld it, the court heard it), so that inmate's sentence has changed and his
 * eligibility shows the reduction and its service day; the others stand where their people left
 * them: at the court (section 21), posted and waiting for the director's meeting (22), before the
 * committee with four votes cast (21), just proposed (22). Sections 11, 12 and 32 get none: the
 * system tests propose there from whatever the eligibility run lists. The steps are kept on an
 * agenda by their moment and signed as the replay passes it, so they interleave with the ledger's
 * months, and each step schedules the next from its own result (a posting's end day).
 *
 * <p>The platform's clock replays each moment (ADR 0010, {@code xinsheng.demo-history}: start-dev,
 * first start only, forward only, never past the real clock, then back to the real clock for good);
 * each move is in the audit log. The data come from a fixed seed, so every fresh demo prison has
 * the same past.
 */
final class DemoHistory {

  static final long SECTION = 31;

  /** Months locked, ending the month before last. */
  static final int LOCKED_MONTHS = 12;

  private static final String OFFICER = "officer4";
  private static final String REVIEWER = "reviewer2";
  private static final String GRADING_APPROVER = "execution1";
  private static final String ADMIN = "sysadmin1";
  private static final String WARDEN = "warden1";
  private static final String JUDGE = "judge1";
  private static final String PROSECUTOR = "prosecutor1";
  private static final int COMMITTEE_MEMBERS = 9;

  /**
   * Members who come and vote (quorum is two thirds of nine): each login costs the password's
   * hashing, so the two absent are not logged in at all.
   */
  private static final int VOTERS = 7;

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
          + " 条记分 / entries, "
          + w.cases()
          + " 件减刑案件 / reduction cases ("
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

    /**
     * The case steps still to come, by the moment each is signed: {@link #replay} signs those due
     * before it moves the clock on, so the cases' steps fall between the ledger's months in the
     * order they happened, and a step can schedule the next from its own result (a posting's end).
     */
    private final PriorityQueue<Timed> agenda = new PriorityQueue<>();

    private long scheduled;
    private final List<CaseStory> cases = new ArrayList<>();
    private final Set<String> proposed = new HashSet<>();
    private final DemoSession warden;
    private final DemoSession judge;
    private final DemoSession prosecutor;
    private final List<DemoSession> committee = new ArrayList<>();

    /** The sections' officers and reviewers the cases need, by login. */
    private final Map<String, DemoSession> staff = new LinkedHashMap<>();

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
      warden = DemoSession.login(base, WARDEN);
      judge = DemoSession.login(base, JUDGE);
      prosecutor = DemoSession.login(base, PROSECUTOR);
      for (int i = 1; i <= VOTERS; i++) {
        committee.add(DemoSession.login(base, "committee" + i));
      }
      staff.put(OFFICER, officer);
      staff.put(REVIEWER, reviewer);
      for (String name : List.of("officer2", "officer3", "reviewer1")) {
        staff.put(name, DemoSession.login(base, name));
      }
    }

    int run(YearMonth thisMonth) throws IOException, InterruptedException {
      YearMonth first = thisMonth.minusMonths(LOCKED_MONTHS + 1L);
      planCases(thisMonth);
      List<Map<String, Object>> people = people();
      for (int i = 0; i <= LOCKED_MONTHS; i++) {
        YearMonth month = first.plusMonths(i);
        Map<Long, Map<String, Object>> recorded = recordAndReview(month, i, people);
        if (i < LOCKED_MONTHS) {
          close(month, i, recorded);
        }
      }
      // the steps still due after the last sheet's review (all within last month)
      while (!agenda.isEmpty()) {
        Timed next = agenda.poll();
        moveTo(next.at());
        next.step().sign();
      }
      return entries;
    }

    int cases() {
      return cases.size();
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

    /**
     * The platform's clock at this moment of the prison's past (forward only), after the case steps
     * due before it are signed, each at its own moment.
     */
    private void replay(LocalDateTime local) throws IOException, InterruptedException {
      Instant target = local.atZone(zone).toInstant();
      while (!agenda.isEmpty() && !agenda.peek().at().isAfter(target)) {
        Timed next = agenda.poll();
        moveTo(next.at());
        next.step().sign();
      }
      moveTo(target);
    }

    private void moveTo(Instant wanted) throws IOException, InterruptedException {
      Instant next = wanted;
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
          "the clock at " + LocalDateTime.ofInstant(next, zone));
    }

    /** A case step to sign at this moment of the past; on a weekend, the Monday after. */
    private void schedule(LocalDate day, int hour, CaseAction step) {
      LocalDate d = day;
      while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
        d = d.plusDays(1);
      }
      agenda.add(new Timed(d.atTime(hour, 0).atZone(zone).toInstant(), scheduled++, step));
    }

    /** The day the clock stands at, in the prison. */
    private LocalDate today() {
      return LocalDateTime.ofInstant(at, zone).toLocalDate();
    }

    // --- reduction cases (issue 18 item 10's second part)
    // ------------------------------------------

    /**
     * Five reduction cases, each proposed by its section from that day's eligibility run and taken
     * as far as its people had taken it by now: one granted by the court and served months ago (its
     * sentence changed, the service day recorded), one at the court waiting for the procuratorate
     * and the ruling, one posted in the prison waiting for the director's meeting, one before the
     * committee with part of its votes cast, and one just proposed. Sections 21, 22 and 31 only:
     * sections 11, 12 and 32 are where the system tests propose from whatever the run lists.
     */
    private void planCases(YearMonth thisMonth) {
      YearMonth last = thisMonth.minusMonths(1);
      // 三监区一分监区: granted and served; an inmate objects during the posting (复核, hearing)
      story("granted", 31, "officer4", "reviewer2", Stop.SERVED, true, thisMonth.minusMonths(5), 8);
      // 二监区一分监区: submitted to the court, which received and posted it
      story(
          "at court",
          21,
          "officer2",
          "reviewer1",
          Stop.AT_COURT,
          false,
          thisMonth.minusMonths(3),
          5);
      // 二监区一分监区: before the committee, four of nine members have voted
      story("voting", 21, "officer2", "reviewer1", Stop.VOTING, false, last, 6);
      // 二监区二分监区: posted in the prison, the director's meeting to come
      story("posted", 22, "officer3", "reviewer2", Stop.POSTED, false, last, 8);
      // 二监区二分监区: proposed at the section's meeting, the ward's to come
      story("proposed", 22, "officer3", "reviewer2", Stop.PROPOSED, false, last, 20);
    }

    private void story(
        String label,
        long section,
        String officerName,
        String reviewerName,
        Stop stop,
        boolean objected,
        YearMonth month,
        int day) {
      CaseStory c =
          new CaseStory(
              label, section, staff.get(officerName), staff.get(reviewerName), stop, objected);
      cases.add(c);
      schedule(month.atDay(day), 9, c::propose);
    }

    /** How far a demo case had come by now. */
    private enum Stop {
      PROPOSED,
      VOTING,
      POSTED,
      AT_COURT,
      SERVED
    }

    /**
     * One case, step by step: each step schedules the next, until the case stands where it stops.
     */
    private final class CaseStory {
      private final String label;
      private final long section;
      private final DemoSession officer;
      private final DemoSession ward;
      private final Stop stop;
      private final boolean objected;
      private long id;
      private int months;
      private String prisonerNumber;

      CaseStory(
          String label,
          long section,
          DemoSession officer,
          DemoSession ward,
          Stop stop,
          boolean objected) {
        this.label = label;
        this.section = section;
        this.officer = officer;
        this.ward = ward;
        this.stop = stop;
        this.objected = objected;
      }

      private String what(String step) {
        return "case (" + label + ", section " + section + ") " + step;
      }

      private String steps() {
        return "/api/v1/cases/" + id + "/steps";
      }

      private void sign(DemoSession who, String step, String note, String extra)
          throws IOException, InterruptedException {
        expect(
            who.post(
                steps(),
                "{\"step\":\""
                    + step
                    + "\",\"note\":\""
                    + note
                    + "\""
                    + (extra == null ? "" : "," + extra)
                    + "}"),
            201,
            what(step));
      }

      @SuppressWarnings("unchecked")
      private Map<String, Object> summary() throws IOException, InterruptedException {
        return (Map<String, Object>)
            json(expect(approver.get("/api/v1/cases/" + id), 200, what("file"))).get("summary");
      }

      /**
       * 分监区集体研究提出建议: the section's officer runs the eligibility table that morning and proposes the
       * first inmate it lists as eligible for a reduction (a fixed term) who has a commendation to
       * cite and is no system test's, for up to six months, citing every commended cycle.
       */
      void propose() throws IOException, InterruptedException {
        expect(
            officer.post("/api/v1/eligibility/runs", "{\"section\":" + section + "}"),
            201,
            what("eligibility run"));
        String refused = "none eligible";
        for (Object o : list(officer.get("/api/v1/eligibility/runs/latest?section=" + section))) {
          @SuppressWarnings("unchecked")
          Map<String, Object> r = (Map<String, Object>) o;
          String number = (String) r.get("prisonerNumber");
          int n = Integer.parseInt(number.substring(4));
          if (!"ELIGIBLE".equals(r.get("outcome"))
              || !"REDUCTION".equals(r.get("kind"))
              || !(r.get("maxMonths") instanceof Number max)
              // a life term's limit is the term it is commuted to: fixed terms only
              || max.intValue() < 3
              || max.intValue() > 24
              || n > DemoData.INMATES
              || DemoCommendations.LEFT_TO_THE_TESTS.contains(n)
              || proposed.contains(number)) {
            continue;
          }
          long result = ((Number) r.get("id")).longValue();
          StringBuilder cycles = new StringBuilder();
          StringBuilder cited = new StringBuilder();
          for (Object x :
              list(officer.get("/api/v1/eligibility/results/" + result + "/commendations"))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> cycle = (Map<String, Object>) x;
            if (cycle.get("usedBy") != null) {
              continue; // cited by a granted case already
            }
            cycles.append(cycles.length() == 0 ? "" : ",").append(cycle.get("id"));
            cited
                .append(cited.length() == 0 ? "" : "、")
                .append(monthInWords((String) cycle.get("firstMonth")))
                .append("至")
                .append(monthInWords((String) cycle.get("closedMonth")));
          }
          if (cycles.length() == 0) {
            continue;
          }
          int m = Math.min(6, max.intValue());
          String rationale =
              "该犯认罪悔罪，遵守监规，接受教育改造，积极参加劳动和学习，" + cited + "考核周期获表扬，确有悔改表现，分监区集体研究建议减刑" + m + "个月。";
          HttpResponse<String> made =
              officer.post(
                  "/api/v1/cases",
                  "{\"eligibility\":"
                      + result
                      + ",\"months\":"
                      + m
                      + ",\"rationale\":\""
                      + rationale
                      + "\",\"cycles\":["
                      + cycles
                      + "]}");
          if (made.statusCode() == 400 || made.statusCode() == 409) {
            // the law or the open-case rule refuses this one (nothing written): the next
            refused = made.body();
            continue;
          }
          id = ((Number) json(expect(made, 201, what("proposal"))).get("id")).longValue();
          months = m;
          prisonerNumber = number;
          proposed.add(number);
          if (stop != Stop.PROPOSED) {
            schedule(today().plusDays(2), 10, this::wardMeeting);
          }
          return;
        }
        throw new IOException(
            "demo history: "
                + what("proposal")
                + ": no inmate may be proposed on "
                + today()
                + " ("
                + refused
                + ")");
      }

      /** 监区长办公会, then 刑罚执行科审查 three days later. */
      void wardMeeting() throws IOException, InterruptedException {
        sign(ward, "WARD_MEETING", "监区长办公会研究，同意分监区意见，建议减刑" + months + "个月。", null);
        schedule(today().plusDays(3), 10, this::executionReview);
      }

      void executionReview() throws IOException, InterruptedException {
        sign(approver, "EXECUTION_REVIEW", "经审查，提请材料齐全，事实清楚，同意提交评审委员会评审。", null);
        schedule(today().plusDays(3), 9, this::committee);
      }

      /**
       * 减刑假释评审委员会: the department calls its nine members; seven agree and one abstains, and the
       * department records the result (a case that stops here has four votes so far).
       */
      void committee() throws IOException, InterruptedException {
        StringBuilder members = new StringBuilder();
        for (int i = 1; i <= COMMITTEE_MEMBERS; i++) {
          members.append(i > 1 ? "," : "").append("\"committee").append(i).append('"');
        }
        LocalDate d = today();
        expect(
            approver.post(
                "/api/v1/committee/meetings",
                "{\"title\":\""
                    + d.getYear()
                    + "年"
                    + d.getMonthValue()
                    + "月"
                    + d.getDayOfMonth()
                    + "日减刑假释评审会\",\"members\":["
                    + members
                    + "],\"cases\":["
                    + id
                    + "]}"),
            201,
            what("committee meeting"));
        int votes = stop == Stop.VOTING ? 4 : VOTERS;
        for (int i = 0; i < votes; i++) {
          String vote =
              i == VOTERS - 1
                  ? "{\"choice\":\"ABSTAIN\",\"note\":\"对该犯劳动表现情况不熟悉，弃权。\"}"
                  : "{\"choice\":\"AGREE\",\"note\":\"同意。\"}";
          expect(
              committee.get(i).post("/api/v1/cases/" + id + "/votes", vote), 201, what("a vote"));
        }
        if (stop != Stop.VOTING) {
          schedule(d, 16, this::committeeResult);
        }
      }

      void committeeResult() throws IOException, InterruptedException {
        sign(approver, "COMMITTEE", "评审委员会表决通过：应到9人，实到7人，同意6票，弃权1票。", null);
        schedule(today().plusDays(1), 9, this::posting);
      }

      /** 狱内公示 (5 working days, 7 for strict cases); an inmate of the section may object. */
      void posting() throws IOException, InterruptedException {
        sign(approver, "POSTING", "在监区公示栏公示拟提请减刑名单及理由。", null);
        LocalDate ends = LocalDate.parse((String) summary().get("postingEnds"));
        if (objected) {
          schedule(today().plusDays(2), 19, this::postingObjection);
        }
        if (stop != Stop.POSTED) {
          schedule(ends.plusDays(1), 9, objected ? this::recheck : this::directorMeeting);
        }
      }

      /** An inmate of the same section asks for the entries behind the proposal to be checked. */
      void postingObjection() throws IOException, InterruptedException {
        String objector = null;
        for (Object o : list(officer.get("/api/v1/inmates"))) {
          @SuppressWarnings("unchecked")
          Map<String, Object> p = (Map<String, Object>) o;
          String number = (String) p.get("prisonerNumber");
          int n = Integer.parseInt(number.substring(4));
          Object admitted = p.get("admissionDate");
          if (n <= DemoData.INMATES
              && !DemoCommendations.LEFT_TO_THE_TESTS.contains(n)
              && !number.equals(prisonerNumber)
              && admitted != null
              && LocalDate.parse((String) admitted).isBefore(today().minusMonths(3))) {
            objector = number;
            break;
          }
        }
        if (objector == null) {
          throw new IOException("demo history: " + what("objection") + ": nobody to object");
        }
        expect(
            inmate(objector)
                .post(
                    "/api/v1/cases/" + id + "/posting-objections",
                    "{\"text\":\"该犯上月在车间与人争吵，请核实其劳动加分是否属实。\"}"),
            201,
            what("posting objection"));
      }

      /** 复核 (司法部令第130号第十一条): the objection found unfounded, the proposal upheld. */
      void recheck() throws IOException, InterruptedException {
        sign(
            approver,
            "RECHECK",
            "评审委员会复核：经调阅考核记录并询问带班民警，该犯劳动加分有据，争吵一事系他人所为，异议不成立，维持原建议。",
            "\"choice\":\"UPHELD\"");
        schedule(today().plusDays(1), 10, this::directorMeeting);
      }

      /** 监狱长办公会, and the submission to the court the same afternoon. */
      void directorMeeting() throws IOException, InterruptedException {
        sign(warden, "DIRECTOR_MEETING", "监狱长办公会审议，同意提请减刑。", null);
        schedule(today(), 15, this::submission);
      }

      void submission() throws IOException, InterruptedException {
        sign(approver, "SUBMISSION", "提请人民法院裁定，同时抄送人民检察院。", null);
        schedule(today().plusDays(2), 10, this::courtReceipt);
      }

      /** 法院立案 and 法院公示; a case that stops here waits for the procuratorate and the ruling. */
      void courtReceipt() throws IOException, InterruptedException {
        sign(judge, "COURT_RECEIPT", "立案受理。", null);
        sign(judge, "COURT_POSTING", "在法院网站公示。", null);
        if (stop == Stop.SERVED) {
          LocalDate ends = LocalDate.parse((String) summary().get("courtPostingEnds"));
          schedule(today().plusDays(3), 10, this::opinion);
          schedule(ends.plusDays(1), 9, this::hearing);
        }
      }

      void opinion() throws IOException, InterruptedException {
        expect(
            prosecutor.post(
                "/api/v1/cases/" + id + "/opinions",
                "{\"choice\":\"AGREE\",\"reasons\":\"经审查，提请减刑符合法定条件，程序合法，无异议。\"}"),
            201,
            what("the procuratorate's opinion"));
      }

      /** 开庭审理 (mandatory: an objection came during the posting), the ruling two days later. */
      void hearing() throws IOException, InterruptedException {
        sign(judge, "HEARING", "公开开庭审理，检察员出庭。", "\"onDate\":\"" + today() + "\"");
        schedule(today().plusDays(2), 10, this::ruling);
      }

      void ruling() throws IOException, InterruptedException {
        sign(
            judge,
            "RULING",
            "裁定对罪犯减去有期徒刑" + months + "个月。",
            "\"choice\":\"GRANTED\",\"months\":" + months);
        schedule(today().plusDays(3), 10, this::service);
      }

      /** 送达: the next interval runs from this day (法释〔2016〕23号第四十条第二款). */
      void service() throws IOException, InterruptedException {
        sign(approver, "SERVICE", "裁定书已送达罪犯本人并向其宣布。", null);
      }
    }
  }

  /** A case step of the past, signed when the replay reaches its moment. */
  @FunctionalInterface
  private interface CaseAction {
    void sign() throws IOException, InterruptedException;
  }

  /** A step on the agenda: by its moment, then in the order it was planned. */
  private record Timed(Instant at, long order, CaseAction step) implements Comparable<Timed> {
    @Override
    public int compareTo(Timed o) {
      int c = at.compareTo(o.at);
      return c != 0 ? c : Long.compare(order, o.order);
    }
  }

  /** "2025-06" as the prison writes it: 2025年6月. */
  private static String monthInWords(String month) {
    YearMonth m = YearMonth.parse(month);
    return m.getYear() + "年" + m.getMonthValue() + "月";
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
