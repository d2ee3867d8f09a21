package cn.xinsheng.music.application;

import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.music.infrastructure.MusicStore;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.organisation.application.InmateDirectory;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.platform.SqlValues;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The practice log: the inmate enters at the terminal what he practised today (instrument, minutes,
 * syllabus items); his teacher reads his cohorts' logs, the education office everyone's. Entries
 * are append-only; the day is the prison's day on the platform clock.
 */
@Stateless
public class PracticeService {

  /** One practice entry. */
  public record PracticeView(
      long id,
      String prisonerNumber,
      String inmateName,
      String instrumentZh,
      String instrumentEn,
      LocalDate day,
      int minutes,
      String items,
      String note,
      Instant enteredAt) {}

  @Inject MusicStore store;
  @Inject MusicAccess access;
  @Inject InmateDirectory directory;
  @Inject CallerScope scope;
  @Inject Caller caller;
  @Inject AuditLog auditLog;
  @Inject PrisonTime time;

  /** The inmate's own entry for today. */
  @RolesAllowed(Role.INMATE_NAME)
  public long log(String instrument, Integer minutes, List<Long> itemIds, String note) {
    long inmateId = scope.ownInmate().getId();
    if (instrument == null
        || store.one("SELECT code FROM music_instrument WHERE code = ?1", instrument).isEmpty()) {
      throw Refusal.invalid("music.error.noInstrument");
    }
    if (minutes == null || minutes < 1 || minutes > 600) {
      throw Refusal.invalid("music.error.minutes");
    }
    List<Long> items = itemIds == null ? List.of() : itemIds.stream().distinct().toList();
    if (items.size() > 50) {
      throw Refusal.invalid("music.error.noItem");
    }
    for (Long id : items) {
      if (id == null
          || store.one("SELECT id FROM music_syllabus_item WHERE id = ?1", id).isEmpty()) {
        throw Refusal.invalid("music.error.noItem");
      }
      // an item practised belongs to the instrument practised (an erhu session cannot log a dizi
      // scale)
      if (store
          .one(
              "SELECT i.id FROM music_syllabus_item i JOIN music_syllabus s ON s.id = i.syllabus_id"
                  + " WHERE i.id = ?1 AND s.instrument_code = ?2",
              id,
              instrument)
          .isEmpty()) {
        throw Refusal.invalid("music.error.itemOtherInstrument");
      }
    }
    String text = note == null || note.isBlank() ? null : note.strip();
    if (text != null && (text.length() > 500 || text.chars().anyMatch(c -> c < 0x20))) {
      throw Refusal.invalid("music.error.note");
    }
    Instant now = time.now();
    LocalDate day = time.today();
    String list = items.stream().map(String::valueOf).collect(Collectors.joining(","));
    long id =
        store.insert(
            "INSERT INTO music_practice (inmate_id, instrument_code, practised_on, minutes, items,"
                + " note, entered_by, entered_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            inmateId,
            instrument,
            day,
            minutes,
            list,
            text,
            caller.name(),
            now);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("practice", id);
    p.put("inmate", scope.ownInmate().getNumber());
    p.put("instrument", instrument);
    p.put("day", day.toString());
    p.put("minutes", (long) minutes);
    p.put("items", list);
    auditLog.record("music.practice.logged", "music-practice/" + id, p, List.of(), now);
    return id;
  }

  /** The inmate's own log, newest first. */
  @RolesAllowed(Role.INMATE_NAME)
  public List<PracticeView> mine() {
    return list();
  }

  /** A teacher's cohorts' logs; the education office's everyone's (newest first, at most 500). */
  @RolesAllowed({Role.TEACHER_NAME, Role.EDU_ADMIN_NAME, Role.INMATE_NAME})
  public List<PracticeView> list() {
    Map<Long, String> titles = new HashMap<>();
    for (Object[] r : store.rows("SELECT id, title FROM music_syllabus_item")) {
      titles.put(SqlValues.num(r[0]), (String) r[1]);
    }
    List<PracticeView> out = new ArrayList<>();
    List<Object[]> rows =
        store.rows(
            "SELECT p.id, p.inmate_id, mi.name_zh, mi.name_en, p.practised_on,"
                + " p.minutes, p.items, p.note, p.entered_at FROM music_practice p"
                + " JOIN music_instrument mi ON mi.code = p.instrument_code WHERE "
                + access.practiceCondition("p.inmate_id")
                + " ORDER BY p.practised_on DESC, p.id DESC LIMIT 500");
    // the names from organisation's directory, one call for the whole list
    Map<Long, InmateDirectory.Named> inmates =
        directory.inmates(rows.stream().map(r -> SqlValues.num(r[1])).toList());
    for (Object[] r : rows) {
      InmateDirectory.Named inmate = inmates.get(SqlValues.num(r[1]));
      String items =
          ((String) r[6]).isBlank()
              ? ""
              : java.util.Arrays.stream(((String) r[6]).split(","))
                  .map(s -> titles.getOrDefault(Long.parseLong(s), "?"))
                  .collect(Collectors.joining("、"));
      out.add(
          new PracticeView(
              SqlValues.num(r[0]),
              inmate.prisonerNumber(),
              inmate.name(),
              (String) r[2],
              (String) r[3],
              SqlValues.date(r[4]),
              (int) SqlValues.num(r[5]),
              items,
              (String) r[7],
              SqlValues.instant(r[8])));
    }
    return out;
  }
}
