package cn.xinsheng.music.infrastructure.exam;

import static cn.xinsheng.platform.SqlValues.num;

import cn.xinsheng.music.domain.exam.Eligibility;
import cn.xinsheng.music.domain.exam.ExamCandidates;
import cn.xinsheng.music.domain.exam.ExamGrade;
import cn.xinsheng.platform.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The candidates on music_exam_candidate with their session, performance, result and certificate,
 * by plain SQL: one statement for every list, its condition the only difference.
 */
@ApplicationScoped
public class SqlExamCandidates implements ExamCandidates {

  @Inject ExamStore store;

  private static final String CANDIDATES =
      "SELECT k.id, s.id, s.exam_date, s.room, s.instrument_code, i.name_zh, s.level, l.name_zh,"
          + " k.inmate_id, k.basis, p.sha256, r.id, r.grade, r.total, c.code,"
          + " pt.take_id"
          + " FROM music_exam_candidate k JOIN music_exam_session s ON s.id = k.session_id"
          + " JOIN music_instrument i ON i.code = s.instrument_code JOIN music_level l ON l.level = s.level"
          + " LEFT JOIN music_performance p ON p.candidate_id = k.id"
          + " LEFT JOIN music_performance_take pt ON pt.candidate_id = k.id"
          + " LEFT JOIN music_exam_result r ON r.candidate_id = k.id"
          + " LEFT JOIN music_certificate c ON c.candidate_id = k.id WHERE 1 = 1";

  /** The examiner, as the parameter numbered {@code n}, sits on the candidate's panel. */
  private static String onPanel(int n) {
    return " AND EXISTS (SELECT 1 FROM music_panel_seat ps WHERE ps.candidate_id = k.id AND ps.examiner = ?"
        + n
        + ")";
  }

  @Override
  public long insert(NewCandidate c) {
    return store.insert(
        "INSERT INTO music_exam_candidate (session_id, inmate_id, basis, placement_id, registered_by, registered_at)"
            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        c.sessionId(),
        c.inmateId(),
        c.basis().name(),
        c.placementId(),
        c.registeredBy(),
        c.registeredAt());
  }

  @Override
  public boolean registered(long sessionId, long inmateId) {
    return store
        .one(
            "SELECT 1 FROM music_exam_candidate WHERE session_id = ?1 AND inmate_id = ?2",
            sessionId,
            inmateId)
        .isPresent();
  }

  @Override
  public Optional<Integer> highestPassedLevel(long inmateId, String instrumentCode) {
    return store
        .one(
            "SELECT MAX(s.level) FROM music_exam_result r JOIN music_exam_candidate c ON c.id = r.candidate_id"
                + " JOIN music_exam_session s ON s.id = c.session_id"
                + " WHERE c.inmate_id = ?1 AND s.instrument_code = ?2 AND r.grade <> 'FAIL'",
            inmateId,
            instrumentCode)
        .map(r -> r[0])
        .filter(v -> v != null)
        .map(SqlValues::integer);
  }

  @Override
  public Optional<Candidate> find(long candidateId) {
    return where(" AND k.id = ?1", candidateId).stream().findFirst();
  }

  @Override
  public List<Candidate> all() {
    return where("");
  }

  @Override
  public List<Candidate> onPanelOf(String examiner) {
    return where(onPanel(1), examiner);
  }

  @Override
  public List<Candidate> inSession(long sessionId) {
    return where(" AND k.session_id = ?1", sessionId);
  }

  @Override
  public List<Candidate> inSessionOnPanelOf(long sessionId, String examiner) {
    return where(" AND k.session_id = ?1" + onPanel(2), sessionId, examiner);
  }

  @Override
  public List<Candidate> published() {
    return where(" AND r.id IS NOT NULL");
  }

  @Override
  public List<Candidate> publishedOf(Collection<Long> inmateIds) {
    if (inmateIds.isEmpty()) {
      return List.of();
    }
    // ids are longs: spliced as numbers, never as text
    String in = String.join(",", inmateIds.stream().sorted().map(String::valueOf).toList());
    return where(" AND r.id IS NOT NULL AND k.inmate_id IN (" + in + ")");
  }

  private List<Candidate> where(String condition, Object... params) {
    return store
        .rows(CANDIDATES + condition + " ORDER BY s.exam_date DESC, s.id DESC, k.id", params)
        .stream()
        .map(
            r ->
                new Candidate(
                    num(r[0]),
                    num(r[1]),
                    ExamRows.date(r[2]),
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    SqlValues.integer(r[6]),
                    (String) r[7],
                    num(r[8]),
                    Eligibility.Basis.valueOf((String) r[9]),
                    (String) r[10],
                    r[15] == null ? null : num(r[15]),
                    r[11] != null,
                    r[12] == null ? null : ExamGrade.valueOf((String) r[12]),
                    (BigDecimal) r[13],
                    (String) r[14]))
        .toList();
  }

  @Override
  public long insert(NewPerformance p) {
    return store.insert(
        "INSERT INTO music_performance (candidate_id, sha256, media_type, size_bytes, seconds, recorded_by, recorded_at)"
            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        p.candidateId(),
        p.sha256(),
        p.mediaType(),
        p.sizeBytes(),
        p.seconds(),
        p.recordedBy(),
        p.recordedAt());
  }

  @Override
  public long insert(NewResult r) {
    return store.insert(
        "INSERT INTO music_exam_result (candidate_id, total, grade, third_examiner, published_by, published_at)"
            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        r.candidateId(),
        r.total(),
        r.grade().name(),
        r.thirdExaminer(),
        r.publishedBy(),
        r.publishedAt());
  }

  @Override
  public List<YearTally> tallies() {
    return store
        .rows(
            "SELECT YEAR(s.exam_date), s.instrument_code, i.name_zh, s.level, COUNT(*),"
                + " SUM(CASE WHEN r.grade <> 'FAIL' THEN 1 ELSE 0 END)"
                + " FROM music_exam_result r JOIN music_exam_candidate k ON k.id = r.candidate_id"
                + " JOIN music_exam_session s ON s.id = k.session_id"
                + " JOIN music_instrument i ON i.code = s.instrument_code"
                + " GROUP BY YEAR(s.exam_date), s.instrument_code, i.name_zh, i.sort_order, s.level"
                + " ORDER BY 1 DESC, i.sort_order, s.level")
        .stream()
        .map(
            r ->
                new YearTally(
                    SqlValues.integer(r[0]),
                    (String) r[1],
                    (String) r[2],
                    SqlValues.integer(r[3]),
                    SqlValues.integer(r[4]),
                    SqlValues.integer(r[5])))
        .toList();
  }
}
