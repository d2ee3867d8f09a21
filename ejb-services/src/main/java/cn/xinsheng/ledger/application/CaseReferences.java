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
}
