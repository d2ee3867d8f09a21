package cn.xinsheng.music.infrastructure;

import cn.xinsheng.music.domain.Takes;
import cn.xinsheng.platform.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/** The takes and their analysis jobs on music_take and music_take_analysis, by plain SQL. */
@ApplicationScoped
public class SqlTakes implements Takes {

  @Inject MusicStore store;

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
}
