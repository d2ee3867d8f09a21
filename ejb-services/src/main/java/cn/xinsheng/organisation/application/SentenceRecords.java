package cn.xinsheng.organisation.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The inmate's sentence as organisation keeps it ({@code inmate.current_sentence_end}), for the
 * context that changes it by a court's ruling: cases record the change with its reason in their own
 * {@code sentence_change} table and move the end through this port, never with SQL on the inmate
 * table; the eligibility run reads every inmate's term here. Answers in the caller's transaction;
 * the caller's service checks the role.
 */
public interface SentenceRecords {

  /**
   * One inmate's sentence as the judgment gave it, with its current end (null for life and 死缓, or
   * none yet): what the eligibility run counts from; and the category of his offence as
   * organisation records it (a code such as {@code VIOLENT}).
   */
  record Term(
      long inmateId,
      String prisonerNumber,
      String name,
      long sectionId,
      LocalDate start,
      Integer months,
      boolean life,
      LocalDate currentEnd,
      String offenceCategory) {}

  /** The terms of a section's inmates, or of the whole prison for null, by inmate id. */
  List<Term> terms(Long sectionId);

  /**
   * One inmate's term (the risk assessment reads his offence category and sentence here); empty for
   * an unknown id.
   */
  Optional<Term> term(long inmateId);

  /** The sentence's current end as the database holds it now (null for a life sentence). */
  LocalDate currentSentenceEnd(long inmateId);

  /** Moves the current end after a granted reduction. */
  void moveSentenceEnd(long inmateId, LocalDate newEnd);

  /**
   * The sentence as the judgment gave it, entered by the penalty-execution department (issue 16):
   * its start, its months (null for life and 死缓), whether it is life or 死缓, and its current end
   * (null when none).
   */
  void setSentence(long inmateId, LocalDate start, Integer months, boolean life, LocalDate end);
}
