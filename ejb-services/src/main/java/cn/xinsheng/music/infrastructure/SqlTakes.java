package cn.xinsheng.music.infrastructure;

import cn.xinsheng.music.domain.MusicReaders;
import cn.xinsheng.music.domain.Takes;
import cn.xinsheng.platform.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The takes, their analysis jobs, feedback and performance links on music_take,
 * music_take_analysis, music_take_feedback and music_performance_take, by plain SQL.
 */
@ApplicationScoped
public class SqlTakes implements Takes {

  @Inject MusicStore store;

  @Override
  public long insert(NewTake t) {
    return store.insert(
        "INSERT INTO music_take (inmate_id, instrument_code, item_id, purpose, source, sha256,"
            + " media_type, format_label, size_bytes, duration_seconds, recorded_by, recorded_at)"
            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        t.inmateId(),
        t.instrumentCode(),
        t.itemId(),
        t.purpose(),
        t.source(),
        t.sha256(),
        t.mediaType(),
        t.formatLabel(),
        t.size(),
        t.durationSeconds(),
        t.recordedBy(),
        t.recordedAt());
  }

  @Override
  public void queueAnalysis(long takeId, Instant queuedAt) {
    store.exec(
        "INSERT INTO music_take_analysis (take_id, state, progress, queued_at) VALUES (?1, 'QUEUED', 0, ?2)",
        takeId,
        queuedAt);
  }

  private static final String COLUMNS =
      "SELECT t.id, t.inmate_id, t.instrument_code, mi.name_zh, mi.name_en,"
          + " t.item_id, it.title, t.purpose, t.source, t.sha256, t.media_type, t.format_label,"
          + " t.size_bytes, t.duration_seconds, t.recorded_by, t.recorded_at, a.state, a.progress,"
          + " a.failure_zh, a.failure_en"
          + " FROM music_take t"
          + " LEFT JOIN music_instrument mi ON mi.code = t.instrument_code"
          + " LEFT JOIN music_syllabus_item it ON it.id = t.item_id"
          + " LEFT JOIN music_take_analysis a ON a.take_id = t.id";

  @Override
  public List<Take> readable(MusicReaders.Readable readable) {
    return store
        .rows(
            COLUMNS
                + " WHERE "
                + ReadableSql.condition(readable, "t.inmate_id", "t")
                + " ORDER BY t.recorded_at DESC, t.id DESC LIMIT 200")
        .stream()
        .map(SqlTakes::take)
        .toList();
  }

  @Override
  public Optional<Take> find(long takeId, MusicReaders.Readable readable) {
    return store
        .one(
            COLUMNS + " WHERE t.id = ?1 AND " + ReadableSql.condition(readable, "t.inmate_id", "t"),
            takeId)
        .map(SqlTakes::take);
  }

  private static Take take(Object[] r) {
    return new Take(
        SqlValues.num(r[0]),
        SqlValues.num(r[1]),
        (String) r[2],
        (String) r[3],
        (String) r[4],
        r[5] == null ? null : SqlValues.num(r[5]),
        (String) r[6],
        (String) r[7],
        (String) r[8],
        (String) r[9],
        (String) r[10],
        (String) r[11],
        SqlValues.num(r[12]),
        ((Number) r[13]).doubleValue(),
        (String) r[14],
        SqlValues.instant(r[15]),
        r[16] == null ? "QUEUED" : (String) r[16],
        r[17] == null ? 0 : (int) SqlValues.num(r[17]),
        (String) r[18],
        (String) r[19]);
  }

  @Override
  public Optional<String> analysisResult(long takeId) {
    return store
        .one("SELECT result FROM music_take_analysis WHERE take_id = ?1 AND state = 'DONE'", takeId)
        .map(r -> (String) r[0]);
  }

  @Override
  public boolean claimAnalysis(long takeId, Instant startedAt) {
    return store.exec(
            "UPDATE music_take_analysis SET state = 'RUNNING', progress = 0, started_at = ?2"
                + " WHERE take_id = ?1 AND state = 'QUEUED'",
            takeId,
            startedAt)
        > 0;
  }

  @Override
  public Optional<AnalysisWork> analysisWork(long takeId) {
    return store
        .one(
            "SELECT t.sha256, it.notation FROM music_take t"
                + " LEFT JOIN music_syllabus_item it ON it.id = t.item_id WHERE t.id = ?1",
            takeId)
        .map(r -> new AnalysisWork((String) r[0], (String) r[1]));
  }

  @Override
  public void analysisProgress(long takeId, int percent) {
    store.exec(
        "UPDATE music_take_analysis SET progress = ?2 WHERE take_id = ?1 AND state = 'RUNNING'",
        takeId,
        percent);
  }

  @Override
  public void analysisDone(long takeId, Instant finishedAt, String json, String sha256) {
    store.exec(
        "UPDATE music_take_analysis SET state = 'DONE', progress = 100, finished_at = ?2,"
            + " result = ?3, result_sha256 = ?4 WHERE take_id = ?1",
        takeId,
        finishedAt,
        json,
        sha256);
  }

  @Override
  public void analysisFailed(long takeId, Instant finishedAt, String failureZh, String failureEn) {
    store.exec(
        "UPDATE music_take_analysis SET state = 'FAILED', finished_at = ?2, failure_zh = ?3,"
            + " failure_en = ?4 WHERE take_id = ?1",
        takeId,
        finishedAt,
        failureZh,
        failureEn);
  }

  @Override
  public Optional<Long> inmateOf(long takeId) {
    return store
        .one("SELECT inmate_id FROM music_take WHERE id = ?1", takeId)
        .map(r -> SqlValues.num(r[0]));
  }

  @Override
  public List<Feedback> feedback(long takeId) {
    return store
        .rows(
            "SELECT id, text, corrects, written_by, written_at FROM music_take_feedback"
                + " WHERE take_id = ?1 ORDER BY id",
            takeId)
        .stream()
        .map(
            r ->
                new Feedback(
                    SqlValues.num(r[0]),
                    (String) r[1],
                    r[2] == null ? null : SqlValues.num(r[2]),
                    (String) r[3],
                    SqlValues.instant(r[4])))
        .toList();
  }

  @Override
  public boolean hasFeedback(long feedbackId, long takeId) {
    return store
        .one(
            "SELECT id FROM music_take_feedback WHERE id = ?1 AND take_id = ?2", feedbackId, takeId)
        .isPresent();
  }

  @Override
  public long insertFeedback(
      long takeId, String text, Long corrects, String writtenBy, Instant writtenAt) {
    return store.insert(
        "INSERT INTO music_take_feedback (take_id, text, corrects, written_by, written_at)"
            + " VALUES (?1, ?2, ?3, ?4, ?5)",
        takeId,
        text,
        corrects,
        writtenBy,
        writtenAt);
  }

  @Override
  public Set<Long> onPanelOf(String examiner) {
    Set<Long> out = new HashSet<>();
    for (Object[] r :
        store.rows(
            "SELECT pt.take_id FROM music_performance_take pt"
                + " JOIN music_panel_seat ps ON ps.candidate_id = pt.candidate_id"
                + " WHERE ps.examiner = ?1",
            examiner)) {
      out.add(SqlValues.num(r[0]));
    }
    return out;
  }

  @Override
  public Optional<Performance> performance(long candidateId) {
    return store
        .one(
            "SELECT k.inmate_id, s.instrument_code, p.sha256 FROM music_exam_candidate k"
                + " JOIN music_exam_session s ON s.id = k.session_id"
                + " JOIN music_performance p ON p.candidate_id = k.id WHERE k.id = ?1",
            candidateId)
        .map(r -> new Performance(SqlValues.num(r[0]), (String) r[1], (String) r[2]));
  }

  @Override
  public boolean seatedOnPanel(long candidateId, String examiner) {
    return store
        .one(
            "SELECT 1 FROM music_panel_seat WHERE candidate_id = ?1 AND examiner = ?2",
            candidateId,
            examiner)
        .isPresent();
  }

  @Override
  public boolean performanceHasTake(long candidateId) {
    return store
        .one("SELECT 1 FROM music_performance_take WHERE candidate_id = ?1", candidateId)
        .isPresent();
  }

  @Override
  public void linkPerformance(long candidateId, long takeId, Instant linkedAt) {
    store.exec(
        "INSERT INTO music_performance_take (candidate_id, take_id, linked_at) VALUES (?1, ?2, ?3)",
        candidateId,
        takeId,
        linkedAt);
  }
}
