package cn.xinsheng.launcher;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Issue 16 (the law's remaining paths): 死缓 inmates of section 22 at each point of the path, so the
 * eligibility page shows every 死缓 reason and a section can propose the commutation at the end of
 * the reprieve (刑法第五十条第一款); and a juvenile and an elderly inmate whose waits the law lets the court
 * shorten by a third (法释〔2016〕23号第十九条、第二十条), so a section can propose early; and a combined term in
 * which two crimes were each given ten years or more, strict whatever the offences (第七条第二款).
 * Written with the other demo sentence records, once.
 */
final class SentenceLawDemo {

  private SentenceLawDemo() {}

  /** Demo inmate 82: juvenile, 60 months, 13 months served: early on 第十九条, not on 第六条. */
  static final long JUVENILE_EARLY = 82;

  /** Demo inmate 88: elderly, 36 months, 6 months served: not even the shortened wait is met. */
  static final long ELDERLY_NOT_YET = 88;

  /** Demo inmate 52: the reprieve ended ten days ago; proposed by {@code DeathReprieveSystemIT}. */
  static final long REPRIEVE_ENDED = 52;

  /**
   * @param c the demo loader's connection, inside its transaction
   */
  static void records(Connection c, LocalDate today, Instant now) throws SQLException {
    // id, start, limited, 终身监禁, offences, recidivist, changes {kind, months after start, months,
    // toMonths}
    Object[][] demo = {
      // the two years ended ten days ago: to life, proposed now (刑法第五十条第一款)
      {
        REPRIEVE_ENDED,
        today.minusMonths(24).minusDays(10),
        false,
        false,
        "OTHER",
        false,
        new Object[][] {}
      },
      // limited in reduction (刑法第五十条第二款), 14 months into the reprieve
      {58L, today.minusMonths(14), true, false, "RAPE", false, new Object[][] {}},
      // 终身监禁 (刑法第三百八十三条第四款): the reprieve ended five days ago, to life and no more
      {
        64L,
        today.minusMonths(24).minusDays(5),
        false,
        true,
        "CORRUPTION_BY_OFFICIAL",
        false,
        new Object[][] {}
      },
      // an intentional crime in the reprieve restarted it a year in (第二十一条第二款)
      {
        70L,
        today.minusMonths(34),
        false,
        false,
        "OTHER",
        true,
        new Object[][] {{"NEW_CRIME", 12, 36, null}}
      },
      // limited, commuted to life and, five years on, to 25 years: at most 6 months a reduction
      // (第十四条)
      {
        76L,
        today.minusMonths(122),
        true,
        false,
        "INTENTIONAL_HOMICIDE",
        false,
        new Object[][] {
          {"COMMUTATION_TO_LIFE", 24, null, null}, {"COMMUTATION_TO_FIXED", 84, null, 300}
        }
      }
    };
    try (PreparedStatement inmate =
            c.prepareStatement(
                "UPDATE inmate SET sentence_start = ?, sentence_months = NULL, life_sentence = TRUE,"
                    + " current_sentence_end = ? WHERE id = ?");
        PreparedStatement record =
            c.prepareStatement(
                "INSERT INTO sentence_record (inmate_id, kind, detention_days, limited_reduction,"
                    + " no_reduction_or_parole, offences, recidivist, property_penalty, juvenile,"
                    + " elderly_ill_disabled, note, recorded_by, recorded_at)"
                    + " VALUES (?, 'DEATH_REPRIEVE', 0, ?, ?, ?, ?, 'NONE', FALSE, FALSE,"
                    + " '判决书（演示）', 'demo', ?)");
        PreparedStatement change =
            c.prepareStatement(
                "INSERT INTO sentence_change (inmate_id, case_id, kind, ruled_on, months, to_months,"
                    + " previous_end, new_end, recorded_by, recorded_at)"
                    + " VALUES (?, NULL, ?, ?, ?, ?, NULL, ?, 'demo', ?)")) {
      for (Object[] d : demo) {
        long id = (Long) d[0];
        LocalDate start = (LocalDate) d[1];
        LocalDate end = null;
        for (Object[] ch : (Object[][]) d[6]) {
          LocalDate on = start.plusMonths((Integer) ch[1]);
          LocalDate newEnd = null;
          if ("COMMUTATION_TO_FIXED".equals(ch[0])) {
            end = on.plusMonths((Integer) ch[3]);
            newEnd = end;
          }
          change.setLong(1, id);
          change.setString(2, (String) ch[0]);
          change.setObject(3, on);
          change.setObject(4, ch[2]);
          change.setObject(5, ch[3]);
          change.setObject(6, newEnd);
          change.setTimestamp(7, Timestamp.from(now));
          change.addBatch();
        }
        inmate.setObject(1, start);
        inmate.setObject(2, end == null ? null : end.minusDays(1));
        inmate.setLong(3, id);
        inmate.addBatch();
        record.setLong(1, id);
        record.setBoolean(2, (Boolean) d[2]);
        record.setBoolean(3, (Boolean) d[3]);
        record.setString(4, (String) d[4]);
        record.setBoolean(5, (Boolean) d[5]);
        record.setTimestamp(6, Timestamp.from(now));
        record.addBatch();
      }
      inmate.executeBatch();
      record.executeBatch();
      change.executeBatch();
    }
    fixedTerms(c, today, now);
  }

  /**
   * Demo inmate 100: 15 years combined from two crimes of ten years or more (第七条第二款), 30 months
   * served: may be proposed, at most one year whatever the performance.
   */
  static final long TWO_CRIMES_OF_TEN_YEARS = 100;

  /** The juvenile, the elderly and the two-crimes inmate, fixed terms with no earlier change. */
  private static void fixedTerms(Connection c, LocalDate today, Instant now) throws SQLException {
    // id, months, start, juvenile, elderly, two crimes of ten years
    Object[][] demo = {
      {JUVENILE_EARLY, 60, today.minusMonths(13), true, false, false},
      // the same, proposed early from the eligibility page by GradingAndExcusalScreensIT
      {94L, 60, today.minusMonths(13), true, false, false},
      {ELDERLY_NOT_YET, 36, today.minusMonths(6), false, true, false},
      {TWO_CRIMES_OF_TEN_YEARS, 180, today.minusMonths(30), false, false, true}
    };
    try (PreparedStatement inmate =
            c.prepareStatement(
                "UPDATE inmate SET sentence_start = ?, sentence_months = ?, life_sentence = FALSE,"
                    + " current_sentence_end = ? WHERE id = ?");
        PreparedStatement record =
            c.prepareStatement(
                "INSERT INTO sentence_record (inmate_id, kind, detention_days, limited_reduction,"
                    + " no_reduction_or_parole, offences, recidivist, property_penalty, juvenile,"
                    + " elderly_ill_disabled, minor_while_serving, two_crimes_of_ten_years, note,"
                    + " recorded_by, recorded_at)"
                    + " VALUES (?, 'FIXED', 0, FALSE, FALSE, 'OTHER', FALSE, 'NONE', ?, ?, ?, ?,"
                    + " '判决书（演示）', 'demo', ?)")) {
      for (Object[] d : demo) {
        LocalDate start = (LocalDate) d[2];
        inmate.setObject(1, start);
        inmate.setInt(2, (Integer) d[1]);
        inmate.setObject(3, start.plusMonths((Integer) d[1]).minusDays(1));
        inmate.setLong(4, (Long) d[0]);
        inmate.addBatch();
        record.setLong(1, (Long) d[0]);
        record.setBoolean(2, (Boolean) d[3]);
        record.setBoolean(3, (Boolean) d[4]);
        // a juvenile here is 17 now: under 18 at the crime (第二十六条) and while serving (第十九条)
        record.setBoolean(4, (Boolean) d[3]);
        record.setBoolean(5, (Boolean) d[5]);
        record.setTimestamp(6, Timestamp.from(now));
        record.addBatch();
      }
      inmate.executeBatch();
      record.executeBatch();
    }
  }
}
