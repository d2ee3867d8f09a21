package cn.xinsheng.launcher;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A commendation (表扬) for demo inmates who have served long enough to be proposed, so that the case
 * story can be walked in {@code start-dev}: a proposal must cite the commended cycles it rests on
 * (司规〔2021〕3号; {@code ProposalService} refuses one that cites none). Each gets one locked six-month
 * cycle that ended nineteen months ago, decided "表扬" by the reviewer. The year since is written
 * through the services in section 31 only ({@link DemoHistory}); the other sections still rest on
 * this seed.
 *
 * <p>These are seeded rows like the rest of the demo prison, not made through the services: there
 * are no month results or entries behind them and no audit leaves. Inmates the system tests use by
 * number are left without, so that their own cycles and proposals are what those tests see.
 */
final class DemoCommendations {

  static final String MARKER = "demo-commendations-loaded";

  /** Demo inmates the system tests name (by prisoner number or login), kept out of the seed. */
  static final Set<Integer> LEFT_TO_THE_TESTS =
      Set.of(
          1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 25, 31, 33, 37, 39, 40, 43, 45, 46, 52, 54, 61, 82,
          88, 94, 201, 202, 203, 204, 205, 206, 207, 208, 299, 300);

  /** The section's officer and reviewer in the demo prison ({@link DemoData}'s staff). */
  private static final Map<Long, String[]> SECTION_STAFF =
      Map.of(
          11L, new String[] {"officer1", "reviewer1"},
          12L, new String[] {"officer1", "reviewer1"},
          21L, new String[] {"officer2", "reviewer1"},
          22L, new String[] {"officer3", "reviewer2"},
          31L, new String[] {"officer4", "reviewer2"},
          32L, new String[] {"officer5", "reviewer2"});

  private static final int CYCLE_MONTHS = 6;
  private static final int ENDED_MONTHS_AGO = 19;

  private DemoCommendations() {}

  static void ensure(DatabaseTarget owner, Clock clock) {
    DemoData.once(owner, c -> DemoData.marked(c, MARKER), c -> seed(c, clock));
  }

  private static void seed(Connection c, Clock clock) throws SQLException {
    ZoneId zone = clock.getZone();
    LocalDate today = LocalDate.now(clock);
    YearMonth closed = YearMonth.from(today).minusMonths(ENDED_MONTHS_AGO);
    YearMonth first = closed.minusMonths(CYCLE_MONTHS - 1);
    Timestamp computed = at(closed.plusMonths(1).atDay(3), zone);
    Timestamp decided = at(closed.plusMonths(1).atDay(20), zone);

    // who: in the demo prison (ids up to 300), in custody since before the cycle began, with no
    // cycle of their own yet
    Map<Long, List<Long>> bySection = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT i.id, i.section_id FROM inmate i WHERE i.id <= 300 AND i.sentence_start <= ?"
                + " AND NOT EXISTS (SELECT 1 FROM assessment_cycle a WHERE a.inmate_id = i.id)"
                + " ORDER BY i.id")) {
      ps.setObject(1, first.atDay(1));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(1);
          if (!LEFT_TO_THE_TESTS.contains((int) id)) {
            bySection.computeIfAbsent(rs.getLong(2), k -> new java.util.ArrayList<>()).add(id);
          }
        }
      }
    }
    try (PreparedStatement close =
            c.prepareStatement(
                "INSERT INTO month_close (section_id, month, split, computed_by, computed_at)"
                    + " VALUES (?, ?, '35/35/30', ?, ?)",
                Statement.RETURN_GENERATED_KEYS);
        PreparedStatement step =
            c.prepareStatement(
                "INSERT INTO month_close_step (close_id, step, done_by, done_at) VALUES (?, ?, ?, ?)");
        PreparedStatement cycle =
            c.prepareStatement(
                "INSERT INTO assessment_cycle (inmate_id, number, closed_month, close_id,"
                    + " first_month) VALUES (?, 1, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS);
        PreparedStatement decision =
            c.prepareStatement(
                "INSERT INTO cycle_decision (cycle_id, result, reason, decided_by, decided_at)"
                    + " VALUES (?, 'PRAISE', '考核满600分，集体评议给予表扬（演示）', ?, ?)")) {
      for (var e : bySection.entrySet()) {
        String[] staff =
            SECTION_STAFF.getOrDefault(e.getKey(), new String[] {"officer1", "reviewer1"});
        close.setLong(1, e.getKey());
        close.setString(2, closed.toString());
        close.setString(3, staff[0]);
        close.setTimestamp(4, computed);
        close.executeUpdate();
        long closeId = key(close);
        // settled history: approved, published and locked, so no queue shows it as work
        for (String s : new String[] {"APPROVED", "PUBLISHED", "LOCKED"}) {
          step.setLong(1, closeId);
          step.setString(2, s);
          step.setString(3, "APPROVED".equals(s) ? staff[1] : staff[0]);
          step.setTimestamp(4, computed);
          step.addBatch();
        }
        step.executeBatch();
        for (long inmate : e.getValue()) {
          cycle.setLong(1, inmate);
          cycle.setString(2, closed.toString());
          cycle.setLong(3, closeId);
          cycle.setString(4, first.toString());
          cycle.executeUpdate();
          decision.setLong(1, key(cycle));
          decision.setString(2, staff[1]);
          decision.setTimestamp(3, decided);
          decision.executeUpdate();
        }
      }
    }
    try (PreparedStatement marker =
        c.prepareStatement("INSERT INTO installation_setting (name, value) VALUES (?, ?)")) {
      marker.setString(1, MARKER);
      marker.setString(2, clock.instant().toString());
      marker.executeUpdate();
    }
  }

  private static long key(PreparedStatement ps) throws SQLException {
    try (ResultSet k = ps.getGeneratedKeys()) {
      k.next();
      return k.getLong(1);
    }
  }

  private static Timestamp at(LocalDate day, ZoneId zone) {
    return Timestamp.from(day.atTime(LocalTime.of(10, 0)).atZone(zone).toInstant());
  }
}
