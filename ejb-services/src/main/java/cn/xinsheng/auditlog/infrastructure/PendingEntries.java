package cn.xinsheng.auditlog.infrastructure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.TreeMap;

/**
 * Finds the entries the sequencer has not yet taken into the tree, without scanning the whole table
 * every second. Entry ids grow, but transactions commit in any order: an id below the highest one
 * sequenced may still be uncommitted (or rolled back for good). So the ids skipped between one
 * integration's highest id and the next's are remembered as gaps and looked at again each time, for
 * a while; and now and then the whole table is scanned, which also catches anything older.
 */
public final class PendingEntries {

  private static final long GAP_KEPT_MILLIS = 15 * 60_000L;
  private static final long FULL_SCAN_EVERY_MILLIS = 60 * 60_000L;

  /**
   * Most gaps are ids InnoDB reserved and never used; the few that are late commits can wait a few
   * seconds, so the gaps are looked at every few seconds, not every second.
   */
  private static final long GAP_CHECK_EVERY_MILLIS = 5_000;

  /** Beyond this many, the oldest gaps are left to the next full scan. */
  private static final int MAX_GAPS = 5_000;

  private final AuditStore store;
  private long maxSequencedId;
  private long lastFullScan;
  private long lastGapCheck;
  private boolean fullScanNow = true;

  /** Gap id -> when it was first seen. */
  private final TreeMap<Long, Long> gaps = new TreeMap<>();

  public PendingEntries(AuditStore store, long maxSequencedId) {
    this.store = store;
    this.maxSequencedId = maxSequencedId;
  }

  /** The next entries to integrate, oldest first. */
  public synchronized List<AuditStore.Pending> find(Connection c, int limit, long nowMillis)
      throws SQLException {
    gaps.values().removeIf(firstSeen -> nowMillis - firstSeen > GAP_KEPT_MILLIS);
    if (fullScanNow
        || gaps.size() > MAX_GAPS
        || nowMillis - lastFullScan > FULL_SCAN_EVERY_MILLIS) {
      fullScanNow = false;
      lastFullScan = nowMillis;
      return store.pending(c, limit, 0, List.of());
    }
    if (nowMillis - lastGapCheck < GAP_CHECK_EVERY_MILLIS) {
      return store.pending(c, limit, maxSequencedId, List.of());
    }
    lastGapCheck = nowMillis;
    return store.pending(c, limit, maxSequencedId, gaps.keySet());
  }

  /** After the integration of these entries committed. */
  public synchronized void integrated(List<AuditStore.Pending> entries, long nowMillis) {
    long previousMax = maxSequencedId;
    java.util.Set<Long> taken = new java.util.HashSet<>();
    for (AuditStore.Pending p : entries) {
      taken.add(p.entryId());
      gaps.remove(p.entryId());
      maxSequencedId = Math.max(maxSequencedId, p.entryId());
    }
    for (long id = previousMax + 1; id < maxSequencedId; id++) {
      if (!taken.contains(id)) {
        gaps.put(id, nowMillis);
      }
    }
  }

  public synchronized int gapCount() {
    return gaps.size();
  }

  /** The next call scans the whole table (after a failure, or when asked). */
  public synchronized void scanAllNextTime() {
    fullScanNow = true;
  }
}
