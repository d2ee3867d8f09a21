package cn.xinsheng.cases.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * What the cases record of a sentence: the changes a granted ruling made ({@code sentence_change})
 * and the older facts the judgment or the execution record gives ({@code sentence_fact}: an earlier
 * reduction, unpaid property, major merit, strict control, a commuted life term). Both are the
 * cases' tables; eligibility reads them, and so does the sentence engine through its {@code
 * SentenceHistory} port. Rows are only ever inserted: a correction is a new row. Runs in the
 * caller's transaction.
 */
public interface SentenceChangeLog {

  /** Records an older fact of the inmate's sentence; the latest row of each kind is in force. */
  void insertFact(
      long inmateId,
      String kind,
      boolean active,
      LocalDate on,
      Integer months,
      String note,
      String by);

  /**
   * A ruling's change of sentence; the inmate's current end is organisation's to move. Returns the
   * row's id (the audit log binds it).
   */
  long insertChange(
      long inmateId,
      long caseId,
      CaseKind kind,
      LocalDate ruledOn,
      int months,
      LocalDate previousEnd,
      LocalDate newEnd,
      String by);

  /** The sentence changes a case's ruling wrote (issue 15: the case file checks them). */
  List<Long> changeIdsOfCase(long caseId);
}
