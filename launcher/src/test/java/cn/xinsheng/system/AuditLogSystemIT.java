package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.Checkpoint;
import cn.xinsheng.audit.NoteKey;
import cn.xinsheng.audit.SignedCheckpoint;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The audit log of a running {@code start-dev}, as the procuratorate, a court and a database
 * administrator meet it: a witness registers and cosigns with {@code bin/xinsheng audit witness};
 * {@code bin/xinsheng audit export} and {@code bin/xinsheng verify} check the log offline, only
 * against a key the court pins; an inmate's export proves it is complete; the tamper drill changes,
 * deletes, swaps and forges rows directly in the database, and both the platform's own check and
 * the offline verifier catch and name each; a business row edited as root is caught by the
 * self-check, readiness, every export and the ledger's own screen and API; each kind of change to
 * an export is named at its start, middle and end; a key rotation carries the trust over. Every
 * change is undone before the next, so the shared platform ends sound.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class AuditLogSystemIT {

  private static final String PASSWORD = "demo123!";
  private static final Path WORK = RunningPlatform.DATA_DIR.resolve("audit-it");
  private static String base;
  private static WebClient admin;
  private static Path prisonKey;

  /** Section 31 and one of its inmates: no other system test works there. */
  private static final String INMATE = "3301000011";

  private static final long SECTION = 31;

  @BeforeAll
  static void start() throws Exception {
    base = RunningPlatform.ensureStarted();
    Files.createDirectories(WORK);
    admin = new WebClient(base);
    assertEquals(200, admin.login("sysadmin1", PASSWORD).statusCode());
    // the court's copy of the prison's key, as the key ceremony hands it over
    prisonKey = WORK.resolve("prison-key.txt");
    Files.writeString(prisonKey, admin.get("/api/v1/audit/key").body());
    recordAnEntry();
  }

  /** The point entry of {@link #INMATE} that the drills export and the probe edits. */
  private static long entryId;

  private static long evidence;

  /**
   * An entry with its photo, recorded and approved through the API in section 31: the point entry,
   * its evidence and its review, each bound to its audit entry.
   */
  private static void recordAnEntry() throws Exception {
    WebClient officer = new WebClient(base);
    assertEquals(200, officer.login("officer4", PASSWORD).statusCode());
    java.awt.image.BufferedImage img =
        new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(img, "png", png);
    HttpResponse<String> photo =
        officer.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(
                        base
                            + "/api/v1/evidence?section="
                            + SECTION
                            + "&name=check.png&source=cam-31&description=inspection"))
                .header("Content-Type", "application/octet-stream")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(png.toByteArray())));
    assertEquals(201, photo.statusCode(), photo.body());
    evidence = firstNumber(photo.body(), "id");
    // the platform's own time to the minute: never ahead of its clock, at any hour of the run
    String today = RunningPlatform.time().minute();
    HttpResponse<String> recorded =
        officer.postJson(
            "/api/v1/ledger/entries",
            "{\"prisonerNumber\":\""
                + INMATE
                + "\",\"part\":\"SUPERVISION\",\"clause\":\"JG-02\",\"amount\":\"2\","
                + "\"fact\":\"内务卫生检查评为优秀\",\"occurredAt\":\""
                + today
                + "\",\"evidence\":["
                + evidence
                + "]}");
    assertEquals(201, recorded.statusCode(), recorded.body());
    entryId = firstNumber(recorded.body(), "id");
    long entry = entryId;
    WebClient reviewer = new WebClient(base);
    assertEquals(200, reviewer.login("reviewer2", PASSWORD).statusCode());
    HttpResponse<String> approved =
        reviewer.postJson("/api/v1/ledger/reviews/" + entry, "{\"decision\":\"APPROVED\"}");
    assertTrue(approved.statusCode() < 300, approved.body());
    assertEquals(
        3,
        RunningPlatform.count(
            "SELECT COUNT(*) FROM audit_binding WHERE (table_name = 'point_entry' AND record_id = "
                + entry
                + ") OR (table_name = 'evidence' AND record_id = "
                + evidence
                + ") OR (table_name = 'entry_review' AND record_id = (SELECT id FROM entry_review"
                + " WHERE entry_id = "
                + entry
                + "))"),
        "the entry, its evidence and its review are bound");
  }

  /** {@code bin/xinsheng verify FILE --key KEY}, the key pinned as a court pins it. */
  private static LauncherProcess.Result verify(Path zip, String... more) {
    List<String> args =
        new ArrayList<>(List.of("verify", zip.toString(), "--key", prisonKey.toString()));
    args.addAll(List.of(more));
    return LauncherProcess.run(args.toArray(String[]::new));
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
  void theWholeLogExportsAndVerifiesOfflineAgainstThePinnedKeyOnly() throws Exception {
    Path zip = WORK.resolve("all.zip");
    LauncherProcess.Result export = LauncherProcess.export(zip);
    assertEquals(0, export.code(), export.output());
    LauncherProcess.Result verify = verify(zip, "--witnesses", "1");
    assertEquals(0, verify.code(), verify.output());
    // the key is named as the log's origin (C2SP), and its fingerprint is printed
    assertTrue(
        verify
            .output()
            .matches(
                "(?s).*verified \\d+ entries, tree size \\d+, root [0-9a-f]{64}, signed by xinsheng\\.local/audit\\+[0-9a-f]{8} \\(\\+1 witnesses\\).*"),
        verify.output());
    NoteKey key = NoteKey.parseVerifierKey(Files.readString(prisonKey));
    assertTrue(verify.output().contains("key fingerprint: " + key.fingerprint()), verify.output());
    // without a key the court trusts, nothing passes: anyone can re-sign a log
    LauncherProcess.Result unpinned = LauncherProcess.run("verify", zip.toString());
    assertEquals(1, unpinned.code(), unpinned.output());
    assertTrue(unpinned.output().contains("no trusted key given"), unpinned.output());
    assertTrue(unpinned.output().contains(key.fingerprint()), unpinned.output());

    // the key ceremony's record and the trust file a court keeps
    Path trust = WORK.resolve("xinsheng-trust.txt");
    LauncherProcess.Result record =
        LauncherProcess.run(
            "audit",
            "key-record",
            "--trust-out",
            trust.toString(),
            "--data-dir=" + RunningPlatform.DATA_DIR,
            "--db-port=" + RunningPlatform.DB_PORT);
    assertEquals(0, record.code(), record.output());
    assertTrue(record.output().contains(key.fingerprint()), record.output());
    assertTrue(record.output().contains("procuratorate.demo"), record.output());
    LauncherProcess.Result trusted =
        LauncherProcess.run(
            "verify", zip.toString(), "--trust", trust.toString(), "--witnesses", "1");
    assertEquals(0, trusted.code(), trusted.output());

    // a court's download of a range, and one inmate's records, verify too
    WebClient judge = new WebClient(base);
    judge.login("judge1", PASSWORD);
    Path range = WORK.resolve("range.zip");
    assertEquals(200, judge.download("/api/v1/audit/export?start=0&end=5", range));
    LauncherProcess.Result rv = verify(range);
    assertEquals(0, rv.code(), rv.output());
    assertTrue(rv.output().contains("verified 5 entries"), rv.output());
    Path inmate = WORK.resolve("inmate.zip");
    assertEquals(200, judge.download("/api/v1/audit/export?inmate=" + INMATE, inmate));
    LauncherProcess.Result iv = verify(inmate);
    assertEquals(0, iv.code(), iv.output());
    assertTrue(iv.output().contains("inmate/" + INMATE + ", complete"), iv.output());
    assertEquals(400, judge.get("/api/v1/audit/export?start=5&end=2").statusCode());
    // an inmate the log knows nothing about is not an empty export that "verifies"
    HttpResponse<String> unknown = judge.get("/api/v1/audit/export?inmate=9999999999");
    assertEquals(404, unknown.statusCode(), unknown.body());
    assertTrue(unknown.body().contains("audit.error.unknownSubject"), unknown.body());
    // the launcher's export of one inmate ends at a head the running platform signed
    Path launcherInmate = WORK.resolve("launcher-inmate.zip");
    LauncherProcess.Result li = LauncherProcess.export(launcherInmate, "--inmate", INMATE);
    assertEquals(0, li.code(), li.output());
    assertEquals(0, verify(launcherInmate).code());
  }

  @Test
  @Order(3)
  void anInmateExportWithAnEntryRemovedAndItsManifestEditedFails() throws Exception {
    // the prison's own export of the inmate, with every entry's content (a judge who may read no
    // case of his gets their hashes alone: issue 14, finding 6)
    Path inmate = WORK.resolve("inmate-cut.zip");
    LauncherProcess.Result made = LauncherProcess.export(inmate, "--inmate", INMATE);
    assertEquals(0, made.code(), made.output());
    Map<String, byte[]> entries = ExportDrill.unzip(inmate);
    List<String> lines =
        new ArrayList<>(
            List.of(new String(entries.get("leaves.txt"), StandardCharsets.UTF_8).split("\n")));
    assertTrue(lines.size() >= 2, "the inmate has entries and a head");
    String removed = lines.remove(0);
    entries.put("leaves.txt", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    entries.put(
        "manifest.txt",
        new String(entries.get("manifest.txt"), StandardCharsets.UTF_8)
            .replaceAll("entries: \\d+", "entries: " + lines.size())
            .getBytes(StandardCharsets.UTF_8));
    Path cut = ExportDrill.zip(WORK.resolve("inmate-cut-edited.zip"), entries);
    LauncherProcess.Result v = verify(cut);
    assertEquals(1, v.code(), v.output());
    String index = removed.substring(0, removed.indexOf('\t'));
    assertTrue(v.output().contains("entry " + index + " missing"), v.output());
  }

  @Test
  @Order(4)
  void aLogReSignedWithAnotherKeyFailsWithoutAndWithThePinnedKey() throws Exception {
    Path zip = WORK.resolve("all-for-forgery.zip");
    assertEquals(0, LauncherProcess.export(zip).code());
    // the forger re-signs every checkpoint with his own key and puts it in keys/log.txt
    NoteKey forger = NoteKey.generate("xinsheng.local/audit");
    Map<String, byte[]> entries = ExportDrill.unzip(zip);
    for (String name : new ArrayList<>(entries.keySet())) {
      if (name.startsWith("checkpoints/")) {
        SignedCheckpoint real =
            SignedCheckpoint.parse(new String(entries.get(name), StandardCharsets.UTF_8));
        entries.put(
            name,
            SignedCheckpoint.sign(real.checkpoint(), forger)
                .format()
                .getBytes(StandardCharsets.UTF_8));
      }
    }
    entries.put("keys/log.txt", (forger.verifierKey() + "\n").getBytes(StandardCharsets.UTF_8));
    Path forged = ExportDrill.zip(WORK.resolve("forged.zip"), entries);
    LauncherProcess.Result none = LauncherProcess.run("verify", forged.toString());
    assertEquals(1, none.code(), none.output());
    assertTrue(none.output().contains("no trusted key given"), none.output());
    LauncherProcess.Result pinned = verify(forged);
    assertEquals(1, pinned.code(), pinned.output());
    assertTrue(pinned.output().contains("not signed by a prison key you trust"), pinned.output());
  }

  @Test
  @Order(5)
  void aRemovedCosignatureIsReportedAndExportsCarryEveryOne() throws Exception {
    Path zip = WORK.resolve("all-cosigned.zip");
    assertEquals(0, LauncherProcess.export(zip).code());
    Map<String, byte[]> entries = ExportDrill.unzip(zip);
    List<String> cosigned = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      if (e.getKey().startsWith("checkpoints/")
          && new String(e.getValue(), StandardCharsets.UTF_8).contains("— procuratorate.demo ")) {
        cosigned.add(e.getKey());
      }
    }
    // the witness cosigned twice (test 1): both cosignatures travel with the export
    assertTrue(cosigned.size() >= 2, "every cosignature is exported: " + cosigned);
    String name = cosigned.get(0);
    entries.put(
        name,
        new String(entries.get(name), StandardCharsets.UTF_8)
            .replaceAll("(?m)^— procuratorate\\.demo .*\\n", "")
            .getBytes(StandardCharsets.UTF_8));
    LauncherProcess.Result v = verify(ExportDrill.zip(WORK.resolve("uncosigned.zip"), entries));
    assertEquals(1, v.code(), v.output());
    assertTrue(v.output().contains("is missing (removed)"), v.output());
  }

  @Test
  @Order(6)
  void eachKindOfChangeToAnExportIsNamedAtItsStartMiddleAndEnd() throws Exception {
    NoteKey key = NoteKey.parseVerifierKey(Files.readString(prisonKey));
    Path whole = WORK.resolve("drill-all.zip");
    assertEquals(0, LauncherProcess.export(whole).code());
    ExportDrill.run(whole, key, true, WORK);
    // the inmate's export as the prison makes it, with every entry's content
    Path inmate = WORK.resolve("drill-inmate.zip");
    LauncherProcess.Result made = LauncherProcess.export(inmate, "--inmate", INMATE);
    assertEquals(0, made.code(), made.output());
    ExportDrill.run(inmate, key, false, WORK);
  }

  /**
   * The drill. Four fresh entries each get a checkpoint of their own (the sequencer signs every
   * second while there is something new), then a database administrator edits the tables.
   */
  @Test
  @Order(7)
  void theTamperDrillIsCaughtAndNamedByThePlatformAndTheVerifier() throws Exception {
    long[] indexes = new long[4];
    long k = -1;
    // another event may land in the same second as a login and share its checkpoint: then the
    // drill's entries would not each have a checkpoint of their own, so it takes fresh ones
    for (int attempt = 0; attempt < 5 && k < 0; attempt++) {
      for (int i = 0; i < 4; i++) {
        long before = signedSize();
        // a login is an audit event; four different people, so that no two leaves are alike
        // (the platform's clock is pinned: two logins of one person would be the same bytes)
        String who = new String[] {"examiner1", "teacher2", "examiner2", "eduadmin1"}[i];
        assertEquals(200, new WebClient(base).login(who, PASSWORD).statusCode());
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
      try {
        expectCaught(
            "entry " + k + " changed: its data do not match",
            "entry " + k + " changed: its data do not match");
        // while the log is broken it signs nothing: an inmate's export says why, not "try again"
        WebClient judge = new WebClient(base);
        judge.login("judge1", PASSWORD);
        HttpResponse<String> refused = judge.get("/api/v1/audit/export?inmate=" + INMATE);
        assertEquals(409, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("audit.error.broken"), refused.body());
        assertTrue(refused.body().contains("entry " + k + " changed"), refused.body());
      } finally {
        // restored whatever happened, so the tests after this one meet a sound log
        setLeafData(c, k, original);
      }
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
      try {
        expectCaught("entry " + k + " missing", "entry " + k + " missing");
      } finally {
        insert(
            c,
            "INSERT INTO audit_entry (id, leaf_data, leaf_hash, created_at, subject, inmate)"
                + " VALUES (?, ?, ?, ?, ?, ?)",
            entry);
        insert(c, INSERT_LEAF, leaf);
        c.commit();
      }
      c.setAutoCommit(true);
      expectSound();
    }

    // 3. two rows swapped, with everything they hold: each leaf still says where it belongs
    try (Connection c = RunningPlatform.ownerConnection()) {
      Object[] a = leafRow(c, k);
      Object[] b = leafRow(c, k + 1);
      c.setAutoCommit(false);
      exec(c, "DELETE FROM audit_leaf WHERE leaf_index IN (" + k + "," + (k + 1) + ")");
      insert(c, INSERT_LEAF, new Object[] {k, b[1], b[2], b[3]});
      insert(c, INSERT_LEAF, new Object[] {k + 1, a[1], a[2], a[3]});
      c.commit();
      try {
        expectCaught(
            "entry " + k + " reordered: it comes after entry " + (k + 1),
            "entry " + k + " reordered: it comes after entry " + (k + 1));
      } finally {
        exec(c, "DELETE FROM audit_leaf WHERE leaf_index IN (" + k + "," + (k + 1) + ")");
        insert(c, INSERT_LEAF, a);
        insert(c, INSERT_LEAF, b);
        c.commit();
      }
      c.setAutoCommit(true);
      expectSound();
    }

    // 4. a checkpoint replaced by one signed with another key
    try (Connection c = RunningPlatform.ownerConnection()) {
      long size = k + 1;
      String original = checkpointNote(c, size);
      Checkpoint body = SignedCheckpoint.parse(original).checkpoint();
      String forged =
          SignedCheckpoint.sign(body, NoteKey.generate("xinsheng.local/audit")).format();
      setCheckpointNote(c, size, forged);
      String why = "the checkpoint at size " + size + " is not signed by the prison's key";
      try {
        expectCaught(why, why);
      } finally {
        setCheckpointNote(c, size, original);
      }
      expectSound();
    }
  }

  /**
   * The probe: a point entry (and its review) recorded through the API, then its fact and amount
   * changed as the database's root. The self-check names the table, row and fields and readiness
   * goes DOWN; the alert is in the log; the whole-log and the inmate's exports fail naming it; the
   * ledger's API and screen show the warning beside the entry. Restored, all is sound again.
   */
  @Test
  @Order(8)
  void aBusinessRowEditedAsRootIsCaughtEverywhereAndNamed() throws Exception {
    long entry = entryId;
    awaitEverythingSigned();
    expectSound();

    String fact;
    try (Connection c = RunningPlatform.ownerConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT fact FROM point_entry WHERE id = " + entry)) {
      rs.next();
      fact = rs.getString(1);
    }
    try (Connection c = RunningPlatform.ownerConnection()) {
      exec(
          c,
          "UPDATE point_entry SET fact = '内务卫生检查评为优秀（已改）', amount_tenths = 50 WHERE id = " + entry);
      String row = "record point_entry/" + entry + " was changed after it was logged";
      try {
        changedRowIsCaught(entry, row);
      } finally {
        // restored even when a check above failed, so the later tests see a sound log
        try (PreparedStatement ps =
            c.prepareStatement(
                "UPDATE point_entry SET fact = ?, amount_tenths = 20 WHERE id = " + entry)) {
          ps.setString(1, fact);
          assertEquals(1, ps.executeUpdate());
        }
      }
      expectSound();
      WebClient judge = new WebClient(base);
      judge.login("judge1", PASSWORD);
      assertFalse(
          judge
              .get("/api/v1/ledger/inmates/" + INMATE + "/entries")
              .body()
              .contains("integrityWarning"));
    }
  }

  private static void changedRowIsCaught(long entry, String row) throws Exception {
    HttpResponse<String> check = admin.postJson("/api/v1/audit/self-check", "{}");
    assertTrue(check.body().contains("\"sound\":false"), check.body());
    assertTrue(check.body().contains(row), check.body());
    assertTrue(
        check.body().contains("field amount_tenths is now 50")
            && check.body().contains("field fact is now"),
        check.body());
    HttpResponse<String> ready = new WebClient(base).get("/health/ready");
    assertEquals(503, ready.statusCode(), ready.body());
    // readiness names the reason and the row only; the fields are for the administrator
    assertTrue(ready.body().contains("\"record\":\"point_entry/" + entry + "\""), ready.body());
    // the alert: for the administrator and the witness, and in the log itself
    WebClient prosecutor = new WebClient(base);
    prosecutor.login("prosecutor1", PASSWORD);
    HttpResponse<String> alerts = prosecutor.get("/api/v1/audit/alerts");
    assertTrue(alerts.body().contains("point_entry/" + entry), alerts.body());
    assertTrue(
        RunningPlatform.count(
                "SELECT COUNT(*) FROM audit_entry WHERE subject = 'alert/point_entry/"
                    + entry
                    + "'")
            >= 1,
        "the alert is an entry of the log");
    // the ledger's API and screen show it beside the entry
    WebClient judge = new WebClient(base);
    judge.login("judge1", PASSWORD);
    HttpResponse<String> api = judge.get("/api/v1/ledger/inmates/" + INMATE + "/entries");
    assertTrue(api.body().contains("\"integrityWarning\""), api.body());
    assertTrue(api.body().contains(row), api.body());
    HttpResponse<String> screen = judge.get("/ledger/inmate.xhtml?no=" + INMATE);
    assertTrue(screen.body().contains("xs-integrity"), screen.body());
    assertTrue(screen.body().contains("point_entry/" + entry), screen.body());
    // every export carries the row and names it
    Path whole = WORK.resolve("edited-all.zip");
    assertEquals(0, LauncherProcess.export(whole).code());
    LauncherProcess.Result wv = verify(whole);
    assertEquals(1, wv.code(), wv.output());
    assertTrue(wv.output().contains(row) && wv.output().contains("field fact"), wv.output());
    Path inmate = WORK.resolve("edited-inmate.zip");
    LauncherProcess.Result made = LauncherProcess.export(inmate, "--inmate", INMATE);
    assertEquals(0, made.code(), made.output());
    LauncherProcess.Result iv = verify(inmate);
    assertEquals(1, iv.code(), iv.output());
    assertTrue(iv.output().contains(row), iv.output());
    // a judge who may read no case of the inmate gets the entries' hashes, not the changed row
    Path hashes = WORK.resolve("edited-inmate-judge.zip");
    assertEquals(200, judge.download("/api/v1/audit/export?inmate=" + INMATE, hashes));
    Map<String, byte[]> files = ExportDrill.unzip(hashes);
    String records =
        files.containsKey("records.txt")
            ? new String(files.get("records.txt"), StandardCharsets.UTF_8)
            : "";
    assertFalse(records.contains("point_entry\t" + entry + "\t"), records);
  }

  private static long firstNumber(String json, String key) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"" + key + "\":(\\d+)").matcher(json);
    assertTrue(m.find(), json);
    return Long.parseLong(m.group(1));
  }

  @Test
  @Order(9)
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
    awaitEverythingSigned();

    Path zip = WORK.resolve("after-rotation.zip");
    assertEquals(0, LauncherProcess.export(zip).code());
    Path pinnedOld = WORK.resolve("old-key.txt");
    Files.writeString(pinnedOld, oldKey + "\n");
    LauncherProcess.Result v =
        LauncherProcess.run("verify", zip.toString(), "--key", pinnedOld.toString());
    // (the old key endorsed the new one: a court that pinned the old key trusts the handover)
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
    LauncherProcess.Result verify = verify(zip);
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

  /**
   * Waits until a checkpoint takes in every entry logged so far. (Waiting for "one more than now"
   * hangs when nothing new was logged since the last checkpoint.)
   */
  private static void awaitEverythingSigned() throws Exception {
    RunningPlatform.awaitEverythingSigned();
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

  private static final String INSERT_LEAF =
      "INSERT INTO audit_leaf (leaf_index, entry_id, leaf_hash, tail) VALUES (?, ?, ?, ?)";

  private static Object[] leafRow(Connection c, long index) throws SQLException {
    return row(
        c,
        "SELECT leaf_index, entry_id, leaf_hash, tail FROM audit_leaf WHERE leaf_index = ?",
        index);
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
