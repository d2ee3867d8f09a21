package cn.xinsheng.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Before a start touches anything: do the database and the data directory belong together? The
 * audit log's trust rests on a signing key kept on disk and a log kept in the database; evidence
 * rows in the database point at content kept on disk. A database that was lost, replaced or
 * restored without its files (or files without their database) must stop the start with the reason,
 * never be papered over: a log begun again at size 0 under a key that already signed a longer one
 * would contradict every checkpoint the procuratorate holds.
 */
final class DataDirectoryCheck {

  private static final Pattern BLOB = Pattern.compile("[0-9a-f]{64}");

  /** What the database and the data directory hold, read without changing either. */
  record Facts(
      boolean schemaHasTables,
      boolean auditLogBegun,
      long evidenceRows,
      boolean signingKeyExists,
      long evidenceFiles) {}

  private DataDirectoryCheck() {}

  static Path signingKey(Path dataDir) {
    return dataDir.resolve("secrets").resolve("audit").resolve("signing-key");
  }

  static Path evidenceDir(Path dataDir) {
    return dataDir.resolve("evidence");
  }

  /** Reads the facts: the schema's tables through the owner, the files under the data dir. */
  static Facts read(Connection schemaOwner, String schema, Path dataDir)
      throws SQLException, IOException {
    Set<String> tables = new java.util.HashSet<>();
    try (PreparedStatement ps =
        schemaOwner.prepareStatement(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = ?")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tables.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    boolean logBegun =
        (tables.contains("audit_key") && count(schemaOwner, schema, "audit_key") > 0)
            || (tables.contains("audit_leaf") && count(schemaOwner, schema, "audit_leaf") > 0);
    long evidenceRows =
        tables.contains("evidence_blob") ? count(schemaOwner, schema, "evidence_blob") : 0;
    Path key = signingKey(dataDir);
    boolean keyExists = Files.exists(key) || Files.exists(key.resolveSibling("signing-key.next"));
    return new Facts(
        !tables.isEmpty(), logBegun, evidenceRows, keyExists, evidenceFiles(evidenceDir(dataDir)));
  }

  /** Throws the reason, in Chinese and English, when the two do not belong together. */
  static void require(Facts f, Path dataDir) {
    Path key = signingKey(dataDir);
    Path evidence = evidenceDir(dataDir);
    if (f.signingKeyExists() && !f.auditLogBegun()) {
      String where = f.schemaHasTables() ? "数据库中没有审计日志" : "数据库是空的";
      String whereEn =
          f.schemaHasTables() ? "the database holds no audit log" : "the database is empty";
      throw new LauncherException(
          where
              + "，但数据目录中已有审计日志的签名密钥 "
              + key
              + "：数据库多半被删除或换掉了。新生不会用已签过名的密钥让审计日志从 0 重新开始。"
              + "请恢复数据库的备份；若确实要建一个新的监狱，请先把 "
              + key.getParent()
              + " 移走",
          whereEn
              + ", but the data directory already holds the audit log's signing key "
              + key
              + ": the database was most likely deleted or replaced. Xinsheng will not begin the"
              + " audit log again at size 0 under a key that has signed before. Restore the"
              + " database from its backup; to set up a new prison on purpose, move "
              + key.getParent()
              + " away first");
    }
    if (f.evidenceFiles() > 0 && f.evidenceRows() == 0) {
      String where = f.schemaHasTables() ? "数据库中没有证据记录" : "数据库是空的";
      String whereEn =
          f.schemaHasTables() ? "the database records no evidence" : "the database is empty";
      throw new LauncherException(
          where
              + "，但证据目录 "
              + evidence
              + " 中有 "
              + f.evidenceFiles()
              + " 个证据文件：数据库多半被删除或换掉了。请恢复数据库的备份；若确实要建一个新的监狱，请先把该目录移走",
          whereEn
              + ", but the evidence folder "
              + evidence
              + " holds "
              + f.evidenceFiles()
              + " evidence files: the database was most likely deleted or replaced. Restore the"
              + " database from its backup; to set up a new prison on purpose, move that folder"
              + " away first");
    }
    if (f.auditLogBegun() && !f.signingKeyExists()) {
      throw new LauncherException(
          "数据库中已有审计日志，但它的签名密钥 " + key + " 不在：请从备份中恢复 " + key.getParent() + "（新生不会换一把新密钥接着签）",
          "the database holds an audit log but its signing key "
              + key
              + " is missing: restore "
              + key.getParent()
              + " from the backup (Xinsheng will not go on signing with a new key)");
    }
    if (f.evidenceRows() > 0 && f.evidenceFiles() == 0) {
      throw new LauncherException(
          "数据库记录了 "
              + f.evidenceRows()
              + " 份证据，但证据目录 "
              + evidence
              + " 中没有任何证据文件：请从备份中恢复该目录，或检查 --data-dir 是否正确",
          "the database records "
              + f.evidenceRows()
              + " evidence files but the evidence folder "
              + evidence
              + " holds none: restore it from the backup, or check that --data-dir is right");
    }
  }

  /** Content-addressed evidence files (ab/cd/abcd…), not the upload area or thumbnails. */
  static long evidenceFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir, 3)) {
      return files
          .filter(p -> !p.startsWith(dir.resolve("tmp")))
          .filter(Files::isRegularFile)
          .filter(p -> BLOB.matcher(p.getFileName().toString()).matches())
          .count();
    }
  }

  private static long count(Connection c, String schema, String table) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT COUNT(*) FROM `" + schema + "`.`" + table + "`");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
