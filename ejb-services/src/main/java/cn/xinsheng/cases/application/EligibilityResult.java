package cn.xinsheng.cases.application;

import cn.xinsheng.cases.domain.EligibilityRuns.ResultRow;
import java.time.LocalDate;
import java.util.List;

/**
 * A stored eligibility result as the eligibility list and the case file show it: the kind
 * (REDUCTION / PAROLE) and outcome by name, the reason as a message key with its arguments.
 */
public record EligibilityResult(
    long id,
    long runId,
    long inmateId,
    String prisonerNumber,
    String inmateName,
    long sectionId,
    String kind,
    String outcome,
    LocalDate eligibleOn,
    Integer maxMonths,
    String reasonKey,
    List<String> reasonArgs) {

  static EligibilityResult of(ResultRow r) {
    return new EligibilityResult(
        r.id(),
        r.runId(),
        r.inmateId(),
        r.prisonerNumber(),
        r.inmateName(),
        r.sectionId(),
        r.kind().name(),
        r.outcome(),
        r.eligibleOn(),
        r.maxMonths(),
        r.reasonKey(),
        r.reasonArgs());
  }
}
