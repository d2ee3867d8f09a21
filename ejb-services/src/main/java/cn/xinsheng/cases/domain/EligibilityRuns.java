package cn.xinsheng.cases.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The eligibility runs (ADR 0016): each run of the rules over the prison or a section, its results
 * per inmate and kind, and the inmates with the facts a run rests on (their terms, the sentence's
 * earlier reductions and older facts). A proposal starts from one stored result. Typed records in
 * and out; the SQL lives in {@code cases.infrastructure}. Rows are only ever inserted. Runs in the
 * caller's transaction.
 */
public interface EligibilityRuns {

  /** One inmate as the eligibility run needs him. */
  record InmateRow(
      long id, String prisonerNumber, String name, long sectionId, SentenceFacts facts) {}

  /** A stored eligibility result. */
  record ResultRow(
      long id,
      long runId,
      long inmateId,
      String prisonerNumber,
      String inmateName,
      long sectionId,
      CaseKind kind,
      String outcome,
      LocalDate eligibleOn,
      Integer maxMonths,
      String reasonKey,
      List<String> reasonArgs) {}

  /** How a run names what it covered: the whole prison, or one section. */
  static String runScope(Long sectionId) {
    return sectionId == null ? "prison" : "section " + sectionId;
  }

  /**
   * Every inmate (of the section, or of the prison for null) with the facts eligibility rests on.
   */
  List<InmateRow> inmatesForEligibility(Long sectionId);

  Optional<InmateRow> inmateForEligibility(long inmateId);

  Optional<ResultRow> result(long id);

  /** A run's results (of one section, or all for null), by section, prisoner number and kind. */
  List<ResultRow> resultsOfRun(long runId, Long sectionId);

  /** The latest run covering the section (its own or the prison's); the prison's for null. */
  Optional<Long> latestRunId(Long sectionId);

  /** Inserts a run; answers its id. */
  long insertRun(LocalDate asOf, String ruleVersion, String scope, int inmates, String by);

  /** The run's results: {@code results.get(i)} are those of {@code inmates.get(i)}. */
  void insertResults(long runId, List<InmateRow> inmates, List<List<Eligibility>> results);
}
