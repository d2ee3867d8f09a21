package cn.xinsheng.launcher;

import cn.xinsheng.identity.domain.PasswordHash;
import cn.xinsheng.identity.domain.Role;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 20's demo of release plans and the handover to community corrections ({@code start-dev}
 * only). Two parts: {@link #ensure} before the platform starts adds, in SQL as the rest of the demo
 * prison, a release ward (出监监区) with its officer {@code officer6}, five people near or just past
 * release ({@code inmate901}–{@code inmate905}), two community corrections offices and their logins
 * {@code community1}/{@code community2}; {@link #activity} once the platform is up does, through
 * the platform's own API (so every step is audited as in real use), what the prison and the office
 * would: plan updates at different stages with evidence, simulation attempts, two handovers to
 * {@code community1}'s office, and one person's first report.
 */
final class ReadinessDemo {

  static final long WARD = 4;
  static final long SECTION = 41;
  static final String OFFICER = "officer6";
  static final String OFFICE_USER = "community1";

  /** Person, days from today to his release (negative: released), parole. */
  private static final Object[][] PEOPLE = {
    {901, "邵永康", -6},
    {902, "蔡立军", 20},
    {903, "龚海波", 70},
    {904, "闫志鹏", 200},
    {905, "贺文斌", 40}
  };

  private ReadinessDemo() {}

  static String number(int n) {
    return String.format("3301%06d", n);
  }

  /** The ward, officer, people, offices and logins, once. */
  static void ensure(DatabaseTarget owner, Clock clock) {
    DemoData.once(
        owner,
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM cc_office")) {
            rs.next();
            return rs.getLong(1) > 0;
          }
        },
        c -> insert(c, clock));
  }

  private static void insert(Connection c, Clock clock) throws SQLException {
    LocalDate today = LocalDate.now(clock);
    Instant now = clock.instant();
    String hash = PasswordHash.create(DemoData.PASSWORD.toCharArray()).encoded();
    try (Statement s = c.createStatement()) {
      // release education in its own ward (出监监区), as the seed prison keeps it
      s.execute("INSERT INTO ward (id, prison_id, code, name) VALUES (4, 1, 'W4', '出监监区')");
      s.execute("INSERT INTO section (id, ward_id, code, name) VALUES (41, 4, 'S1', '出监分监区')");
      s.execute(
          "INSERT INTO cc_office (id, code, name_zh, name_en) VALUES"
              + " (1, 'SH-CHANGNING', '上海市长宁区社区矫正管理局', 'Changning District Community Corrections, Shanghai'),"
              + " (2, 'SH-XUHUI', '上海市徐汇区社区矫正管理局', 'Xuhui District Community Corrections, Shanghai')");
    }
    try (PreparedStatement account =
            c.prepareStatement(
                "INSERT INTO account (username, display_name, password_hash, must_change_password,"
                    + " enabled, failed_attempts, created_at) VALUES (?, ?, ?, FALSE, TRUE, 0, ?)",
                Statement.RETURN_GENERATED_KEYS);
        PreparedStatement role =
            c.prepareStatement("INSERT INTO account_role (account_id, role) VALUES (?, ?)");
        PreparedStatement section =
            c.prepareStatement(
                "INSERT INTO officer_section (account_id, section_id) VALUES (?, ?)");
        PreparedStatement member =
            c.prepareStatement("INSERT INTO cc_office_member (office_id, username) VALUES (?, ?)");
        PreparedStatement inmate =
            c.prepareStatement(
                "INSERT INTO inmate (id, prisoner_number, name, section_id, offence_category,"
                    + " sentence_start, sentence_months, life_sentence, current_sentence_end,"
                    + " admission_date, account_id) VALUES (?, ?, ?, 41, 'PROPERTY', ?, 36, FALSE, ?, ?, ?)")) {
      long officer = account(account, OFFICER, "方出监", hash, now);
      role(role, officer, Role.OFFICER);
      section.setLong(1, officer);
      section.setLong(2, SECTION);
      section.executeUpdate();
      String[][] offices = {{"community1", "陆矫正", "1"}, {"community2", "闵矫正", "2"}};
      for (String[] o : offices) {
        long id = account(account, o[0], o[1], hash, now);
        role(role, id, Role.COMMUNITY_CORRECTIONS);
        member.setLong(1, Long.parseLong(o[2]));
        member.setString(2, o[0]);
        member.executeUpdate();
      }
      for (Object[] p : PEOPLE) {
        int n = (Integer) p[0];
        long id = account(account, "inmate" + n, (String) p[1], hash, now);
        role(role, id, Role.INMATE);
        LocalDate end = today.plusDays((Integer) p[2]);
        LocalDate start = end.plusDays(1).minusMonths(36);
        inmate.setLong(1, n);
        inmate.setString(2, number(n));
        inmate.setString(3, (String) p[1]);
        inmate.setObject(4, start);
        inmate.setObject(5, end);
        inmate.setObject(6, start.plusDays(20));
        inmate.setLong(7, id);
        inmate.executeUpdate();
      }
    }
  }

  private static long account(
      PreparedStatement ps, String username, String name, String hash, Instant now)
      throws SQLException {
    ps.setString(1, username);
    ps.setString(2, name);
    ps.setString(3, hash);
    ps.setTimestamp(4, Timestamp.from(now));
    ps.executeUpdate();
    try (ResultSet keys = ps.getGeneratedKeys()) {
      keys.next();
      return keys.getLong(1);
    }
  }

  private static void role(PreparedStatement ps, long account, Role role) throws SQLException {
    ps.setLong(1, account);
    ps.setString(2, role.name());
    ps.executeUpdate();
  }

  /** The plans, attempts, handovers and first report, through the API, once. */
  static String activity(String baseUrl) throws IOException, InterruptedException {
    DemoSession officer = DemoSession.login(baseUrl, OFFICER);
    HttpResponse<String> existing =
        officer.get("/api/v1/readiness/handovers?inmate=" + number(901));
    if (existing.statusCode() == 200 && existing.body().contains("\"id\"")) {
      return "出监计划演示数据已存在 / release plan demo already there";
    }
    LocalDate today = today(officer);
    long evidence = evidence(officer, "身份证受理回执（演示）\n派出所已受理补办申请。\n");
    long housing = evidence(officer, "住所证明（演示）\n家属出具的接收居住说明。\n");
    long health = evidence(officer, "出监体检报告摘要（演示）\n无传染病，高血压用药 30 天已备。\n");
    // 901, released six days ago: everything settled
    update(officer, 901, "ID_CARD", "DONE", "身份证已补办", evidence);
    update(officer, 901, "HOUSING", "DONE", "回原住所居住，家属同意接收", housing);
    update(officer, 901, "EMPLOYMENT", "IN_PROGRESS", "已登记就业意向：物流分拣", null);
    update(officer, 901, "EMPLOYMENT", "DONE", "人社部门推荐岗位已确认", evidence);
    update(officer, 901, "FAMILY", "DONE", "妻子释放当日接回", housing);
    update(officer, 901, "HEALTH", "DONE", "出监体检完成，带药 30 天", health);
    update(officer, 901, "MONEY", "NOT_NEEDED", "无财产刑，个人账户已结清", null);
    update(officer, 901, "EDUCATION_RECORD", "DONE", "学习记录已汇总", evidence);
    // 902, twenty days to go: half done, the rest late or due
    update(officer, 902, "ID_CARD", "IN_PROGRESS", "已向户籍地派出所提出申请", null);
    update(officer, 902, "FAMILY", "DONE", "已联系兄长接回", housing);
    update(officer, 902, "HEALTH", "IN_PROGRESS", "体检已预约", null);
    // 903, seventy days to go, in release education: begun
    update(officer, 903, "EMPLOYMENT", "IN_PROGRESS", "参加出监就业指导课", null);
    update(officer, 903, "EDUCATION_RECORD", "IN_PROGRESS", "学分整理中", null);
    // 905, forty days to go: the identity card is late
    update(officer, 905, "HOUSING", "IN_PROGRESS", "联系安置帮教基地", null);
    // simulations at the terminal
    DemoSession s901 = DemoSession.login(baseUrl, "inmate901");
    attempt(s901, "metro-ticket", METRO_WRONG);
    attempt(s901, "metro-ticket", METRO_RIGHT);
    attempt(s901, "payment-app", PAYMENT_RIGHT);
    DemoSession s903 = DemoSession.login(baseUrl, "inmate903");
    attempt(s903, "payment-app", PAYMENT_WRONG);
    // handovers to community1's office; 901's first report
    long handover = issue(officer, 901);
    issue(officer, 902);
    DemoSession office = DemoSession.login(baseUrl, OFFICE_USER);
    HttpResponse<String> r =
        office.post(
            "/api/v1/readiness/handovers/" + handover + "/first-report",
            "{\"reportedOn\":\""
                + today.minusDays(2)
                + "\",\"note\":\"本人持释放证明到长宁区社区矫正管理局报到，已建立档案（演示）\"}");
    check(r, "first report");
    return "出监计划、交接与首次报到演示数据已载入 / release plans, handovers and a first report loaded";
  }

  private static final List<String[]> METRO_RIGHT =
      List.of(
          new String[] {"TOUCH", "buy", null},
          new String[] {"TOUCH", "line-2", null},
          new String[] {"TOUCH", "peoples-square", null},
          new String[] {"INPUT", "count", "1"},
          new String[] {"TOUCH", "qr", null},
          new String[] {"TOUCH", "paid", null},
          new String[] {"TOUCH", "take-both", null});
  private static final List<String[]> METRO_WRONG =
      List.of(
          new String[] {"TOUCH", "top-up", null},
          new String[] {"TOUCH", "buy", null},
          new String[] {"TOUCH", "line-2", null},
          new String[] {"TOUCH", "lujiazui", null},
          new String[] {"TOUCH", "peoples-square", null},
          new String[] {"INPUT", "count", "1"},
          new String[] {"TOUCH", "cash", null},
          new String[] {"INPUT", "amount", "10"},
          new String[] {"TOUCH", "take-ticket", null});
  private static final List<String[]> PAYMENT_RIGHT =
      List.of(
          new String[] {"TOUCH", "scan", null},
          new String[] {"INPUT", "sum", "8"},
          new String[] {"TOUCH", "type-myself", null},
          new String[] {"TOUCH", "ignore-and-report", null});
  private static final List<String[]> PAYMENT_WRONG =
      List.of(
          new String[] {"TOUCH", "scan", null},
          new String[] {"INPUT", "sum", "8"},
          new String[] {"TOUCH", "tell-assistant", null},
          new String[] {"TOUCH", "ignore-and-report", null});

  private static void attempt(DemoSession s, String scenario, List<String[]> steps)
      throws IOException, InterruptedException {
    StringBuilder b = new StringBuilder("{\"steps\":[");
    long t = 0;
    for (String[] st : steps) {
      t += 4000;
      if (b.charAt(b.length() - 1) != '[') {
        b.append(',');
      }
      b.append("{\"kind\":\"").append(st[0]).append("\",\"element\":\"").append(st[1]).append('"');
      if (st[2] != null) {
        b.append(",\"value\":\"").append(st[2]).append('"');
      }
      b.append(",\"elapsedMillis\":").append(t).append('}');
    }
    b.append("]}");
    check(s.post("/api/v1/readiness/scenarios/" + scenario + "/attempts", b.toString()), scenario);
  }

  private static void update(
      DemoSession s, int n, String item, String status, String note, Long evidence)
      throws IOException, InterruptedException {
    String body =
        "{\"status\":\""
            + status
            + "\",\"note\":\""
            + note
            + "\""
            + (evidence == null ? "" : ",\"evidence\":" + evidence)
            + "}";
    check(
        s.post("/api/v1/readiness/plans/" + number(n) + "/items/" + item + "/updates", body),
        "plan " + n + " " + item);
  }

  private static long issue(DemoSession s, int n) throws IOException, InterruptedException {
    HttpResponse<String> r =
        s.post("/api/v1/readiness/handovers", "{\"inmate\":\"" + number(n) + "\",\"office\":1}");
    check(r, "handover " + n);
    return id(r.body());
  }

  private static long evidence(DemoSession s, String text)
      throws IOException, InterruptedException {
    String q =
        "?section="
            + SECTION
            + "&name="
            + enc("plan-evidence.txt")
            + "&source="
            + enc("出监计划（演示）")
            + "&description="
            + enc("出监计划事项的证明材料（演示）");
    HttpResponse<String> r =
        s.post(
            "/api/v1/evidence" + q,
            "application/octet-stream",
            text.getBytes(StandardCharsets.UTF_8));
    check(r, "evidence");
    return id(r.body());
  }

  private static LocalDate today(DemoSession s) throws IOException, InterruptedException {
    HttpResponse<String> r = s.get("/api/v1/clock");
    Matcher m = Pattern.compile("\"today\"\\s*:\\s*\"([0-9-]{10})\"").matcher(r.body());
    if (!m.find()) {
      throw new IOException("the platform's day: " + r.body());
    }
    return LocalDate.parse(m.group(1));
  }

  private static long id(String json) throws IOException {
    Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(json);
    if (!m.find()) {
      throw new IOException("no id in " + json);
    }
    return Long.parseLong(m.group(1));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static void check(HttpResponse<String> r, String what) throws IOException {
    if (r.statusCode() / 100 != 2) {
      throw new IOException("demo " + what + ": " + r.statusCode() + " " + r.body());
    }
  }
}
