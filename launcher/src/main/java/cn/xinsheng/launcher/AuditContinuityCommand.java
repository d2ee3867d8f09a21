package cn.xinsheng.launcher;

import cn.xinsheng.audit.Checkpoint;
import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.audit.NoteKey;
import cn.xinsheng.audit.SignedCheckpoint;
import cn.xinsheng.audit.export.Trust;
import cn.xinsheng.auditlog.infrastructure.AuditStore;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The audit log across an upgrade, a backup and a restore (issue 21): {@code audit checkpoint}
 * names the latest signed checkpoint (size and root); {@code audit continuity} proves that the log
 * now is an extension of a checkpoint taken before, by an RFC 9162 consistency proof from the
 * stored leaf hashes, with the latest checkpoint's signature checked against the pinned key. An
 * upgrade that lost, changed or reordered any entry fails it.
 */
final class AuditContinuityCommand {

  private AuditContinuityCommand() {}

  static Checkpoint latestSigned(AuditStore store, Path trustFile)
      throws SQLException, java.io.IOException {
    String note =
        store
            .latestCheckpoint()
            .orElseThrow(
                () -> new LauncherException("审计日志尚无检查点", "the audit log has no checkpoint yet"));
    SignedCheckpoint signed = SignedCheckpoint.parse(note);
    if (trustFile != null) {
      List<NoteKey> keys = Trust.read(List.of(trustFile.toString())).logKeys();
      if (keys.stream().noneMatch(signed::isSignedBy)) {
        throw new LauncherException(
            "最新检查点不是受信任的密钥签的", "the latest checkpoint is not signed by a trusted key");
      }
    }
    return signed.checkpoint();
  }

  @Command(
      name = "checkpoint",
      mixinStandardHelpOptions = true,
      description = "最新检查点的大小与根 / the latest checkpoint's size and root")
  static class Latest implements Callable<Integer> {
    @Option(names = "--data-dir", defaultValue = "${env:XINSHENG_DATA_DIR:-data}")
    Path dataDir;

    @Option(names = "--db-port", defaultValue = "${env:XINSHENG_DB_EMBEDDED_PORT:-3307}")
    int dbPort;

    @Option(
        names = "--trust",
        description = "信任文件 / the trust file (its log key must have signed it)")
    Path trust;

    @Override
    public Integer call() throws Exception {
      AuditStore store = new AuditStore(AuditCommand.Export.dataSource(dataDir, dbPort));
      try {
        Checkpoint c = latestSigned(store, trust);
        System.out.println(c.size() + " " + Base64.getEncoder().encodeToString(c.rootHash()));
        return 0;
      } catch (SQLException e) {
        throw AuditCommand.Export.unreachable(e);
      }
    }
  }

  @Command(
      name = "continuity",
      mixinStandardHelpOptions = true,
      description =
          "证明当前日志延续了先前的检查点 / prove the log now extends an earlier checkpoint (consistency proof)")
  static class Continuity implements Callable<Integer> {
    @Option(names = "--data-dir", defaultValue = "${env:XINSHENG_DATA_DIR:-data}")
    Path dataDir;

    @Option(names = "--db-port", defaultValue = "${env:XINSHENG_DB_EMBEDDED_PORT:-3307}")
    int dbPort;

    @Option(names = "--from-size", required = true)
    long fromSize;

    @Option(names = "--from-root", required = true, description = "base64")
    String fromRoot;

    @Option(names = "--trust", description = "信任文件 / the trust file")
    Path trust;

    @Override
    public Integer call() throws Exception {
      AuditStore store = new AuditStore(AuditCommand.Export.dataSource(dataDir, dbPort));
      byte[] oldRoot;
      try {
        oldRoot = Base64.getDecoder().decode(fromRoot.strip());
      } catch (IllegalArgumentException e) {
        throw new LauncherException("--from-root 须为 base64", "--from-root must be base64");
      }
      try {
        Checkpoint now = latestSigned(store, trust);
        if (now.size() < fromSize) {
          System.out.println("日志被截短 / the log was truncated: " + fromSize + " → " + now.size());
          return 3;
        }
        List<byte[]> hashes = new ArrayList<>();
        store.forEachLeafHash(now.size(), hashes::add);
        if (hashes.size() != now.size()
            || !java.security.MessageDigest.isEqual(MerkleTree.rootHash(hashes), now.rootHash())) {
          System.out.println(
              "存储的叶子与最新检查点不符 / the stored leaves do not match the latest checkpoint");
          return 3;
        }
        List<byte[]> proof = MerkleTree.consistencyProof((int) fromSize, hashes);
        boolean ok =
            MerkleTree.verifyConsistency(fromSize, now.size(), proof, oldRoot, now.rootHash());
        System.out.println(
            (ok ? "一致 / consistent: " : "不一致 / NOT consistent: ")
                + fromSize
                + " → "
                + now.size()
                + " ("
                + proof.size()
                + " proof hashes)");
        return ok ? 0 : 3;
      } catch (SQLException e) {
        throw AuditCommand.Export.unreachable(e);
      }
    }
  }
}
