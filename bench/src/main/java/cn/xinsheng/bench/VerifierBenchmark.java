package cn.xinsheng.bench;

import cn.xinsheng.audit.AppendOnlyTree;
import cn.xinsheng.audit.Chains;
import cn.xinsheng.audit.Checkpoint;
import cn.xinsheng.audit.Leaf;
import cn.xinsheng.audit.LogVerifier.StoredLeaf;
import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.audit.NoteKey;
import cn.xinsheng.audit.Sequencing;
import cn.xinsheng.audit.SignedCheckpoint;
import cn.xinsheng.audit.export.ExportFormat;
import cn.xinsheng.audit.export.ExportVerifier;
import cn.xinsheng.audit.export.ExportWriter;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The offline verifier on a whole-log export of 300,000 entries (a checkpoint every 1,000), against
 * raw SHA-256 of the same entries' bytes in the same run.
 */
final class VerifierBenchmark {

  private static final int ENTRIES = 300_000;

  private VerifierBenchmark() {}

  static void run() throws Exception {
    Report.heading("Offline verifier (bin/xinsheng verify) vs raw SHA-256 of the same bytes");
    // a busy log: the sequencer signs up to 20,000 entries a second; then a quieter one
    run(10_000);
    run(1_000);
  }

  private static void run(int checkpointEvery) throws Exception {
    final int CHECKPOINT_EVERY = checkpointEvery;
    NoteKey key = NoteKey.generate("bench.xinsheng.local");
    List<byte[]> data = new ArrayList<>(ENTRIES);
    long bytes = 0;
    // leaves as the sequencer writes them (form 2: index, previous hash, subject chains)
    Chains chains = new Chains();
    Sequencing step = new Sequencing(chains, 0, Leaf.noPrevious(), 1_800_000_000_000L);
    for (int i = 0; i < ENTRIES; i++) {
      byte[] entry = BenchData.ledgerEvent(i).canonicalBytes();
      byte[] d = Leaf.assemble(entry, step.next(entry).tail());
      data.add(d);
      bytes += d.length;
    }
    Path file = Path.of("bench-export.zip");
    AppendOnlyTree tree = new AppendOnlyTree();
    try (OutputStream out = Files.newOutputStream(file);
        ExportWriter w =
            new ExportWriter(out, "bench/audit", ExportFormat.SCOPE_ALL, Instant.now())) {
      w.logKeys(List.of(key));
      w.witnessKeys(List.of());
      for (int i = 0; i < ENTRIES; i++) {
        tree.append(MerkleTree.leafHash(data.get(i)));
        if ((i + 1) % CHECKPOINT_EVERY == 0) {
          w.checkpoint(
              SignedCheckpoint.sign(
                  new Checkpoint("bench/audit", i + 1, tree.rootHash(i + 1)), key));
        }
      }
      for (int i = 0; i < ENTRIES; i++) {
        w.leaf(new StoredLeaf(i, data.get(i), tree.leafHash(i)), null);
      }
    }
    Report.line(
        "export: %,d entries, %,d bytes of event data, %d checkpoints, zip %,d bytes",
        ENTRIES, bytes, ENTRIES / CHECKPOINT_EVERY, Files.size(file));

    long bestVerify = Long.MAX_VALUE;
    long bestRaw = Long.MAX_VALUE;
    // CPU time beside the wall clock: on a shared machine the CPU a run needed says more
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long bestVerifyCpu = Long.MAX_VALUE;
    long bestRawCpu = Long.MAX_VALUE;
    for (int round = 0; round < 8; round++) {
      long cpu = os.getProcessCpuTime();
      long s = System.nanoTime();
      ExportVerifier.Report r = ExportVerifier.verify(file, Optional.of(key));
      long t = System.nanoTime() - s;
      bestVerifyCpu = Math.min(bestVerifyCpu, os.getProcessCpuTime() - cpu);
      if (!r.verified() || r.entries() != ENTRIES) {
        throw new IllegalStateException("the export did not verify: " + r.failure());
      }
      bestVerify = Math.min(bestVerify, t);
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      cpu = os.getProcessCpuTime();
      s = System.nanoTime();
      byte[] sink = new byte[32];
      for (byte[] d : data) {
        byte[] h = sha.digest(d);
        sink[0] ^= h[0];
      }
      t = System.nanoTime() - s;
      bestRawCpu = Math.min(bestRawCpu, os.getProcessCpuTime() - cpu);
      bestRaw = Math.min(bestRaw, t);
      if (sink[1] == 42) {
        System.out.print("");
      }
    }
    double verifyMbs = bytes / (bestVerify / 1e9) / 1e6;
    double rawMbs = bytes / (bestRaw / 1e9) / 1e6;
    Report.line(
        "verifier: %,d entries in %.0f ms = %.0f MB/s (%,.0f entries/s) incl. unzip, parsing, leaf"
            + " and node hashes, %d signatures",
        ENTRIES,
        bestVerify / 1e6,
        verifyMbs,
        ENTRIES / (bestVerify / 1e9),
        ENTRIES / CHECKPOINT_EVERY);
    Report.line(
        "baseline raw SHA-256 of the same bytes: %.0f ms = %.0f MB/s; verifier/raw = %.0f%%"
            + " (goal >= 50%%)",
        bestRaw / 1e6, rawMbs, 100.0 * bestRaw / bestVerify);
    Report.line(
        "CPU time (all threads, best round): verifier %.0f ms, raw SHA-256 %.0f ms; load average"
            + " %.2f",
        bestVerifyCpu / 1e6, bestRawCpu / 1e6, os.getSystemLoadAverage());
  }
}
