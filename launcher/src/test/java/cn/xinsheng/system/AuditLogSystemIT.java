package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.Checkpoint;
import cn.xinsheng.audit.NoteKey;
import cn.xinsheng.audit.SignedCheckpoint;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The audit log of a running {@code start-dev}, as the procuratorate, a court and a database
 * administrator meet it: a witness registers and cosigns with {@code bin/xinsheng audit witness};
 * {@code bin/xinsheng audit export} and {@code bin/xinsheng verify} check the log offline; the
 * tamper drill changes, deletes, swaps and forges rows directly in the database, and both the
 * platform's own check and the offline verifier catch and name each; a key rotation carries the
 * trust over. Every change is undone before the next, so the shared platform ends sound.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditLogSystemIT {

  private static final String PASSWORD = "demo123!";
  private static final Path WORK = RunningPlatform.DATA_DIR.resolve("audit-it");
  private static String base;
  private static WebClient admin;

  @BeforeAll
  static void start() throws Exception {
    base = RunningPlatform.ensureStarted();
    Files.createDirectories(WORK);
    admin = new WebClient(base);
    assertEquals(200, admin.login("sysadmin1", PASSWORD).statusCode());
  }

  @Test
  @Order(1)
  void aWitnessRegistersAndCosignsAfterCheckingConsistency() throws Exception {
    Path key = WORK.resolve("procuratorate.key");
    LauncherProcess.Result made =
        LauncherProcess.run(
            "audit", "witness-key", "--name", "procuratorate.demo", "--out", key.toString());
    assertEquals(0, made.code(), made.output());
    String vkey = made.output().strip().lines().reduce((a, b) -> b).orElseThrow();
    assertTrue(vkey.startsWith("procuratorate.demo+"), made.output());

    // only the administrator registers witnesses; a malformed key is refused with a reason
    WebClient judge = new WebClient(base);
    judge.login("judge1", PASSWORD);
    String body = "{\"key\":\"" + vkey + "\",\"description\":\"派驻检察室\"}";
    assertEquals(403, judge.postJson("/api/v1/audit/witnesses", body).statusCode());
    HttpResponse<String> bad =
        admin.postJson("/api/v1/audit/witnesses", "{\"key\":\"nonsense\",\"description\":\"x\"}");
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("联署公钥格式不正确") && bad.body().contains("malformed"), bad.body());
    assertEquals(201, admin.postJson("/api/v1/audit/witnesses", body).statusCode());
    assertEquals(409, admin.postJson("/api/v1/audit/witnesses", body).statusCode());

    Path password = WORK.resolve("prosecutor.password");
    Files.writeString(password, PASSWORD);
    String[] witness = {
      "audit",
      "witness",
      "--url",
      base,
      "--user",
      "prosecutor1",
      "--password-file",
      password.toString(),
      "--key",
      key.toString(),
      "--state-dir",
      WORK.resolve("witness-state").toString()
    };
    LauncherProcess.Result first = LauncherProcess.run(witness);
    assertEquals(0, first.code(), first.output());
    assertTrue(first.output().contains("cosigned tree size"), first.output());
    // the witness's own reads are logged, so the log has grown: the second round proves
    // consistency from the first cosigned size before it signs again
    awaitSignedSize(cosignedSize(first) + 1);
    LauncherProcess.Result second = LauncherProcess.run(witness);
    assertEquals(0, second.code(), second.output());
    long cosigned = cosignedSize(second);
    assertTrue(cosigned > cosignedSize(first), second.output());

    String witnesses = admin.get("/api/v1/audit/witnesses").body();
    assertTrue(witnesses.contains("\"lastCosignedSize\":" + cosigned), witnesses);

    // a cosignature must be a registered witness's, on a checkpoint the log signed, and newer
    WebClient prosecutor = new WebClient(base);
    prosecutor.login("prosecutor1", PASSWORD);
    SignedCheckpoint latest =
        SignedCheckpoint.parse(prosecutor.get("/api/v1/audit/checkpoint").body());
    SignedCheckpoint stranger =
        latest.cosignedBy(NoteKey.generate("procuratorate.demo"), Instant.now());
    HttpResponse<String> refused =
        prosecutor.postText("/api/v1/audit/cosignature", stranger.format());
    assertEquals(400, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("no valid cosignature"), refused.body());
    HttpResponse<String> garbage = prosecutor.postText("/api/v1/audit/cosignature", "hello");
    assertEquals(400, garbage.statusCode());
    assertEquals(403, judge.postText("/api/v1/audit/cosignature", stranger.format()).statusCode());
  }

  @Test
  @Order(2)
  void theWholeLogExportsAndVerifiesOffline() {
    Path zip = WORK.resolve("all.zip");
    LauncherProcess.Result export = LauncherProcess.export(zip);
    assertEquals(0, export.code(), export.output());
    LauncherProcess.Result verify = LauncherProcess.run("verify", zip.toString());
    assertEquals(0, verify.code(), verify.output());
    assertTrue(
        verify
            .output()
            .matches(
                "(?s).*verified \\d+ entries, tree size \\d+, root [0-9a-f]{64}, signed by xinsheng\\.local\\.audit\\+[0-9a-f]{8} \\(\\+1 witnesses\\).*"),
        verify.output());

    // a court's download of a range, and one inmate's records, verify too
    WebClient judge = new WebClient(base);
    judge.login("judge1", PASSWORD);
    Path range = WORK.resolve("range.zip");
    assertEquals(200, judge.download("/api/v1/audit/export?start=0&end=5", range));
    LauncherProcess.Result rv = LauncherProcess.run("verify", range.toString());
    assertEquals(0, rv.code(), rv.output());
    assertTrue(rv.output().contains("verified 5 entries"), rv.output());
    Path inmate = WORK.resolve("inmate.zip");
    assertEquals(200, judge.download("/api/v1/audit/export?inmate=3301000001", inmate));
    LauncherProcess.Result iv = LauncherProcess.run("verify", inmate.toString());
    assertEquals(0, iv.code(), iv.output());
    assertEquals(400, judge.get("/api/v1/audit/export?start=5&end=2").statusCode());
  }

  /**
   * The drill. Four fresh entries each get a checkpoint of their own (the sequencer signs every
   * second while there is something new), then a database administrator edits the tables.
   */
  @Test
  @Order(3)
  void theTamperDrillIsCaughtAndNamedByThePlatformAndTheVerifier() throws Exception {
    long[] indexes = new long[4];
    long k = -1;
    // another event may land in the same second as a login and share its checkpoint: then the
    // drill's entries would not each have a checkpoint of their own, so it takes fresh ones
    for (int attempt = 0; attempt < 5 && k < 0; attempt++) {
      for (int i = 0; i < 4; i++) {
        long before = signedSize();
        // a login is an audit event
        assertEquals(200, new WebClient(base).login("teacher2", PASSWORD).statusCode());
        awaitSignedSize(before + 1);
        indexes[i] = signedSize() - 1;
      }
      long candidate = indexes[1];
      boolean ownCheckpoints =
          RunningPlatform.count(
                  "SELECT COUNT(*) FROM audit_checkpoint WHERE tree_size IN ("
                      + candidate
                      + ","
                      + (candidate + 1)
                      + ","
                      + (candidate + 2)
                      + ")")
              == 3;
      if (indexes[2] == candidate + 1 && ownCheckpoints) {
        k = candidate;
      }
    }
    assertTrue(k >= 0, "one entry per checkpoint");

    // 1. a changed payload
    try (Connection c = RunningPlatform.ownerConnection()) {
      byte[] original = leafData(c, k);
      String forged =
          new String(original, java.nio.charset.StandardCharsets.UTF_8)
              .replace("teacher2", "teacher1");
      setLeafData(c, k, forged.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      expectCaught(
          "entry " + k + ": its data do not match", "entry " + k + ": its data do not match");
      setLeafData(c, k, original);
      expectSound();
    }

    // 2. a deleted row (the entry and its leaf: a record made to disappear)
    try (Connection c = RunningPlatform.ownerConnection()) {
      Object[] entry = entryRow(c, k);
      Object[] leaf = leafRow(c, k);
      c.setAutoCommit(false);
      exec(c, "DELETE FROM audit_leaf WHERE leaf_index = " + k);
      exec(c, "DELETE FROM audit_entry WHERE id = " + entry[0]);
      c.commit();
      expectCaught("entry " + k + " is missing", "entry " + k + " is missing");
      insert(
          c,
          "INSERT INTO audit_entry (id, leaf_data, leaf_hash, created_at, subject, inmate)"
              + " VALUES (?, ?, ?, ?, ?, ?)",
          entry);
      insert(c, "INSERT INTO audit_leaf (leaf_index, entry_id, leaf_hash) VALUES (?, ?, ?)", leaf);
      c.commit();
      c.setAutoCommit(true);
      expectSound();
    }

    // 3. two rows swapped
    try (Connection c = RunningPlatform.ownerConnection()) {
      Object[] a = leafRow(c, k);
      Object[] b = leafRow(c, k + 1);
      c.setAutoCommit(false);
      exec(c, "DELETE FROM audit_leaf WHERE leaf_index IN (" + k + "," + (k + 1) + ")");
      insert(
          c,
          "INSERT INTO audit_leaf (leaf_index, entry_id, leaf_hash) VALUES (?, ?, ?)",
          new Object[] {k, b[1], b[2]});
      insert(
          c,
          "INSERT INTO audit_leaf (leaf_index, entry_id, leaf_hash) VALUES (?, ?, ?)",
          new Object[] {k + 1, a[1], a[2]});
      c.commit();
      expectCaught(
          "entry " + k + " differs from the signed tree",
          "entry " + k + " does not match the checkpoint signed at size " + (k + 1));
      exec(c, "DELETE FROM audit_leaf WHERE leaf_index IN (" + k + "," + (k + 1) + ")");
      insert(c, "INSERT INTO audit_leaf (leaf_index, entry_id, leaf_hash) VALUES (?, ?, ?)", a);
      insert(c, "INSERT INTO audit_leaf (leaf_index, entry_id, leaf_hash) VALUES (?, ?, ?)", b);
      c.commit();
      c.setAutoCommit(true);
      expectSound();
    }

    // 4. a checkpoint replaced by one signed with another key
    try (Connection c = RunningPlatform.ownerConnection()) {
      long size = k + 1;
      String original = checkpointNote(c, size);
      Checkpoint body = SignedCheckpoint.parse(original).checkpoint();
      String forged =
          SignedCheckpoint.sign(body, NoteKey.generate("xinsheng.local.audit")).format();
      setCheckpointNote(c, size, forged);
      String why = "the checkpoint at size " + size + " is not signed by the prison's key";
      expectCaught(why, why);
      setCheckpointNote(c, size, original);
      expectSound();
    }
  }

  @Test
  @Order(4)
  void aRotatedKeyCarriesTheTrustOver() throws Exception {
    String oldKey = admin.get("/api/v1/audit/key").body().strip();
    assertEquals(400, admin.postJson("/api/v1/audit/key/rotation", "{}").statusCode());
    WebClient judge = new WebClient(base);
    judge.login("judge1", PASSWORD);
    assertEquals(
        403, judge.postJson("/api/v1/audit/key/rotation", "{\"confirm\":true}").statusCode());
    HttpResponse<String> rotated =
        admin.postJson("/api/v1/audit/key/rotation", "{\"confirm\":true}");
    assertEquals(200, rotated.statusCode(), rotated.body());
    String newKey = admin.get("/api/v1/audit/key").body().strip();
    assertTrue(!newKey.equals(oldKey) && rotated.body().contains(newKey), rotated.body());
    assertEquals(
        oldKey + "\n" + newKey, admin.get("/api/v1/audit/keys").body().strip(), "key history");
    awaitSignedSize(signedSize() + 1);

    Path zip = WORK.resolve("after-rotation.zip");
    assertEquals(0, LauncherProcess.export(zip).code());
    Path pinnedOld = WORK.resolve("old-key.txt");
    Files.writeString(pinnedOld, oldKey + "\n");
    LauncherProcess.Result v =
        LauncherProcess.run("verify", zip.toString(), "--key", pinnedOld.toString());
    assertEquals(0, v.code(), v.output());
    String[] parts = newKey.split("\\+", 3);
    String newLabel = parts[0] + "+" + parts[1];
    assertTrue(v.output().contains("signed by " + newLabel), v.output());
    // the platform's own check accepts the handover too
    expectSound();
    assertTrue(
        Files.readString(RunningPlatform.DATA_DIR.resolve("secrets/audit/signing-key.pub"))
            .contains(newKey));
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static long cosignedSize(LauncherProcess.Result run) {
    return Long.parseLong(run.output().replaceAll("(?s).*cosigned tree size (\\d+).*", "$1"));
  }

  /** The platform's check, the readiness it drives, and the offline verifier all see the break. */
  private static void expectCaught(String platformSays, String verifierSays) {
    HttpResponse<String> check = admin.postJson("/api/v1/audit/self-check", "{}");
    assertEquals(200, check.statusCode(), check.body());
    assertTrue(check.body().contains("\"sound\":false"), check.body());
    assertTrue(check.body().contains(platformSays), check.body());
    HttpResponse<String> ready = new WebClient(base).get("/health/ready");
    assertEquals(503, ready.statusCode(), ready.body());
    // anyone may read readiness: it names the reason's key, never what was found
    assertTrue(ready.body().contains("\"reason\":\"audit.broken\""), ready.body());
    assertFalse(ready.body().contains(platformSays), ready.body());

    Path zip = WORK.resolve("tampered-" + System.nanoTime() + ".zip");
    LauncherProcess.Result export = LauncherProcess.export(zip);
    assertEquals(0, export.code(), export.output());
    LauncherProcess.Result verify = LauncherProcess.run("verify", zip.toString());
    assertEquals(1, verify.code(), verify.output());
    assertTrue(verify.output().contains(verifierSays), verify.output());
  }

  private static void expectSound() {
    HttpResponse<String> check = admin.postJson("/api/v1/audit/self-check", "{}");
    assertTrue(check.body().contains("\"sound\":true"), check.body());
    assertEquals(200, new WebClient(base).get("/health/ready").statusCode());
  }

  private static long signedSize() throws SQLException {
    try (Connection c = RunningPlatform.ownerConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(tree_size), 0) FROM audit_checkpoint")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Waits (reading the database, which logs nothing) for the sequencer to sign a size. */
  private static void awaitSignedSize(long size) throws Exception {
    long deadline = System.currentTimeMillis() + 15_000;
    while (signedSize() < size) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("no checkpoint of size " + size + " within 15 s");
      }
      Thread.sleep(200);
    }
  }

  private static byte[] leafData(Connection c, long index) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT e.leaf_data FROM audit_entry e JOIN audit_leaf l ON l.entry_id = e.id"
                + " WHERE l.leaf_index = ?")) {
      ps.setLong(1, index);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        return rs.getBytes(1);
      }
    }
  }

  private static void setLeafData(Connection c, long index, byte[] data) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE audit_entry e JOIN audit_leaf l ON l.entry_id = e.id SET e.leaf_data = ?"
                + " WHERE l.leaf_index = ?")) {
      ps.setBytes(1, data);
      ps.setLong(2, index);
      assertEquals(1, ps.executeUpdate());
    }
  }

  private static Object[] entryRow(Connection c, long index) throws SQLException {
    return row(
        c,
        "SELECT e.id, e.leaf_data, e.leaf_hash, e.created_at, e.subject, e.inmate FROM audit_entry"
            + " e JOIN audit_leaf l ON l.entry_id = e.id WHERE l.leaf_index = ?",
        index);
  }

  private static Object[] leafRow(Connection c, long index) throws SQLException {
    return row(
        c, "SELECT leaf_index, entry_id, leaf_hash FROM audit_leaf WHERE leaf_index = ?", index);
  }

  private static Object[] row(Connection c, String sql, long index) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, index);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), sql);
        List<Object> values = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          values.add(rs.getObject(i));
        }
        return values.toArray();
      }
    }
  }

  private static void insert(Connection c, String sql, Object[] values) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        ps.setObject(i + 1, values[i]);
      }
      assertEquals(1, ps.executeUpdate());
    }
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  private static String checkpointNote(Connection c, long size) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT note FROM audit_checkpoint WHERE tree_size = ?")) {
      ps.setLong(1, size);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        return rs.getString(1);
      }
    }
  }

  private static void setCheckpointNote(Connection c, long size, String note) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE audit_checkpoint SET note = ? WHERE tree_size = ?")) {
      ps.setString(1, note);
      ps.setLong(2, size);
      assertEquals(1, ps.executeUpdate());
    }
  }
}
