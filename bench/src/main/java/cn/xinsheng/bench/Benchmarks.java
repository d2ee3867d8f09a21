package cn.xinsheng.bench;

import java.util.List;

/**
 * Runs the benchmarks named on the command line (default: all). Every figure is printed beside the
 * baseline it is measured against in the same run, and the report is kept in
 * bench/target/bench-report.txt.
 */
public final class Benchmarks {

  private Benchmarks() {}

  public static void main(String[] args) throws Exception {
    List<String> wanted =
        args.length == 0
            ? List.of("verifier", "proof", "append", "ledger", "cases", "terminals", "music")
            : List.of(args);
    Report.heading(
        "Xinsheng benchmarks, "
            + java.time.Instant.now()
            + ", Java "
            + Runtime.version()
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " cores, heap "
            + Runtime.getRuntime().maxMemory() / (1 << 20)
            + " MiB");
    for (String name : wanted) {
      switch (name) {
        case "proof" -> ProofBenchmark.run();
        case "verifier" -> VerifierBenchmark.run();
        case "append" -> AuditAppendBenchmark.run();
        case "ledger" -> LedgerBenchmark.run();
        case "cases" -> CaseBenchmark.run();
        case "terminals" -> LmsBenchmark.run();
        case "music" -> MusicBenchmark.run();
        default -> throw new IllegalArgumentException("unknown benchmark: " + name);
      }
    }
  }
}
