package cn.xinsheng.music.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * The takes (music_take) and their analysis jobs (music_take_analysis): a take is written once; its
 * job moves QUEUED → RUNNING → DONE or FAILED. Runs in the caller's transaction; the calling
 * service checks who may ask.
 */
public interface Takes {

  /** What the analysis needs of a take: its recording's hash and the item's 简谱 (null without). */
  record AnalysisWork(String sha256, String notation) {}

  /** Claims a queued job (QUEUED → RUNNING, progress 0); false when it was not queued. */
  boolean claimAnalysis(long takeId, Instant startedAt);

  Optional<AnalysisWork> analysisWork(long takeId);

  /** The running job's progress in percent. */
  void analysisProgress(long takeId, int percent);

  /** The job done, with its result and the result's hash. */
  void analysisDone(long takeId, Instant finishedAt, String json, String sha256);

  /** The job failed, with the reason in both languages. */
  void analysisFailed(long takeId, Instant finishedAt, String failureZh, String failureEn);

  /** Whose take it is. */
  Optional<Long> inmateOf(long takeId);
}
