package cn.xinsheng.bench;

import cn.xinsheng.audit.AuditEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** What the benchmarks share: a ledger-sized audit event, and clearing a working folder. */
final class BenchData {

  private BenchData() {}

  /** The i-th of a run of events the size of a real ledger entry's (about 330 bytes). */
  static AuditEvent ledgerEvent(int i) {
    return new AuditEvent(
        "officer" + (i % 50),
        "OFFICER",
        "ledger.entry.recorded",
        "point-entry/" + i,
        Map.of(
            "inmate",
            String.format("33010%05d", i % 5000),
            "clause",
            "JG-" + (i % 40),
            "amount",
            (i % 7) - 2,
            "fact",
            "按时完成劳动任务，质量合格，第 " + i + " 条"),
        List.of(String.format("%064x", i)),
        Instant.ofEpochSecond(1_790_000_000L + i));
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
