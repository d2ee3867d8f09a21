package cn.xinsheng.cases.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer for one inmate, one kind and one day, with its reason as a message key of the bundles
 * and its arguments: what the section list, the proposal and the court's file all show.
 *
 * @param eligibleOn the first day the time rule is met; null when blocked for good
 * @param maxMonths the most a reduction may take (null for parole or a commutation)
 */
public record Eligibility(
    CaseKind kind,
    EligibilityOutcome outcome,
    LocalDate eligibleOn,
    Integer maxMonths,
    String reasonKey,
    List<String> reasonArgs,
    String ruleVersion) {

  public Eligibility {
    reasonArgs = List.copyOf(reasonArgs);
  }

  public boolean isEligible() {
    return outcome == EligibilityOutcome.ELIGIBLE;
  }
}
