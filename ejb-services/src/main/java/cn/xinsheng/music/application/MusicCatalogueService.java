package cn.xinsheng.music.application;

import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.content.ContentLimits;
import cn.xinsheng.content.ContentPackage;
import cn.xinsheng.content.ContentRefusal;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.lms.application.ContentImportService;
import cn.xinsheng.music.domain.MusicRefusal;
import cn.xinsheng.music.domain.catalogue.SyllabusSpec;
import cn.xinsheng.music.infrastructure.MusicStore;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.platform.SqlValues;
import cn.xinsheng.platform.TemporaryArea;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The folk-music catalogue: instruments and levels (data, V19_1), and syllabi that arrive in signed
 * content packages (the {@code lms-content} format, signed by a publisher the administrator trusted
 * for courses). A package is checked in full — signature, files, every item's 简谱, sheet and
 * reference recording — before anything is kept; a refusal says why in Chinese and English and
 * leaves nothing. A newer version of a syllabus is the one in force; older versions stay, because
 * takes name their items. Every import is an audit event carrying the package's hash.
 */
@Stateless
@RolesAllowed({
  Role.INMATE_NAME,
  Role.TEACHER_NAME,
  Role.EXAMINER_NAME,
  Role.EDU_ADMIN_NAME,
  Role.OFFICER_NAME
})
// named apart from the ledger's CatalogueService: two EJBs of one name in one module collide
public class MusicCatalogueService {

  /** An instrument, with its family, in both languages. */
  public record Instrument(
      String code, String nameZh, String nameEn, String familyZh, String familyEn) {}

  /** A level: its number, group and name (settings in the music_level table). */
  public record Level(int level, String groupZh, String groupEn, String nameZh, String nameEn) {}

  /** A syllabus in force: the newest version of its instrument and level. */
  public record SyllabusView(
      long id,
      String instrument,
      String instrumentZh,
      String instrumentEn,
      int level,
      String levelZh,
      String levelEn,
      long version,
      String title,
      String packageId,
      int items) {}

  /** A required item of a syllabus. */
  public record ItemView(
      long id,
      long syllabusId,
      String key,
      String kind,
      String title,
      String keyText,
      double tempoBpm,
      String tempoMark,
      int expectedSeconds,
      String notation,
      String sheetType,
      String instrument,
      int level) {}

  /** What an import brought. */
  public record Imported(String packageId, long version, int syllabi, int items) {}

  /** A file of an item: its sheet or its reference recording. */
  public record ItemFile(Path file, String mediaType, long size, String sha256) {}

  @Inject MusicStore store;
  @Inject MusicSettings settings;
  @Inject ContentImportService contentImports;
  @Inject AuditLog auditLog;
  @Inject PrisonTime time;
  @Inject Caller caller;

  public List<Instrument> instruments() {
    return store
        .rows(
            "SELECT code, name_zh, name_en, family_zh, family_en FROM music_instrument"
                + " WHERE active = TRUE ORDER BY sort_order")
        .stream()
        .map(
            r ->
                new Instrument(
                    (String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4]))
        .toList();
  }

  public List<Level> levels() {
    return store
        .rows("SELECT level, group_zh, group_en, name_zh, name_en FROM music_level ORDER BY level")
        .stream()
        .map(
            r ->
                new Level(
                    (int) SqlValues.num(r[0]),
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4]))
        .toList();
  }

  private static final String SYLLABUS_COLUMNS =
      "SELECT s.id, s.instrument_code, i.name_zh, i.name_en, s.level, l.name_zh, l.name_en,"
          + " s.version, s.title, p.package_id,"
          + " (SELECT COUNT(*) FROM music_syllabus_item t WHERE t.syllabus_id = s.id)"
          + " FROM music_syllabus s JOIN music_instrument i ON i.code = s.instrument_code"
          + " JOIN music_level l ON l.level = s.level"
          + " JOIN music_syllabus_package p ON p.id = s.package_row";

  /** The syllabi in force (each instrument and level's newest version), by instrument and level. */
  public List<SyllabusView> syllabi() {
    return store
        .rows(
            SYLLABUS_COLUMNS
                + " WHERE s.version = (SELECT MAX(o.version) FROM music_syllabus o"
                + " WHERE o.instrument_code = s.instrument_code AND o.level = s.level)"
                + " ORDER BY i.sort_order, s.level")
        .stream()
        .map(MusicCatalogueService::syllabus)
        .toList();
  }

  public SyllabusView syllabus(long id) {
    return store
        .one(SYLLABUS_COLUMNS + " WHERE s.id = ?1", id)
        .map(MusicCatalogueService::syllabus)
        .orElseThrow(() -> Refusal.notFound("music.error.noSyllabus"));
  }

  private static SyllabusView syllabus(Object[] r) {
    return new SyllabusView(
        SqlValues.num(r[0]),
        (String) r[1],
        (String) r[2],
        (String) r[3],
        (int) SqlValues.num(r[4]),
        (String) r[5],
        (String) r[6],
        SqlValues.num(r[7]),
        (String) r[8],
        (String) r[9],
        (int) SqlValues.num(r[10]));
  }

  private static final String ITEM_COLUMNS =
      "SELECT t.id, t.syllabus_id, t.item_key, t.kind, t.title, t.key_text, t.tempo_bpm,"
          + " t.tempo_mark, t.expected_seconds, t.notation, t.sheet_type, s.instrument_code, s.level"
          + " FROM music_syllabus_item t JOIN music_syllabus s ON s.id = t.syllabus_id";

  public List<ItemView> items(long syllabusId) {
    return store
        .rows(ITEM_COLUMNS + " WHERE t.syllabus_id = ?1 ORDER BY t.position", syllabusId)
        .stream()
        .map(MusicCatalogueService::item)
        .toList();
  }

  /** Every item of the syllabi in force, for choosing what a take or a practice covered. */
  public List<ItemView> itemsInForce() {
    return store
        .rows(
            ITEM_COLUMNS
                + " WHERE s.version = (SELECT MAX(o.version) FROM music_syllabus o"
                + " WHERE o.instrument_code = s.instrument_code AND o.level = s.level)"
                + " ORDER BY s.instrument_code, s.level, t.position")
        .stream()
        .map(MusicCatalogueService::item)
        .toList();
  }

  public ItemView item(long id) {
    return store
        .one(ITEM_COLUMNS + " WHERE t.id = ?1", id)
        .map(MusicCatalogueService::item)
        .orElseThrow(() -> Refusal.notFound("music.error.noItem"));
  }

  private static ItemView item(Object[] r) {
    return new ItemView(
        SqlValues.num(r[0]),
        SqlValues.num(r[1]),
        (String) r[2],
        (String) r[3],
        (String) r[4],
        (String) r[5],
        ((Number) r[6]).doubleValue(),
        (String) r[7],
        (int) SqlValues.num(r[8]),
        (String) r[9],
        (String) r[10],
        (String) r[11],
        (int) SqlValues.num(r[12]));
  }

  /** An item's sheet music ({@code sheet}) or its reference recording. */
  public ItemFile itemFile(long id, boolean sheet) {
    Object[] r =
        store
            .one(
                "SELECT p.content_dir, t.sheet_file, t.sheet_type, t.reference_file"
                    + " FROM music_syllabus_item t JOIN music_syllabus s ON s.id = t.syllabus_id"
                    + " JOIN music_syllabus_package p ON p.id = s.package_row WHERE t.id = ?1",
                id)
            .orElseThrow(() -> Refusal.notFound("music.error.noItem"));
    Path dir = settings.root().resolve((String) r[0]);
    Path file = dir.resolve((String) (sheet ? r[1] : r[3])).normalize();
    if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
      throw Refusal.notFound("music.error.noItem");
    }
    try {
      String sha;
      try (InputStream in = Files.newInputStream(file)) {
        sha = MerkleTree.sha256Hex(in);
      }
      return new ItemFile(file, sheet ? (String) r[2] : "audio/wav", Files.size(file), sha);
    } catch (IOException e) {
      throw Refusal.notFound("music.error.noItem");
    }
  }

  /** Syllabus packages imported, newest first: id, version, title, publisher, by, at. */
  @RolesAllowed(Role.EDU_ADMIN_NAME)
  public List<Object[]> packages() {
    return store.rows(
        "SELECT package_id, version, title, publisher, signed_by, imported_by, imported_at"
            + " FROM music_syllabus_package ORDER BY id DESC");
  }

  /**
   * Takes a syllabus package: received with the size limit, verified and extracted by {@code
   * lms-content} against the trusted publisher keys, read and checked whole, recorded, moved into
   * place. A refusal deletes what it made and the transaction rolls the rows back.
   */
  @RolesAllowed(Role.EDU_ADMIN_NAME)
  public Imported importPackage(InputStream content) {
    Path root = settings.root();
    Path tmp = root.resolve("tmp");
    Path staging = tmp.resolve("import-" + UUID.randomUUID());
    Path zip = tmp.resolve("upload-" + UUID.randomUUID() + ".zip");
    boolean kept = false;
    try {
      Files.createDirectories(tmp);
      String sha = receive(content, zip, settings.maxPackageBytes());
      ContentPackage.Opened opened;
      SyllabusSpec spec;
      try {
        opened =
            ContentPackage.open(
                zip,
                contentImports.trustedPublisherKeys(),
                ContentLimits.standard(),
                staging,
                null);
        spec = SyllabusSpec.read(staging);
      } catch (ContentRefusal r) {
        throw Refusal.invalid("music.error.package", r.zh(), r.en());
      } catch (MusicRefusal r) {
        throw Refusal.invalid("music.error.package", r.zh(), r.en());
      }
      String id = opened.manifest().id();
      long version = opened.manifest().version();
      Object[] latest =
          store
              .one("SELECT MAX(version) FROM music_syllabus_package WHERE package_id = ?1", id)
              .orElse(new Object[] {null});
      if (latest[0] != null && SqlValues.num(latest[0]) >= version) {
        throw Refusal.conflict("music.error.version", id, version, SqlValues.num(latest[0]));
      }
      for (SyllabusSpec.Syllabus s : spec.syllabi()) {
        if (store
            .one("SELECT code FROM music_instrument WHERE code = ?1", s.instrument())
            .isEmpty()) {
          throw Refusal.invalid(
              "music.error.package",
              "乐器代码 " + s.instrument() + " 不在本监狱的乐器目录中",
              "the instrument code " + s.instrument() + " is not in this prison's catalogue");
        }
        Object[] newer =
            store
                .one(
                    "SELECT MAX(version) FROM music_syllabus WHERE instrument_code = ?1 AND level = ?2",
                    s.instrument(),
                    s.level())
                .orElse(new Object[] {null});
        if (newer[0] != null && SqlValues.num(newer[0]) >= version) {
          throw Refusal.conflict(
              "music.error.syllabusVersion", s.instrument(), s.level(), SqlValues.num(newer[0]));
        }
      }
      String dir = "packages/" + id + "/" + version;
      Path placed = root.resolve(dir);
      Instant now = time.now();
      long packageRow =
          store.insert(
              "INSERT INTO music_syllabus_package (package_id, version, title, publisher, signed_by,"
                  + " sha256, size_bytes, content_dir, imported_by, imported_at)"
                  + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
              id,
              version,
              opened.manifest().title(),
              opened.manifest().publisher(),
              opened.signedBy().label(),
              sha,
              Files.size(zip),
              dir,
              caller.name(),
              now);
      int items = 0;
      for (SyllabusSpec.Syllabus s : spec.syllabi()) {
        long syllabusId =
            store.insert(
                "INSERT INTO music_syllabus (package_row, instrument_code, level, version, title)"
                    + " VALUES (?1, ?2, ?3, ?4, ?5)",
                packageRow,
                s.instrument(),
                s.level(),
                version,
                s.title());
        int position = 0;
        for (SyllabusSpec.Item i : s.items()) {
          items++;
          store.exec(
              "INSERT INTO music_syllabus_item (syllabus_id, item_key, position, kind, title,"
                  + " key_text, tempo_bpm, tempo_mark, expected_seconds, notation, sheet_file,"
                  + " sheet_type, reference_file)"
                  + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
              syllabusId,
              i.key(),
              ++position,
              i.kind().name(),
              i.title(),
              i.piece().key().text(),
              i.piece().tempoBpm(),
              i.tempoMark(),
              i.expectedSeconds(),
              i.notation(),
              i.sheetFile(),
              i.sheetType(),
              i.referenceFile());
        }
      }
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("package", id);
      p.put("version", version);
      p.put("title", opened.manifest().title());
      p.put("publisher", opened.manifest().publisher());
      p.put("signedBy", opened.signedBy().label());
      p.put("syllabi", (long) spec.syllabi().size());
      p.put("items", (long) items);
      auditLog.record(
          "music.syllabus.imported",
          "music-syllabus-package/" + id + "/" + version,
          p,
          List.of(sha),
          now);
      Files.createDirectories(placed.getParent());
      Files.move(staging, placed, StandardCopyOption.ATOMIC_MOVE);
      kept = true;
      return new Imported(id, version, spec.syllabi().size(), items);
    } catch (IOException e) {
      throw Refusal.invalid(
          "music.error.package", String.valueOf(e.getMessage()), String.valueOf(e.getMessage()));
    } finally {
      try {
        Files.deleteIfExists(zip);
        if (!kept) {
          TemporaryArea.deleteTree(staging);
        }
      } catch (IOException ignored) {
        // a leftover in tmp holds nothing in force; the refusal matters more
      }
    }
  }

  private static String receive(InputStream in, Path to, long max) throws IOException {
    MessageDigest md = MerkleTree.sha256Digest();
    long n = 0;
    try (OutputStream out = Files.newOutputStream(to)) {
      byte[] buf = new byte[1 << 16];
      int r;
      while ((r = in.read(buf)) > 0) {
        n += r;
        if (n > max) {
          throw Refusal.invalid(
              "music.error.package",
              "上传文件超过上限 " + (max >> 20) + " MiB",
              "the upload exceeds the limit of " + (max >> 20) + " MiB");
        }
        md.update(buf, 0, r);
        out.write(buf, 0, r);
      }
    }
    if (n == 0) {
      throw Refusal.invalid("music.error.package", "上传的文件为空", "the upload is empty");
    }
    return MerkleTree.hex(md.digest());
  }
}
