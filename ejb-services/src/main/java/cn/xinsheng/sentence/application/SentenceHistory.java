package cn.xinsheng.sentence.application;

import cn.xinsheng.sentence.domain.SentenceChange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The dated changes of inmates' sentences and the older sentence facts, as the engine counts from
 * them. The cases context keeps them ({@code sentence_change}, {@code sentence_fact}: its migration
 * made them, and a granted ruling writes them); this context owns the port and cases implement it,
 * so the engine depends on nothing of cases (cases depend on the engine, never the other way
 * round). Answers and writes in the caller's transaction; the calling service checks the role.
 */
public interface SentenceHistory {

  /** A change of one inmate's sentence. */
  record Change(long inmateId, SentenceChange change) {}

  /**
   * An older fact of one inmate's sentence ({@code PROPERTY_UNPAID}, {@code MAJOR_MERIT}, {@code
   * STRICT}, {@code PRIOR_REDUCTION}, {@code LIFE_COMMUTED}); its months may be missing.
   */
  record Fact(long inmateId, String kind, boolean active, LocalDate effectiveOn, Integer months) {}

  /**
   * Every change but a parole, in the order recorded, each with the day its ruling was served when
   * that is recorded (法释〔2016〕23号第四十条第二款: the interval runs from the service).
   */
  List<Change> changes();

  /** Every older fact, in the order recorded (the latest of a kind is in force). */
  List<Fact> facts();

  /**
   * Records a change, a case's when {@code caseId} is given, with the end before and after (either
   * may be null); answers its row's id, which the audit entry binds (issue 15).
   */
  long recordChange(
      long inmateId,
      Long caseId,
      SentenceChange change,
      LocalDate previousEnd,
      LocalDate newEnd,
      String by,
      Instant at);

  /**
   * The day a case's granted ruling was served (送达), for each reduction or commutation to a fixed
   * term that ruling wrote and that has no service day yet, not before its ruling; answers how many
   * changes it dated. Append-only: a day once recorded is never replaced.
   */
  int recordService(long caseId, LocalDate servedOn, String by, Instant at);

  /**
   * The day a change entered by hand from the court's papers was served (送达); the caller has
   * checked it is not before the ruling nor after today. Append-only: one row per change.
   */
  void recordChangeService(long changeId, LocalDate servedOn, String by, Instant at);
}
