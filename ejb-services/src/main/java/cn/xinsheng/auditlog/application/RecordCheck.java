package cn.xinsheng.auditlog.application;

import cn.xinsheng.audit.AuditEvent;
import cn.xinsheng.audit.BoundRecord;
import cn.xinsheng.audit.Leaf;
import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.auditlog.infrastructure.RecordForms;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The self-check of the business records the log binds: every bound row as the database holds it
 * now against the SHA-256 its entry stored. Incremental, every {@code
 * xinsheng.audit.records.check-seconds} (default 30): the entries signed since the last run and a
 * rolling slice of the older ones; and a full pass at start, every {@code
 * xinsheng.audit.records.full-pass-minutes} (default 60) and with every self-check an administrator
 * asks for. A row that differs turns {@code /health/ready} DOWN with the table, row and field, and
 * raises an alert: an entry in the log itself (which the witnesses mirror) and the list the
 * administrator's page and {@code /api/v1/audit/alerts} show.
 */
// internal to the audit log: its callers are the guarded services (AuditLog, AuditAdministration,
// the export services), the public proof endpoints and its own timers, which run with no caller;
// declared open so the deny-by-default check (ServiceSecurityDeclaredTest) knows it is meant
@PermitAll
@Singleton
@Startup
@DependsOn("AuditSequencer")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RecordCheck {

  private static final Logger LOG = Logger.getLogger(RecordCheck.class.getName());
  private static final byte[] BOUND = "\"bound\":[".getBytes(StandardCharsets.US_ASCII);
  private static final int BATCH = 500;
  private static final int ROLLING_SLICE = 5_000;

  /** A bound row that differs from its entry. */
  public record Mismatch(
      String row, long entry, String message, Instant found, BoundRecord bound) {}

  /** The last full pass. */
  public record Pass(Instant at, long entries, long records, int mismatches, long durationMillis) {}

  @Inject java.time.Clock clock;
  @Inject AuditSequencer sequencer;
  @Inject BoundRecords bindings;

  @Resource(lookup = "java:app/jdbc/xinsheng")
  DataSource dataSource;

  @Resource TimerService timers;

  @Inject
  @ConfigProperty(name = "xinsheng.audit.records.check-seconds", defaultValue = "30")
  int checkSeconds;

  @Inject
  @ConfigProperty(name = "xinsheng.audit.records.full-pass-minutes", defaultValue = "60")
  int fullPassMinutes;

  @Inject
  @ConfigProperty(name = "xinsheng.audit.sequencer.enabled", defaultValue = "true")
  boolean alerting;

  private final ReentrantLock passing = new ReentrantLock();
  private final Map<String, Mismatch> mismatches = new java.util.concurrent.ConcurrentHashMap<>();
  private final Set<String> alerted = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final Set<String> unknownTables = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private volatile Pass lastPass;
  private long checkedUpTo;
  private long rollingFrom;
  private long lastFullPass;

  @PostConstruct
  void start() {
    long every = Duration.ofSeconds(Math.max(5, checkSeconds)).toMillis();
    // the first run is the full pass, a moment after start so that start-up is not held up
    timers.createIntervalTimer(1_000, every, new TimerConfig("records", false));
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void scheduled(Timer timer) {
    long now = System.currentTimeMillis();
    if (lastFullPass == 0 || now - lastFullPass > Duration.ofMinutes(fullPassMinutes).toMillis()) {
      fullPass();
    } else {
      incremental();
    }
  }

  /** Every bound record, now. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Pass fullPass() {
    passing.lock();
    try {
      long started = System.nanoTime();
      long size = sequencer.signedSize();
      Map<String, Mismatch> found = new LinkedHashMap<>();
      long[] counts = check(0, size, found, null);
      // a full pass is the whole truth: what it did not find is gone
      mismatches.keySet().retainAll(found.keySet());
      found.forEach(this::put);
      checkedUpTo = Math.max(checkedUpTo, size);
      lastFullPass = System.currentTimeMillis();
      Pass p =
          new Pass(
              clock.instant(),
              counts[0],
              counts[1],
              mismatches.size(),
              Duration.ofNanos(System.nanoTime() - started).toMillis());
      lastPass = p;
      return p;
    } finally {
      passing.unlock();
    }
  }

  /** The entries signed since the last run, and the next slice of the older ones. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void incremental() {
    passing.lock();
    try {
      long size = sequencer.signedSize();
      Set<String> rows = new HashSet<>();
      Map<String, Mismatch> found = new LinkedHashMap<>();
      if (checkedUpTo < size) {
        check(checkedUpTo, size, found, rows);
        checkedUpTo = size;
      }
      if (rollingFrom >= size) {
        rollingFrom = 0;
      }
      long to = Math.min(size, rollingFrom + ROLLING_SLICE);
      check(rollingFrom, to, found, rows);
      rollingFrom = to;
      // the rows known to differ are read again each time: one restored is cleared at once
      List<Object[]> known = new ArrayList<>();
      for (Mismatch m : mismatches.values()) {
        if (!found.containsKey(m.row())) {
          known.add(new Object[] {m.entry(), m.bound()});
        }
      }
      compare(known, found, rows);
      // rows checked now and found sound again (a root restored them) are cleared
      for (String r : rows) {
        if (!found.containsKey(r)) {
          mismatches.remove(r);
        }
      }
      found.forEach(this::put);
    } finally {
      passing.unlock();
    }
  }

  private void put(String row, Mismatch m) {
    Mismatch before = mismatches.put(row, m);
    String key = row + "\n" + m.message();
    if (before == null || !before.message().equals(m.message())) {
      LOG.severe("a bound record differs from its audit entry: " + m.message());
    }
    if (alerting && alerted.add(key)) {
      alert(m);
    }
  }

  /**
   * Checks the bound records of leaves [from, to): each leaf's data against the tree the sequencer
   * signed (a leaf changed in the database is the log self-check's to name), then the rows. Returns
   * {entries with bindings, records checked}.
   */
  private long[] check(long from, long to, Map<String, Mismatch> found, Set<String> rows) {
    long[] counts = {0, 0};
    if (from >= to) {
      return counts;
    }
    List<Object[]> batch = new ArrayList<>();
    try {
      sequencer
          .store()
          .streamLeaves(
              from,
              to,
              leaf -> {
                if (!contains(leaf.data(), BOUND)) {
                  return true;
                }
                byte[] signed = sequencer.leafHash(leaf.index());
                if (signed == null || !Arrays.equals(signed, MerkleTree.leafHash(leaf.data()))) {
                  return true;
                }
                List<BoundRecord> bound;
                try {
                  bound = BoundRecord.of(Leaf.parse(leaf.data()).entry());
                } catch (IllegalArgumentException e) {
                  return true;
                }
                counts[0]++;
                for (BoundRecord b : bound) {
                  batch.add(new Object[] {leaf.index(), b});
                }
                if (batch.size() >= BATCH) {
                  counts[1] += compare(batch, found, rows);
                  batch.clear();
                }
                return true;
              });
      counts[1] += compare(batch, found, rows);
    } catch (SQLException | java.io.IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "the bound records could not be checked", e);
    }
    return counts;
  }

  private long compare(List<Object[]> batch, Map<String, Mismatch> found, Set<String> rows) {
    if (batch.isEmpty()) {
      return 0;
    }
    RecordForms forms = bindings.forms();
    Map<String, List<Long>> byTable = new LinkedHashMap<>();
    for (Object[] item : batch) {
      BoundRecord b = (BoundRecord) item[1];
      if (!forms.binds(b.table())) {
        if (unknownTables.add(b.table())) {
          LOG.warning("no binding is deployed for table " + b.table() + ": its rows go unchecked");
        }
        continue;
      }
      byTable.computeIfAbsent(b.table(), t -> new ArrayList<>()).add(b.id());
    }
    long checked = 0;
    try (Connection c = dataSource.getConnection()) {
      Map<String, Map<Long, Map<String, Object>>> now = new LinkedHashMap<>();
      for (Map.Entry<String, List<Long>> t : byTable.entrySet()) {
        now.put(t.getKey(), forms.read(c, t.getKey(), t.getValue()));
      }
      for (Object[] item : batch) {
        long index = (Long) item[0];
        BoundRecord b = (BoundRecord) item[1];
        Map<Long, Map<String, Object>> rowsOfTable = now.get(b.table());
        if (rowsOfTable == null) {
          continue;
        }
        checked++;
        if (rows != null) {
          rows.add(b.row());
        }
        Map<String, Object> form = rowsOfTable.get(b.id());
        if (!b.matches(form)) {
          found.put(
              b.row(), new Mismatch(b.row(), index, b.mismatch(form, index), clock.instant(), b));
        }
      }
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "the bound records could not be read", e);
    }
    return checked;
  }

  private static boolean contains(byte[] data, byte[] what) {
    outer:
    for (int i = 0; i + what.length <= data.length; i++) {
      for (int j = 0; j < what.length; j++) {
        if (data[i + j] != what[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** The alert in the log itself: the witnesses, who mirror the log, see it too. */
  private void alert(Mismatch m) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("record", m.row());
    p.put("entry", m.entry());
    p.put("message", m.message().length() > 2000 ? m.message().substring(0, 2000) : m.message());
    try (Connection c = dataSource.getConnection()) {
      sequencer
          .store()
          .insertEntries(
              c,
              List.of(
                  new AuditEvent(
                      "xinsheng",
                      "SYSTEM",
                      "audit.alert.record-changed",
                      "alert/" + m.row(),
                      p,
                      List.of(),
                      clock.instant())));
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "could not write the alert into the log", e);
    }
  }

  /** Null while every bound record matches; otherwise what differs, for readiness. */
  public String failure() {
    if (mismatches.isEmpty()) {
      return null;
    }
    List<Mismatch> all = mismatches();
    String first = all.get(0).message();
    return all.size() == 1
        ? first
        : first
            + " (+"
            + (all.size() - 1)
            + " 条其他 / more: "
            + String.join(", ", all.stream().skip(1).map(Mismatch::row).limit(20).toList())
            + ")";
  }

  /** The records that differ now, by the entry that binds them. */
  public List<Mismatch> mismatches() {
    List<Mismatch> all = new ArrayList<>(mismatches.values());
    all.sort(java.util.Comparator.comparingLong(Mismatch::entry));
    return all;
  }

  public java.util.Optional<Pass> lastPass() {
    return java.util.Optional.ofNullable(lastPass);
  }
}
