package cn.xinsheng.ledger.application;

import java.util.Collection;
import java.util.Map;

/**
 * What the ledger needs to know about reduction and parole cases: the number a finding on a case is
 * shown under. The ledger owns this port and the cases context implements it, so the ledger depends
 * on nothing of cases (cases depend on the ledger, never the other way round).
 */
public interface CaseReferences {

  /** Each known case's number ({@code JX-2026-0001}) by its id; unknown ids are left out. */
  Map<Long, String> numbers(Collection<Long> caseIds);

  /**
   * The inmate's cycles (commendations) a case with a granted ruling cited, each with that case's
   * number: a commendation so used is marked used and is not cited again where the province says so
   * (issue 16, DOMAIN §3).
   */
  Map<Long, String> usedByGrantedCases(long inmateId);
}
