package cn.xinsheng.music.infrastructure;

import cn.xinsheng.music.domain.MusicReaders;
import cn.xinsheng.music.domain.PracticeLog;
import cn.xinsheng.platform.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The practice log on music_practice, by plain SQL. */
@ApplicationScoped
public class SqlPracticeLog implements PracticeLog {

  @Inject MusicStore store;

  @Override
  public long insert(
      long inmateId,
      String instrumentCode,
      LocalDate day,
      int minutes,
      String items,
      String note,
      String enteredBy,
      Instant enteredAt) {
    return store.insert(
        "INSERT INTO music_practice (inmate_id, instrument_code, practised_on, minutes, items,"
            + " note, entered_by, entered_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        inmateId,
        instrumentCode,
        day,
        minutes,
        items,
        note,
        enteredBy,
        enteredAt);
  }

  @Override
  public List<Entry> entries(MusicReaders.Readable readable) {
    return store
        .rows(
            "SELECT p.id, p.inmate_id, mi.name_zh, mi.name_en, p.practised_on,"
                + " p.minutes, p.items, p.note, p.entered_at FROM music_practice p"
                + " JOIN music_instrument mi ON mi.code = p.instrument_code WHERE "
                + ReadableSql.condition(readable, "p.inmate_id", null)
                + " ORDER BY p.practised_on DESC, p.id DESC LIMIT 500")
        .stream()
        .map(
            r ->
                new Entry(
                    SqlValues.num(r[0]),
                    SqlValues.num(r[1]),
                    (String) r[2],
                    (String) r[3],
                    SqlValues.date(r[4]),
                    (int) SqlValues.num(r[5]),
                    (String) r[6],
                    (String) r[7],
                    SqlValues.instant(r[8])))
        .toList();
  }
}
