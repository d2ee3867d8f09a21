package cn.xinsheng.music.domain.exam;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The candidates registered for sessions (music_exam_candidate) with what each sitting gathered:
 * the recorded performance (music_performance, and the take made of it), the published result
 * (music_exam_result) and the certificate's code. Every row is written once. Lists come newest
 * session first, then by candidate. Runs in the caller's transaction; the calling service checks
 * who may ask and whom he may see.
 */
public interface ExamCandidates {

  /** A registration: on what basis the inmate sits (and the placement that allowed it, if one). */
  record NewCandidate(
      long sessionId,
      long inmateId,
      Eligibility.Basis basis,
      Long placementId,
      String registeredBy,
      Instant registeredAt) {}

  /**
   * One candidate as the tables hold him; the inmate's number, name and section are organisation's
   * to answer.
   *
   * @param performanceSha256 the recorded performance's hash, null until it is recorded
   * @param performanceTake the take analysed from the performance, null when there is none
   * @param grade the published grade, null until published
   * @param total the published total, null until published
   * @param certificateCode null unless a certificate was issued
   */
  record Candidate(
      long id,
      long sessionId,
      LocalDate date,
      String room,
      String instrumentCode,
      String instrumentZh,
      int level,
      String levelZh,
      long inmateId,
      Eligibility.Basis basis,
      String performanceSha256,
      Long performanceTake,
      boolean published,
      ExamGrade grade,
      BigDecimal total,
      String certificateCode) {}

  /** A recorded performance: the evidence file's hash and what decoding it found. */
  record NewPerformance(
      long candidateId,
      String sha256,
      String mediaType,
      long sizeBytes,
      double seconds,
      String recordedBy,
      Instant recordedAt) {}

  /** A published result. */
  record NewResult(
      long candidateId,
      BigDecimal total,
      ExamGrade grade,
      boolean thirdExaminer,
      String publishedBy,
      Instant publishedAt) {}

  /** Published results counted by the exam's year, instrument and level. */
  record YearTally(
      int year,
      String instrumentCode,
      String instrumentZh,
      int level,
      int candidates,
      int passes) {}

  /** Registers a candidate; answers his id. */
  long insert(NewCandidate candidate);

  /** Whether the inmate is already registered for the session. */
  boolean registered(long sessionId, long inmateId);

  /** The highest level the inmate passed at this instrument (a published grade other than FAIL). */
  Optional<Integer> highestPassedLevel(long inmateId, String instrumentCode);

  Optional<Candidate> find(long candidateId);

  /** Every candidate. */
  List<Candidate> all();

  /** The candidates on whose panel the examiner sits. */
  List<Candidate> onPanelOf(String examiner);

  /** A session's candidates. */
  List<Candidate> inSession(long sessionId);

  /** A session's candidates on whose panel the examiner sits. */
  List<Candidate> inSessionOnPanelOf(long sessionId, String examiner);

  /** Every candidate with a published result. */
  List<Candidate> published();

  /** The candidates with a published result among these inmates (none for no inmates). */
  List<Candidate> publishedOf(Collection<Long> inmateIds);

  /** Records the candidate's performance; answers its id. */
  long insert(NewPerformance performance);

  /** Publishes the candidate's result; answers its id. */
  long insert(NewResult result);

  /** Published results by year (newest first), instrument (catalogue order) and level. */
  List<YearTally> tallies();
}
