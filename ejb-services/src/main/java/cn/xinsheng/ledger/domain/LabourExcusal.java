package cn.xinsheng.ledger.domain;

import java.time.YearMonth;
import java.util.Collection;

/**
 * An inmate's excusal from labour (old, ill, disabled; 司规〔2021〕3号, DOMAIN §2): from a month, to a
 * month or open-ended, entered by one officer and reviewed by another. Only an approved excusal
 * changes the month's split to 50/50 ({@link MonthBasis#LABOUR_EXCUSED}).
 *
 * @param decision APPROVED, REJECTED, or null while it waits for review
 */
public record LabourExcusal(
    long id,
    long inmateId,
    YearMonth from,
    YearMonth to,
    String enteredBy,
    String decision,
    String reviewedBy) {

  /** Whether the excusal stands (approved) and covers the month. */
  public boolean covers(YearMonth month) {
    return "APPROVED".equals(decision)
        && !month.isBefore(from)
        && (to == null || !month.isAfter(to));
  }

  /** Whether any of these approved excusals covers the month. */
  public static boolean excused(Collection<LabourExcusal> excusals, YearMonth month) {
    return excusals.stream().anyMatch(e -> e.covers(month));
  }

  /**
   * Why an excusal may not be entered: the message key, or null. The months run forward, and a
   * reason is given.
   */
  public static String checkEntry(YearMonth from, YearMonth to, String reason) {
    if (from == null) {
      return "ledger.error.excusalFrom";
    }
    if (to != null && to.isBefore(from)) {
      return "ledger.error.excusalMonths";
    }
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      return "ledger.error.excusalReason";
    }
    return null;
  }

  /**
   * Why this review may not be given: the message key, or null. Two people (谁签字谁负责): the one who
   * entered it never reviews it; once reviewed it stays so; a decision is approve or reject.
   */
  public String checkReview(String reviewer, String choice, String reason) {
    if (decision != null) {
      return "ledger.error.stepDone";
    }
    if (reviewer.equals(enteredBy)) {
      return "ledger.error.excusalSelfReview";
    }
    if (!"APPROVED".equals(choice) && !"REJECTED".equals(choice)) {
      return "ledger.error.excusalDecision";
    }
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      return "ledger.error.excusalReason";
    }
    return null;
  }
}
