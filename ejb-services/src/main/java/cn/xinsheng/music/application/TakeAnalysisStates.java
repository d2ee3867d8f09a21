package cn.xinsheng.music.application;

import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.music.infrastructure.MusicStore;
import cn.xinsheng.organisation.application.InmateDirectory;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.SqlValues;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The analysis job's row, each change in a transaction of its own (the job runs outside one):
 * claimed (QUEUED → RUNNING, so two jobs never analyse one take), progress, and the end — the
 * result with its hash in the audit log, or the reason it failed.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class TakeAnalysisStates {

  /** What the job needs: the recording's hash and the item's 简谱 (null without an item). */
  public record Work(String sha256, String notation) {}

  @Inject MusicStore store;
  @Inject InmateDirectory directory;
  @Inject AuditLog auditLog;
  @Inject PrisonTime time;

  public Optional<Work> start(long takeId) {
    int claimed =
        store.exec(
            "UPDATE music_take_analysis SET state = 'RUNNING', progress = 0, started_at = ?2"
                + " WHERE take_id = ?1 AND state = 'QUEUED'",
            takeId,
            time.now());
    if (claimed == 0) {
      return Optional.empty();
    }
    return store
        .one(
            "SELECT t.sha256, it.notation FROM music_take t"
                + " LEFT JOIN music_syllabus_item it ON it.id = t.item_id WHERE t.id = ?1",
            takeId)
        .map(r -> new Work((String) r[0], (String) r[1]));
  }

  public void progress(long takeId, int percent) {
    store.exec(
        "UPDATE music_take_analysis SET progress = ?2 WHERE take_id = ?1 AND state = 'RUNNING'",
        takeId,
        percent);
  }

  public void finish(long takeId, String json) {
    Instant now = time.now();
    String sha = MerkleTree.sha256Hex(json.getBytes(StandardCharsets.UTF_8));
    store.exec(
        "UPDATE music_take_analysis SET state = 'DONE', progress = 100, finished_at = ?2,"
            + " result = ?3, result_sha256 = ?4 WHERE take_id = ?1",
        takeId,
        now,
        json,
        sha);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("take", takeId);
    store
        .one("SELECT inmate_id FROM music_take WHERE id = ?1", takeId)
        .map(r -> directory.inmates(List.of(SqlValues.num(r[0]))).get(SqlValues.num(r[0])))
        .ifPresent(inmate -> p.put("inmate", inmate.prisonerNumber()));
    p.put("resultSha256", sha);
    auditLog.record("music.take.analysed", "music-take/" + takeId, p, List.of(), now);
  }

  public void fail(long takeId, String zh, String en) {
    store.exec(
        "UPDATE music_take_analysis SET state = 'FAILED', finished_at = ?2, failure_zh = ?3,"
            + " failure_en = ?4 WHERE take_id = ?1",
        takeId,
        time.now(),
        cut(zh),
        cut(en));
  }

  private static String cut(String s) {
    return s == null ? null : s.length() > 500 ? s.substring(0, 500) : s;
  }
}
