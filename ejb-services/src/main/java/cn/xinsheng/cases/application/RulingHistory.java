package cn.xinsheng.cases.application;

import java.time.LocalDate;
import java.util.List;

/**
 * The courts' rulings on an inmate's sentence as other contexts may read them (issue 20: the
 * release plan counts down to the date rulings move, and the handover lists them): each granted
 * reduction, commutation or parole, and whether a parole case is under way. A port (ADR 0013),
 * implemented on the cases' tables in infrastructure ({@code SqlRulingHistory}); answers in the
 * caller's transaction; the caller's service decides who may see the inmate.
 */
public interface RulingHistory {

  /**
   * One change of the sentence by a ruling, oldest first: a case's ruling, or one the
   * penalty-execution department entered from the court's papers (no case number then).
   */
  record Ruling(
      String kind,
      String caseNumber,
      LocalDate ruledOn,
      int months,
      LocalDate previousEnd,
      LocalDate newEnd) {}

  /** The inmate's rulings, oldest first. */
  List<Ruling> of(long inmateId);

  /** Whether a parole case was ever proposed for the inmate (his plan then holds parole items). */
  boolean paroleProposed(long inmateId);
}
