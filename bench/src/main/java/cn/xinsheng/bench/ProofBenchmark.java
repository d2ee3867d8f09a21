package cn.xinsheng.bench;

import cn.xinsheng.audit.AppendOnlyTree;
import cn.xinsheng.audit.MerkleTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Inclusion-proof latency of the stored tree the sequencer keeps, at 100k, 1M and 10M leaves,
 * against the textbook O(n) proof over a list of leaf hashes at 1M (the baseline).
 */
final class ProofBenchmark {

  private ProofBenchmark() {}

  static void run() {
    Report.heading("Inclusion proofs (stored subtree hashes vs the O(n) definition)");
    Random random = new Random(6962);
    AppendOnlyTree tree = new AppendOnlyTree();
    List<byte[]> list = new ArrayList<>();
    long[] sizes = {100_000, 1_000_000, 10_000_000};
    for (long size : sizes) {
      long t0 = System.nanoTime();
      while (tree.size() < size) {
        byte[] h = new byte[32];
        random.nextBytes(h);
        tree.append(h);
        if (list != null && list.size() < 1_000_000) {
          list.add(h);
        }
      }
      long buildMs = (System.nanoTime() - t0) / 1_000_000;
      byte[] root = tree.rootHash(size);
      int samples = 20_000;
      long[] nanos = new long[samples];
      for (int i = 0; i < samples; i++) {
        long index = Math.floorMod(random.nextLong(), size);
        long s = System.nanoTime();
        List<byte[]> proof = tree.inclusionProof(index, size);
        nanos[i] = System.nanoTime() - s;
        if (i % 1000 == 0
            && !MerkleTree.verifyInclusion(index, size, tree.leafHash(index), proof, root)) {
          throw new IllegalStateException("a proof did not verify");
        }
      }
      long[] consistency = new long[2_000];
      for (int i = 0; i < consistency.length; i++) {
        long m = 1 + Math.floorMod(random.nextLong(), size);
        long s = System.nanoTime();
        tree.consistencyProof(m, size);
        consistency[i] = System.nanoTime() - s;
      }
      Runtime rt = Runtime.getRuntime();
      System.gc();
      long usedMb = (rt.totalMemory() - rt.freeMemory()) / (1 << 20);
      Report.line(
          "size %,d: inclusion proof p50 %.3f ms, p99 %.3f ms, mean %.3f ms; consistency p50 %.3f"
              + " ms; tree built in %,d ms (appending); heap in use %,d MiB",
          size,
          Report.quantileMillis(nanos, 0.5),
          Report.quantileMillis(nanos, 0.99),
          Report.meanMillis(nanos),
          Report.quantileMillis(consistency, 0.5),
          buildMs,
          usedMb);
      if (size == 1_000_000) {
        int naiveSamples = 5;
        long[] naive = new long[naiveSamples];
        for (int i = 0; i < naiveSamples; i++) {
          int index = random.nextInt(list.size());
          long s = System.nanoTime();
          MerkleTree.inclusionProof(index, list);
          naive[i] = System.nanoTime() - s;
        }
        double stored = Report.meanMillis(nanos);
        double baseline = Report.meanMillis(naive);
        Report.line(
            "size 1,000,000 baseline (textbook proof over the leaf list): mean %.1f ms; the stored"
                + " tree is %.0fx faster (goal: < 2 ms per proof)",
            baseline, baseline / stored);
        list = null;
      }
    }
  }
}
