package cn.xinsheng.bench;

import cn.xinsheng.audit.AppendOnlyTree;
import cn.xinsheng.audit.AuditEvent;
import cn.xinsheng.audit.Chains;
import cn.xinsheng.audit.Checkpoint;
import cn.xinsheng.audit.Leaf;
import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.audit.NoteKey;
import cn.xinsheng.audit.Sequencing;
import cn.xinsheng.audit.SignedCheckpoint;
import cn.xinsheng.auditlog.infrastructure.AuditStore;
import cn.xinsheng.auditlog.infrastructure.PendingEntries;
import cn.xinsheng.launcher.DatabaseTarget;
import cn.xinsheng.launcher.EmbeddedDatabase;
import cn.xinsheng.launcher.SchemaMigration;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * Appending to the audit log through the platform's store (AuditStore: entries in a batch, then the
 * sequencer's step: pending scan, leaf rows, the tree, an Ed25519 checkpoint) against plain JDBC
 * batch inserts of rows of the same size into the same embedded MariaDB, in the same run.
 */
final class AuditAppendBenchmark {

  /** The chain heads across the benchmark's batches, as the sequencer keeps them. */
  private static final Chains CHAINS = new Chains();

  private static final int PORT = Integer.getInteger("bench.db-port", 13399);
  private static final int BATCH = 2_000;
  private static final int LEAVES = 100_000;

  /**
   * The sequencer integrates what arrived in the last second, up to 20,000 entries: at the goal
   * rate, one step per ten batches of 2,000.
   */
  private static final int BATCHES_PER_SEQUENCING = 10;

  /** Where the platform store's wall-clock time goes, over every round (the profile's split). */
  private static final String[] PHASES = {
    "entries (JSON, leaf hash, batch insert, commit)",
    "pending scan",
    "sequencing (leaf tails and hashes)",
    "leaf rows",
    "tree and Ed25519 checkpoint",
    "checkpoint row and commit"
  };

  private static final long[] PHASE_NANOS = new long[PHASES.length];

  private AuditAppendBenchmark() {}

  static void run() throws Exception {
    Report.heading("Audit append: the platform's store vs plain JDBC batch inserts (same rows)");
    Path dir = Path.of("bench-data").toAbsolutePath();
    BenchData.deleteTree(dir);
    try (EmbeddedDatabase db = new EmbeddedDatabase(dir, PORT)) {
      db.start();
      try (Connection c = db.owner("").connect();
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE bench CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
      }
      DatabaseTarget owner = db.owner("bench");
      SchemaMigration.migrate(owner);
      try (Connection c = owner.connect();
          Statement s = c.createStatement()) {
        // the same shape as audit_entry: what a plain insert of the same rows costs
        s.execute(
            "CREATE TABLE bench_raw (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                + " leaf_data MEDIUMBLOB NOT NULL, leaf_hash BINARY(32) NOT NULL,"
                + " created_at TIMESTAMP(3) NOT NULL, subject VARCHAR(200) NULL,"
                + " inmate CHAR(10) NULL, INDEX ix_bench_inmate (inmate)) ENGINE=InnoDB");
      }
      MariaDbDataSource ds = new MariaDbDataSource(owner.url());
      ds.setUser(owner.user());
      ds.setPassword("");
      AuditStore store = new AuditStore(ds);
      NoteKey key = NoteKey.generate("bench.xinsheng.local");
      AppendOnlyTree tree = new AppendOnlyTree();
      PendingEntries pending = new PendingEntries(store, 0);

      // warm up both paths, then measure each three times, alternating, and keep the best run
      raw(owner, events(0, 10_000));
      store(ds, store, key, tree, pending, events(0, 10_000));
      java.util.Arrays.fill(PHASE_NANOS, 0);
      double bestRaw = 0;
      double bestStore = 0;
      int offset = 10_000;
      for (int round = 0; round < 3; round++) {
        List<AuditEvent> batchEvents = events(offset, LEAVES);
        offset += LEAVES;
        bestRaw = Math.max(bestRaw, raw(owner, batchEvents));
        bestStore = Math.max(bestStore, store(ds, store, key, tree, pending, batchEvents));
      }
      Report.line(
          "plain JDBC batch insert (%d rows a batch, one commit each): %,.0f rows/s",
          BATCH, bestRaw);
      Report.line(
          "platform store (entries in batches of %d, each with its canonical JSON and leaf hash;"
              + " a sequencer step per %d entries: pending scan, leaf rows, tree, Ed25519"
              + " checkpoint): %,.0f leaves/s = %.0f%% of the raw rate (goals: >= 20,000/s and"
              + " >= 50%%)",
          BATCH, BATCH * BATCHES_PER_SEQUENCING, bestStore, 100 * bestStore / bestRaw);
      Report.line("log size at the end: %,d leaves", tree.size());
      long all = java.util.Arrays.stream(PHASE_NANOS).sum();
      StringBuilder phases = new StringBuilder();
      for (int i = 0; i < PHASES.length; i++) {
        phases.append(
            String.format(
                java.util.Locale.ROOT,
                "%s%s %.0f%%",
                i == 0 ? "" : ", ",
                PHASES[i],
                100.0 * PHASE_NANOS[i] / all));
      }
      Report.line("where the store's time went (all rounds, wall clock): %s", phases);
      Report.line(
          "load average %.2f",
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
    BenchData.deleteTree(dir);
  }

  private static List<AuditEvent> events(int from, int n) {
    List<AuditEvent> out = new ArrayList<>(n);
    for (int i = from; i < from + n; i++) {
      out.add(BenchData.ledgerEvent(i));
    }
    return out;
  }

  /** Plain JDBC: the same rows (bytes, hash, time, subject, inmate), batched. Rows per second. */
  private static double raw(DatabaseTarget owner, List<AuditEvent> events) throws SQLException {
    List<byte[]> data = events.stream().map(AuditEvent::canonicalBytes).toList();
    List<byte[]> hashes = data.stream().map(MerkleTree::leafHash).toList();
    try (Connection c = owner.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO bench_raw (leaf_data, leaf_hash, created_at, subject, inmate)"
                    + " VALUES (?, ?, ?, ?, ?)")) {
      c.setAutoCommit(false);
      long t0 = System.nanoTime();
      for (int i = 0; i < events.size(); i++) {
        AuditEvent e = events.get(i);
        ps.setBytes(1, data.get(i));
        ps.setBytes(2, hashes.get(i));
        ps.setTimestamp(3, Timestamp.from(e.time()));
        ps.setString(4, e.subject());
        ps.setString(5, e.inmate().orElse(null));
        ps.addBatch();
        if ((i + 1) % BATCH == 0 || i == events.size() - 1) {
          ps.executeBatch();
          c.commit();
        }
      }
      return events.size() / ((System.nanoTime() - t0) / 1e9);
    }
  }

  /** The platform's store and sequencer step, batch by batch. Leaves per second. */
  private static double store(
      MariaDbDataSource ds,
      AuditStore store,
      NoteKey key,
      AppendOnlyTree tree,
      PendingEntries pendingEntries,
      List<AuditEvent> events)
      throws SQLException {
    Chains chains = CHAINS;
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      long t0 = System.nanoTime();
      for (int from = 0; from < events.size(); from += BATCH) {
        long p0 = System.nanoTime();
        store.insertEntries(c, events.subList(from, Math.min(events.size(), from + BATCH)));
        c.commit();
        PHASE_NANOS[0] += System.nanoTime() - p0;
        if ((from / BATCH + 1) % BATCHES_PER_SEQUENCING != 0 && from + BATCH < events.size()) {
          continue;
        }
        long p1 = System.nanoTime();
        List<AuditStore.Pending> pending =
            pendingEntries.find(c, 20_000, System.currentTimeMillis());
        long p2 = System.nanoTime();
        PHASE_NANOS[1] += p2 - p1;
        long first = tree.size();
        Instant now = Instant.now();
        // the sequencer's step: each entry wrapped with its index, the previous hash, its chains
        Sequencing step =
            new Sequencing(
                chains,
                first,
                first == 0 ? Leaf.noPrevious() : tree.leafHash(first - 1),
                now.toEpochMilli());
        List<AuditStore.SequencedLeaf> leaves = new ArrayList<>(pending.size());
        for (AuditStore.Pending p : pending) {
          Sequencing.Next n = step.next(p.data());
          leaves.add(new AuditStore.SequencedLeaf(n.index(), p.entryId(), n.tail(), n.leafHash()));
        }
        long p3 = System.nanoTime();
        PHASE_NANOS[2] += p3 - p2;
        store.insertLeaves(c, leaves);
        long p4 = System.nanoTime();
        PHASE_NANOS[3] += p4 - p3;
        leaves.forEach(l -> tree.append(l.leafHash()));
        chains.commit(step.batch());
        SignedCheckpoint signed =
            SignedCheckpoint.sign(
                new Checkpoint("bench/audit", tree.size(), tree.rootHash(tree.size())), key);
        long p5 = System.nanoTime();
        PHASE_NANOS[4] += p5 - p4;
        store.insertCheckpoint(c, tree.size(), signed.format(), now);
        c.commit();
        PHASE_NANOS[5] += System.nanoTime() - p5;
        pendingEntries.integrated(pending, System.currentTimeMillis());
      }
      return events.size() / ((System.nanoTime() - t0) / 1e9);
    }
  }
}
