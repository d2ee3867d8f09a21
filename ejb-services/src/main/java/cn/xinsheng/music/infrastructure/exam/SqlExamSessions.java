package cn.xinsheng.music.infrastructure.exam;

import static cn.xinsheng.platform.SqlValues.num;

import cn.xinsheng.music.domain.exam.ExamSessions;
import cn.xinsheng.platform.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** The exam sessions on music_exam_session, by plain SQL. */
@ApplicationScoped
public class SqlExamSessions implements ExamSessions {

  @Inject ExamStore store;

  @Override
  public long insert(NewSession s) {
    return store.insert(
        "INSERT INTO music_exam_session (exam_date, room, instrument_code, level, created_by, created_at)"
            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        s.date(),
        s.room(),
        s.instrumentCode(),
        s.level(),
        s.createdBy(),
        s.createdAt());
  }

  @Override
  public Optional<Examined> examined(long sessionId) {
    return store
        .one("SELECT instrument_code, level FROM music_exam_session WHERE id = ?1", sessionId)
        .map(r -> new Examined((String) r[0], SqlValues.integer(r[1])));
  }

  @Override
  public List<Session> all() {
    return store
        .rows(
            "SELECT s.id, s.exam_date, s.room, s.instrument_code, i.name_zh, s.level, l.name_zh,"
                + " (SELECT COUNT(*) FROM music_exam_candidate k WHERE k.session_id = s.id),"
                + " (SELECT COUNT(*) FROM music_exam_candidate k JOIN music_exam_result r ON r.candidate_id = k.id WHERE k.session_id = s.id)"
                + " FROM music_exam_session s JOIN music_instrument i ON i.code = s.instrument_code"
                + " JOIN music_level l ON l.level = s.level"
                + " ORDER BY s.exam_date DESC, s.id DESC")
        .stream()
        .map(
            r ->
                new Session(
                    num(r[0]),
                    ExamRows.date(r[1]),
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    SqlValues.integer(r[5]),
                    (String) r[6],
                    SqlValues.integer(r[7]),
                    SqlValues.integer(r[8])))
        .toList();
  }
}
