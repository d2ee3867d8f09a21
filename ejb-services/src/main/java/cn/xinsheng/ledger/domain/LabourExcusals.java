package cn.xinsheng.ledger.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The excusals from labour and their reviews (issue 16; ADR 0013: the SQL lives in infrastructure).
 * Both are append-only: an excusal is entered once and reviewed once. Runs in the caller's
 * transaction; the calling service checks who may ask.
 */
public interface LabourExcusals {

  /** An excusal as filed: the rule's view of it, and the section it was entered in. */
  record Filed(LabourExcusal excusal, long sectionId) {}

  /** An excusal as a section's list shows it, with its review (null fields while it waits). */
  record Line(
      long id,
      long inmateId,
      YearMonth from,
      YearMonth to,
      String reason,
      String enteredBy,
      String decision,
      String reviewedBy,
      String reviewReason) {}

  /** Stores a new excusal; answers its id. */
  long enter(
      long inmateId,
      long sectionId,
      YearMonth from,
      YearMonth to,
      String reason,
      String enteredBy,
      Instant at);

  /** Stores the review of an excusal. */
  void review(long excusalId, String decision, String reason, String reviewedBy, Instant at);

  Optional<Filed> find(long excusalId);

  /** The section's excusals, newest first. */
  List<Line> ofSection(long sectionId);
}
