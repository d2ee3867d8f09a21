package cn.xinsheng.music.application;

import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.music.domain.Takes;
import cn.xinsheng.organisation.application.InmateDirectory;
import cn.xinsheng.platform.PrisonTime;
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

  @Inject Takes takes;
  @Inject InmateDirectory directory;
  @Inject AuditLog auditLog;
  @Inject PrisonTime time;

  public Optional<Work> start(long takeId) {
    if (!takes.claimAnalysis(takeId, time.now())) {
      return Optional.empty();
    }
    return takes.analysisWork(takeId).map(w -> new Work(w.sha256(), w.notation()));
  }

  public void progress(long takeId, int percent) {
    takes.analysisProgress(takeId, percent);
  }

  public void finish(long takeId, String json) {
    Instant now = time.now();
    String sha = MerkleTree.sha256Hex(json.getBytes(StandardCharsets.UTF_8));
    takes.analysisDone(takeId, now, json, sha);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("take", takeId);
    takes
        .inmateOf(takeId)
        .map(inmate -> directory.inmates(List.of(inmate)).get(inmate))
        .ifPresent(inmate -> p.put("inmate", inmate.prisonerNumber()));
    p.put("resultSha256", sha);
    auditLog.record("music.take.analysed", "music-take/" + takeId, p, List.of(), now);
  }

  public void fail(long takeId, String zh, String en) {
    takes.analysisFailed(takeId, time.now(), cut(zh), cut(en));
  }

  private static String cut(String s) {
    return s == null ? null : s.length() > 500 ? s.substring(0, 500) : s;
  }
}
