package cn.xinsheng.music.infrastructure.exam;

import cn.xinsheng.music.domain.exam.Recusals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/** The recusals on music_recusal, by plain SQL. */
@ApplicationScoped
public class SqlRecusals implements Recusals {

  @Inject ExamStore store;

  @Override
  public long insert(
      long candidateId, String examiner, String reasons, String recordedBy, Instant recordedAt) {
    return store.insert(
        "INSERT INTO music_recusal (candidate_id, examiner, reasons, recorded_by, recorded_at)"
            + " VALUES (?1, ?2, ?3, ?4, ?5)",
        candidateId,
        examiner,
        reasons,
        recordedBy,
        recordedAt);
  }
}
