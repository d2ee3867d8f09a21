package cn.xinsheng.ledger.application;

import java.time.LocalDate;
import java.util.Optional;

/**
 * An inmate's conduct as the ledger's approved entries show it, for the release-readiness risk
 * assessment (issue 20): the points he earned and the sanctions that stand. The readiness context
 * reads them through this port, never the ledger's tables. Answers in the caller's transaction; the
 * calling service has checked who may see the inmate.
 */
public interface ConductRecords {

  /**
   * The approved points (in tenths) of the clauses other than sanctions, recorded since a day, and
   * the approved sanctions since another day that no approved correction reverses. A correction is
   * an approved entry of its own with the opposite amount, so the sum leaves a reversed entry out.
   */
  record Conduct(long pointsTenths, int standingSanctions) {}

  /**
   * The inmate's conduct since these days (the start of each day, prison time); empty when the
   * ledger holds no entry of his at all (a newcomer has no record, which is not a record of none).
   */
  Optional<Conduct> conductOf(long inmateId, LocalDate pointsSince, LocalDate sanctionsSince);
}
