package cn.xinsheng.launcher;

import cn.xinsheng.identity.domain.PasswordHash;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.application.CatalogueService;
import cn.xinsheng.ledger.domain.ClauseDraft;
import cn.xinsheng.organisation.domain.OffenceCategory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A believable demo prison, loaded once by {@code start-dev} and never by {@code start}: one
 * prison, three wards, six sections, 300 inmates with varied sentences, the staff and the external
 * accounts. Every demo login has the password {@code demo123!} and is exempt from the forced
 * change. The data are generated from a fixed seed, so every fresh install gets the same prison.
 */
final class DemoData {

  static final String PASSWORD = "demo123!";
  static final int INMATES = 300;
  static final String MARKER = "demo-data-loaded";

  private static final String[] SURNAMES = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高",
    "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "潘"
  };
  private static final String[] GIVEN = {
    "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞", "鑫", "波", "宇",
    "浩", "凯", "健", "俊", "帆", "帅", "旭", "宁", "龙", "林", "阳", "建国", "志强", "海涛", "国庆", "晓东", "文斌", "春生",
    "永刚", "建华", "立新"
  };

  /** Section ids and names per ward; officers are assigned by these ids. */
  static final long[] SECTIONS = {11, 12, 21, 22, 31, 32};

  private DemoData() {}

  static boolean isLoaded(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT value FROM installation_setting WHERE name = ?")) {
      ps.setString(1, MARKER);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * The demo prison's rule catalogue (the regulation's default, version 1), if it has none yet:
   * also for a demo database made before the ledger existed.
   */
  static void ensureCatalogue(DatabaseTarget owner, Clock clock) {
    try (Connection c = owner.connect()) {
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery("SELECT COUNT(*) FROM rule_catalogue WHERE prison_id = 1")) {
        rs.next();
        if (rs.getLong(1) > 0) {
          return;
        }
      }
      c.setAutoCommit(false);
      long catalogueId;
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO rule_catalogue (prison_id, version, note, created_by, created_at)"
                  + " VALUES (1, 1, ?, 'demo', ?)",
              Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, "默认规则目录（司规〔2021〕3号）/ default catalogue");
        ps.setTimestamp(2, Timestamp.from(clock.instant()));
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          catalogueId = keys.getLong(1);
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO rule_clause (catalogue_id, code, text, part, min_tenths, max_tenths,"
                  + " required_kinds, min_evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (ClauseDraft d : CatalogueService.defaultClauses()) {
          ps.setLong(1, catalogueId);
          ps.setString(2, d.code());
          ps.setString(3, d.text());
          ps.setString(4, d.part().name());
          ps.setLong(5, d.min().tenths());
          ps.setLong(6, d.max().tenths());
          ps.setString(
              7,
              d.requiredKinds().stream()
                  .map(Enum::name)
                  .sorted()
                  .collect(java.util.stream.Collectors.joining(",")));
          ps.setInt(8, d.minEvidence());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      c.commit();
    } catch (SQLException e) {
      throw owner.explain(e);
    }
  }

  /**
   * Loads everything in one transaction: either the whole demo prison exists or none of it.
   *
   * @param clock the platform's clock in the prison's zone (pinned on a test platform): sentences
   *     and admissions are dated back from its day
   */
  static void load(DatabaseTarget owner, Clock clock) {
    once(owner, DemoData::isLoaded, c -> insertAll(c, clock));
  }

  /** Whether a part of the demo is there already. */
  interface Present {
    boolean in(Connection c) throws SQLException;
  }

  /** Writes a part of the demo. */
  interface Part {
    void insert(Connection c) throws SQLException;
  }

  /**
   * A part of the demo, unless it is there: in one transaction, so that it is all there or none of
   * it is (a start interrupted half-way loads it again next time).
   */
  static void once(DatabaseTarget owner, Present present, Part part) {
    try (Connection c = owner.connect()) {
      if (present.in(c)) {
        return;
      }
      c.setAutoCommit(false);
      try {
        part.insert(c);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw owner.explain(e);
    }
  }

  /** Whether the installation setting {@code name} has been written (a part's marker). */
  static boolean marked(Connection c, String name) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT COUNT(*) FROM installation_setting WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    }
  }

  private static void insertAll(Connection c, Clock clock) throws SQLException {
    LocalDate today = LocalDate.now(clock);
    try (Statement s = c.createStatement()) {
      s.execute("INSERT INTO prison (id, code, name) VALUES (1, 'DEMO', '示范监狱')");
      s.execute(
          "INSERT INTO ward (id, prison_id, code, name) VALUES"
              + " (1, 1, 'W1', '一监区'), (2, 1, 'W2', '二监区'), (3, 1, 'W3', '三监区')");
      s.execute(
          "INSERT INTO section (id, ward_id, code, name) VALUES"
              + " (11, 1, 'S1', '一分监区'), (12, 1, 'S2', '二分监区'),"
              + " (21, 2, 'S1', '一分监区'), (22, 2, 'S2', '二分监区'),"
              + " (31, 3, 'S1', '一分监区'), (32, 3, 'S2', '二分监区')");
    }
    // One hash for every demo login: they share the published demo password anyway, and hashing
    // 330 passwords at 210,000 PBKDF2 rounds each would add a minute to the first start.
    String hash = PasswordHash.create(PASSWORD.toCharArray()).encoded();
    Instant now = clock.instant();

    Map<String, Staff> staff = new LinkedHashMap<>();
    staff.put("officer1", new Staff("周建军", Set.of(Role.OFFICER), 11, 12));
    staff.put("officer2", new Staff("吴海涛", Set.of(Role.OFFICER), 21));
    staff.put("officer3", new Staff("郑立新", Set.of(Role.OFFICER), 22));
    staff.put("officer4", new Staff("孙国庆", Set.of(Role.OFFICER), 31));
    staff.put("officer5", new Staff("钱文斌", Set.of(Role.OFFICER), 32));
    staff.put("reviewer1", new Staff("冯志强", Set.of(Role.REVIEWER), 11, 12, 21));
    staff.put("reviewer2", new Staff("陈晓东", Set.of(Role.REVIEWER), 22, 31, 32));
    String[] committee = {"褚明", "卫华", "蒋平", "沈斌", "韩勇", "杨涛", "朱磊", "秦刚", "尤鹏"};
    for (int i = 0; i < committee.length; i++) {
      staff.put("committee" + (i + 1), new Staff(committee[i], Set.of(Role.COMMITTEE)));
    }
    staff.put("warden1", new Staff("许建华", Set.of(Role.WARDEN)));
    staff.put("prosecutor1", new Staff("何静", Set.of(Role.PROSECUTOR)));
    staff.put("judge1", new Staff("吕方", Set.of(Role.JUDGE)));
    staff.put("supervisor1", new Staff("施红", Set.of(Role.SUPERVISOR)));
    staff.put("lawyer1", new Staff("张律", Set.of(Role.LAWYER)));
    staff.put("teacher1", new Staff("孔老师", Set.of(Role.TEACHER)));
    staff.put("teacher2", new Staff("曹老师", Set.of(Role.TEACHER)));
    staff.put("examiner1", new Staff("严考官", Set.of(Role.EXAMINER)));
    staff.put("examiner2", new Staff("华考官", Set.of(Role.EXAMINER)));
    staff.put("eduadmin1", new Staff("金主任", Set.of(Role.EDU_ADMIN)));
    staff.put("sysadmin1", new Staff("魏工", Set.of(Role.SYS_ADMIN)));
    // issue 16: the provincial bureau (its review and its decision are by two people) and the
    // high court, for life and 死缓 cases
    staff.put("bureau1", new Staff("钟审查", Set.of(Role.BUREAU)));
    staff.put("bureau2", new Staff("江处长", Set.of(Role.BUREAU)));
    staff.put("highjudge1", new Staff("高法官", Set.of(Role.HIGH_JUDGE)));

    try (PreparedStatement account =
            c.prepareStatement(
                "INSERT INTO account (username, display_name, password_hash, must_change_password,"
                    + " enabled, failed_attempts, created_at) VALUES (?, ?, ?, FALSE, TRUE, 0, ?)",
                Statement.RETURN_GENERATED_KEYS);
        PreparedStatement role =
            c.prepareStatement("INSERT INTO account_role (account_id, role) VALUES (?, ?)");
        PreparedStatement section =
            c.prepareStatement(
                "INSERT INTO officer_section (account_id, section_id) VALUES (?, ?)")) {
      for (Map.Entry<String, Staff> e : staff.entrySet()) {
        long id = insertAccount(account, e.getKey(), e.getValue().name(), hash, now);
        for (Role r : e.getValue().roles()) {
          role.setLong(1, id);
          role.setString(2, r.name());
          role.addBatch();
        }
        for (long s : e.getValue().sections()) {
          section.setLong(1, id);
          section.setLong(2, s);
          section.addBatch();
        }
      }
      role.executeBatch();
      section.executeBatch();

      Random random = new Random(20261123L);
      List<Object[]> inmates = new ArrayList<>();
      for (int n = 1; n <= INMATES; n++) {
        String name =
            SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
        long id = insertAccount(account, "inmate" + n, name, hash, now);
        role.setLong(1, id);
        role.setString(2, Role.INMATE.name());
        role.addBatch();
        inmates.add(inmateRow(n, name, id, random, today));
      }
      role.executeBatch();
      insertInmates(c, inmates);
    }
    try (PreparedStatement marker =
        c.prepareStatement("INSERT INTO installation_setting (name, value) VALUES (?, ?)")) {
      marker.setString(1, MARKER);
      marker.setString(2, now.toString());
      marker.executeUpdate();
    }
  }

  /**
   * The penalty-execution department's demo login ({@code execution1}) and sentence facts for a few
   * demo inmates (an unpaid property penalty, a major merit), also for a demo database made before
   * reduction cases existed.
   */
  static void ensureCaseDesk(DatabaseTarget owner, Clock clock) {
    try (Connection c = owner.connect()) {
      try (PreparedStatement ps =
              c.prepareStatement("SELECT COUNT(*) FROM account WHERE username = 'execution1'");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (rs.getLong(1) > 0) {
          return;
        }
      }
      c.setAutoCommit(false);
      String hash = PasswordHash.create(PASSWORD.toCharArray()).encoded();
      Instant now = clock.instant();
      try (PreparedStatement account =
              c.prepareStatement(
                  "INSERT INTO account (username, display_name, password_hash, must_change_password,"
                      + " enabled, failed_attempts, created_at) VALUES (?, ?, ?, FALSE, TRUE, 0, ?)",
                  Statement.RETURN_GENERATED_KEYS);
          PreparedStatement role =
              c.prepareStatement("INSERT INTO account_role (account_id, role) VALUES (?, ?)");
          PreparedStatement fact =
              c.prepareStatement(
                  "INSERT INTO sentence_fact (inmate_id, kind, active, effective_on, months, note,"
                      + " recorded_by, recorded_at) VALUES (?, ?, TRUE, ?, NULL, ?, 'demo', ?)")) {
        long id = insertAccount(account, "execution1", "严明法", hash, now);
        role.setLong(1, id);
        role.setString(2, Role.EXECUTION.name());
        role.executeUpdate();
        Object[][] facts = {
          {7L, "PROPERTY_UNPAID", "判决罚金 2 万元未缴纳（演示）"},
          {13L, "MAJOR_MERIT", "检举他人重大犯罪经查证属实（演示）"},
          {19L, "STRICT", "职务犯罪，依规从严（演示）"}
        };
        for (Object[] f : facts) {
          fact.setLong(1, (Long) f[0]);
          fact.setString(2, (String) f[1]);
          fact.setObject(3, LocalDate.now(clock).minusMonths(2));
          fact.setString(4, (String) f[2]);
          fact.setTimestamp(5, Timestamp.from(now));
          fact.addBatch();
        }
        fact.executeBatch();
      }
      sentenceRecords(c, LocalDate.now(clock), now);
      c.commit();
    } catch (SQLException e) {
      throw owner.explain(e);
    }
  }

  /**
   * Issue 16: the long-sentence prison's kinds of inmates, so the eligibility page shows every kind
   * of reason — life, 死缓 (one limited, one 终身监禁), strict categories, a recidivist, violent
   * offenders, several with earlier reductions and commutations. Never in section 12, which the
   * case system test keeps plain.
   */
  static void sentenceRecords(Connection c, LocalDate today, Instant now) throws SQLException {
    // id, kind, months, start, detention, limited, noReduction, offences, recidivist, property,
    // changes: {kind, months after start the change was ruled, months, toMonths}
    Object[][] demo = {
      {
        31L,
        "LIFE",
        null,
        today.minusMonths(37),
        0,
        false,
        false,
        "OTHER",
        false,
        "PAID",
        new Object[][] {}
      },
      {
        33L,
        "DEATH_REPRIEVE",
        null,
        today.minusMonths(72),
        0,
        false,
        false,
        "OTHER",
        false,
        "NONE",
        new Object[][] {{"COMMUTATION_TO_LIFE", 24, null, null}}
      },
      {
        34L,
        "DEATH_REPRIEVE",
        null,
        today.minusMonths(144),
        0,
        false,
        false,
        "INTENTIONAL_HOMICIDE",
        false,
        "NONE",
        new Object[][] {
          {"COMMUTATION_TO_LIFE", 24, null, null},
          {"COMMUTATION_TO_FIXED", 60, null, 300},
          {"REDUCTION", 84, 12, null},
          {"REDUCTION", 108, 12, null}
        }
      },
      {
        35L,
        "FIXED",
        96,
        today.minusMonths(25),
        90,
        false,
        false,
        "FINANCIAL_FRAUD",
        false,
        "PAID",
        new Object[][] {}
      },
      {
        37L,
        "FIXED",
        60,
        today.minusMonths(30),
        0,
        false,
        false,
        "OTHER",
        true,
        "NONE",
        new Object[][] {{"REDUCTION", 24, 6, null}}
      },
      {
        39L,
        "FIXED",
        144,
        today.minusMonths(48),
        120,
        false,
        false,
        "ROBBERY",
        false,
        "NONE",
        new Object[][] {{"REDUCTION", 28, 9, null}}
      },
      {
        40L,
        "DEATH_REPRIEVE",
        null,
        today.minusMonths(60),
        0,
        false,
        true,
        "CORRUPTION_BY_OFFICIAL",
        false,
        "PAID",
        new Object[][] {{"COMMUTATION_TO_LIFE", 24, null, null}}
      },
      {
        41L,
        "LIFE",
        null,
        today.minusMonths(120),
        0,
        false,
        false,
        "DRUG_RINGLEADER",
        false,
        "NONE",
        new Object[][] {
          {"COMMUTATION_TO_FIXED", 36, null, 240},
          {"REDUCTION", 60, 12, null},
          {"REDUCTION", 84, 12, null}
        }
      },
      {
        43L,
        "FIXED",
        36,
        today.minusMonths(25),
        0,
        false,
        false,
        "OTHER",
        false,
        "UNPAID_ABLE",
        new Object[][] {}
      },
      {
        45L,
        "DEATH_REPRIEVE",
        null,
        today.minusMonths(96),
        0,
        true,
        false,
        "RAPE",
        false,
        "NONE",
        new Object[][] {{"COMMUTATION_TO_LIFE", 24, null, null}}
      },
      {
        46L,
        "FIXED",
        180,
        today.minusMonths(60),
        30,
        false,
        false,
        "OTHER",
        false,
        "NONE",
        new Object[][] {{"REDUCTION", 24, 9, null}, {"REDUCTION", 42, 24, null}}
      }
    };
    try (PreparedStatement inmate =
            c.prepareStatement(
                "UPDATE inmate SET sentence_start = ?, sentence_months = ?, life_sentence = ?,"
                    + " current_sentence_end = ? WHERE id = ?");
        PreparedStatement record =
            c.prepareStatement(
                "INSERT INTO sentence_record (inmate_id, kind, detention_days, limited_reduction,"
                    + " no_reduction_or_parole, offences, recidivist, property_penalty, juvenile,"
                    + " elderly_ill_disabled, note, recorded_by, recorded_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, FALSE, '判决书（演示）', 'demo', ?)");
        PreparedStatement change =
            c.prepareStatement(
                "INSERT INTO sentence_change (inmate_id, case_id, kind, ruled_on, months, to_months,"
                    + " previous_end, new_end, recorded_by, recorded_at)"
                    + " VALUES (?, NULL, ?, ?, ?, ?, NULL, NULL, 'demo', ?)")) {
      for (Object[] d : demo) {
        long id = (Long) d[0];
        boolean fixed = "FIXED".equals(d[1]);
        Integer months = (Integer) d[2];
        LocalDate start = (LocalDate) d[3];
        int detention = (Integer) d[4];
        LocalDate end = fixed ? start.minusDays(detention).plusMonths(months) : null;
        for (Object[] ch : (Object[][]) d[10]) {
          LocalDate on = start.plusMonths((Integer) ch[1]);
          if ("REDUCTION".equals(ch[0]) && end != null) {
            end = end.minusMonths((Integer) ch[2]);
          } else if ("COMMUTATION_TO_FIXED".equals(ch[0])) {
            end = on.plusMonths((Integer) ch[3]);
          }
          change.setLong(1, id);
          change.setString(2, (String) ch[0]);
          change.setObject(3, on);
          change.setObject(4, ch[2]);
          change.setObject(5, ch[3]);
          change.setTimestamp(6, Timestamp.from(now));
          change.addBatch();
        }
        inmate.setObject(1, start);
        inmate.setObject(2, fixed ? months : null);
        inmate.setBoolean(3, !fixed);
        inmate.setObject(4, end == null ? null : end.minusDays(1));
        inmate.setLong(5, id);
        inmate.addBatch();
        record.setLong(1, id);
        record.setString(2, (String) d[1]);
        record.setInt(3, detention);
        record.setBoolean(4, (Boolean) d[5]);
        record.setBoolean(5, (Boolean) d[6]);
        record.setString(6, (String) d[7]);
        record.setBoolean(7, (Boolean) d[8]);
        record.setString(8, (String) d[9]);
        record.setTimestamp(9, Timestamp.from(now));
        record.addBatch();
      }
      inmate.executeBatch();
      record.executeBatch();
      change.executeBatch();
    }
    SentenceLawDemo.records(c, today, now);
  }

  private static long insertAccount(
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

  /**
   * One inmate: a sentence band drawn like a real prison's mix (many short and middle terms, some
   * long, a few life), started early enough that some are near their first reduction and late
   * enough that nobody is past his end date.
   */
  private static Object[] inmateRow(int n, String name, long accountId, Random r, LocalDate today) {
    long section = SECTIONS[(n - 1) % SECTIONS.length];
    OffenceCategory offence = OffenceCategory.values()[r.nextInt(OffenceCategory.values().length)];
    int band = r.nextInt(100);
    boolean life = band >= 95;
    Integer months =
        life
            ? null
            : band < 35
                ? 12 + r.nextInt(48)
                : band < 75 ? 60 + r.nextInt(60) : 120 + r.nextInt(121);
    int servedMonths = life ? 12 + r.nextInt(120) : r.nextInt(Math.max(1, months - 3));
    LocalDate start = today.minusMonths(servedMonths).minusDays(r.nextInt(28));
    LocalDate admission = start.plusDays(10 + r.nextInt(50));
    if (admission.isAfter(today)) {
      admission = today;
    }
    LocalDate end = life ? null : start.plusMonths(months).minusDays(1);
    return new Object[] {
      (long) n,
      String.format("3301%06d", n),
      name,
      section,
      offence.name(),
      start,
      months,
      life,
      end,
      admission,
      accountId
    };
  }

  private static void insertInmates(Connection c, List<Object[]> rows) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO inmate (id, prisoner_number, name, section_id, offence_category,"
                + " sentence_start, sentence_months, life_sentence, current_sentence_end,"
                + " admission_date, account_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Object[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          ps.setObject(i + 1, row[i]);
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private record Staff(String name, Set<Role> roles, long... sections) {}

  /** The demo logins, one per role, as printed by {@code start-dev} and listed in the README. */
  static List<String> loginsPerRole() {
    List<String> logins = new ArrayList<>();
    for (Role role : Role.values()) {
      logins.add(role.demoUsername());
    }
    return logins;
  }
}
