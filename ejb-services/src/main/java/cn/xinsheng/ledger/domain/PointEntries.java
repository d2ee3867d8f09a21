package cn.xinsheng.ledger.domain;

import java.util.Optional;

/**
 * The ledger's entries and their reviews (ADR 0013: the SQL lives in infrastructure): an entry, its
 * four-eyes review, whether a later entry amended or reversed it, and whether it rests on a piece
 * of evidence. Runs in the caller's transaction; the calling service checks who may ask.
 */
public interface PointEntries {

  Optional<PointEntry> find(long entryId);

  /** The entry's review, if it was reviewed (an entry is reviewed once). */
  Optional<EntryReview> review(long entryId);

  /** Whether an amendment supersedes the entry. */
  boolean superseded(long entryId);

  /** Whether a reversal undoes the entry. */
  boolean reversed(long entryId);

  /** Whether the evidence backs an approved entry about the inmate. */
  boolean backsApprovedEntryAbout(long evidenceId, long inmateId);
}
