package cn.xinsheng.organisation.application;

import java.time.LocalDate;

/**
 * The inmate's sentence as organisation keeps it ({@code inmate.current_sentence_end}), for the
 * context that changes it by a court's ruling: cases record the change with its reason in their own
 * {@code sentence_change} table and move the end through this port, never with SQL on the inmate
 * table. Answers in the caller's transaction; the caller's service checks the role.
 */
public interface SentenceRecords {

  /** The sentence's current end as the database holds it now (null for a life sentence). */
  LocalDate currentSentenceEnd(long inmateId);

  /** Moves the current end after a granted reduction. */
  void moveSentenceEnd(long inmateId, LocalDate newEnd);
}
