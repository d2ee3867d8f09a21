package cn.xinsheng.music.infrastructure.exam;

import static cn.xinsheng.platform.SqlValues.num;

import cn.xinsheng.music.domain.exam.ExamCredits;
import cn.xinsheng.music.domain.exam.ExamGrade;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The passes and credits on the exam tables, by plain SQL. */
@ApplicationScoped
public class SqlExamCredits implements ExamCredits {

  @Inject ExamStore store;

  private static final String PASSES =
      "SELECT k.id, k.inmate_id, i.name_zh, l.name_zh, r.grade, c.code, c.sha256"
          + " FROM music_exam_result r JOIN music_exam_candidate k ON k.id = r.candidate_id"
          + " JOIN music_exam_session s ON s.id = k.session_id"
          + " JOIN music_instrument i ON i.code = s.instrument_code JOIN music_level l ON l.level = s.level"
          + " JOIN music_certificate c ON c.candidate_id = k.id"
          + " WHERE r.grade <> 'FAIL' AND NOT EXISTS (SELECT 1 FROM music_exam_credit x WHERE x.candidate_id = k.id)";

  @Override
  public List<Pass> unconfirmedPasses(Collection<Long> inmateIds) {
    if (inmateIds.isEmpty()) {
      return List.of();
    }
    // ids are longs: spliced as numbers, never as text
    String in = String.join(",", inmateIds.stream().sorted().map(String::valueOf).toList());
    return store.rows(PASSES + " AND k.inmate_id IN (" + in + ") ORDER BY k.id").stream()
        .map(SqlExamCredits::pass)
        .toList();
  }

  @Override
  public Optional<Pass> unconfirmedPass(long candidateId) {
    return store.one(PASSES + " AND k.id = ?1", candidateId).map(SqlExamCredits::pass);
  }

  private static Pass pass(Object[] r) {
    return new Pass(
        num(r[0]),
        num(r[1]),
        (String) r[2],
        (String) r[3],
        ExamGrade.valueOf((String) r[4]),
        (String) r[5],
        (String) r[6]);
  }

  @Override
  public long insert(long candidateId, long entryId, String confirmedBy, Instant confirmedAt) {
    return store.insert(
        "INSERT INTO music_exam_credit (candidate_id, entry_id, confirmed_by, confirmed_at) VALUES (?1, ?2, ?3, ?4)",
        candidateId,
        entryId,
        confirmedBy,
        confirmedAt);
  }
}
