package cn.xinsheng.music.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The takes (music_take), their analysis jobs (music_take_analysis), the teacher's feedback
 * (music_take_feedback) and the link from an exam performance to its analysis copy
 * (music_performance_take): a take is written once; its job moves QUEUED → RUNNING → DONE or
 * FAILED; feedback is append-only. Runs in the caller's transaction; the calling service checks who
 * may ask.
 */
public interface Takes {

  /** A take as stored, with its instrument's and item's names and its job's state. */
  record Take(
      long id,
      long inmateId,
      String instrument,
      String instrumentZh,
      String instrumentEn,
      Long itemId,
      String itemTitle,
      String purpose,
      String source,
      String sha256,
      String mediaType,
      String formatLabel,
      long size,
      double durationSeconds,
      String recordedBy,
      Instant recordedAt,
      String state,
      int progress,
      String failureZh,
      String failureEn) {}

  /** A take to record: whose, of what, and its file's facts. */
  record NewTake(
      long inmateId,
      String instrumentCode,
      Long itemId,
      String purpose,
      String source,
      String sha256,
      String mediaType,
      String formatLabel,
      long size,
      double durationSeconds,
      String recordedBy,
      Instant recordedAt) {}

  /** One piece of feedback; {@code corrects} the earlier one it corrects. */
  record Feedback(long id, String text, Long corrects, String writtenBy, Instant writtenAt) {}

  /** An exam candidate's recorded performance: whose, on which instrument, its file's hash. */
  record Performance(long inmateId, String instrumentCode, String sha256) {}

  /** What the analysis needs of a take: its recording's hash and the item's 简谱 (null without). */
  record AnalysisWork(String sha256, String notation) {}

  /** Records a take; answers its id. */
  long insert(NewTake take);

  /** Queues the take's analysis job. */
  void queueAnalysis(long takeId, Instant queuedAt);

  /** The takes the reader may read, newest first, at most 200. */
  List<Take> readable(MusicReaders.Readable readable);

  /** The take, if the reader may read it. */
  Optional<Take> find(long takeId, MusicReaders.Readable readable);

  /** The analysis JSON once the job is done. */
  Optional<String> analysisResult(long takeId);

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

  /** The take's feedback, oldest first. */
  List<Feedback> feedback(long takeId);

  /** Whether this feedback was written on this take. */
  boolean hasFeedback(long feedbackId, long takeId);

  /** Appends feedback; answers its id. */
  long insertFeedback(long takeId, String text, Long corrects, String writtenBy, Instant writtenAt);

  /** The exam takes of the candidates on whose panel the examiner sits. */
  Set<Long> onPanelOf(String examiner);

  /** The candidate's recorded performance, if there is one. */
  Optional<Performance> performance(long candidateId);

  /** Whether the examiner sits on the candidate's panel. */
  boolean seatedOnPanel(long candidateId, String examiner);

  /** Whether the candidate's performance already has its analysis copy. */
  boolean performanceHasTake(long candidateId);

  /** Links the candidate's performance to its analysis copy. */
  void linkPerformance(long candidateId, long takeId, Instant linkedAt);
}
