package cn.xinsheng.music.application;

import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.content.ContentLimits;
import cn.xinsheng.content.ContentPackage;
import cn.xinsheng.content.ContentRefusal;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.lms.application.ContentImportService;
import cn.xinsheng.music.domain.MusicRefusal;
import cn.xinsheng.music.domain.catalogue.MusicCatalogue;
import cn.xinsheng.music.domain.catalogue.SyllabusSpec;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
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
import java.util.OptionalLong;
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

  /** A syllabus package imported: its id and version, who published and signed it, who took it. */
  public record PackageView(
      String packageId,
      long version,
      String title,
      String publisher,
      String signedBy,
      String importedBy,
      Instant importedAt) {}

  /** A file of an item: its sheet or its reference recording. */
  public record ItemFile(Path file, String mediaType, long size, String sha256) {}

  @Inject MusicCatalogue catalogue;
  @Inject MusicSettings settings;
  @Inject ContentImportService contentImports;
  @Inject AuditLog auditLog;
  @Inject PrisonTime time;
  @Inject Caller caller;

  public List<Instrument> instruments() {
    return catalogue.instruments().stream()
        .map(i -> new Instrument(i.code(), i.nameZh(), i.nameEn(), i.familyZh(), i.familyEn()))
        .toList();
  }

  public List<Level> levels() {
    return catalogue.levels().stream()
        .map(l -> new Level(l.level(), l.groupZh(), l.groupEn(), l.nameZh(), l.nameEn()))
        .toList();
  }

  /** The syllabi in force (each instrument and level's newest version), by instrument and level. */
  public List<SyllabusView> syllabi() {
    return catalogue.syllabiInForce().stream().map(MusicCatalogueService::syllabus).toList();
  }

  public SyllabusView syllabus(long id) {
    return catalogue
        .syllabus(id)
        .map(MusicCatalogueService::syllabus)
        .orElseThrow(() -> Refusal.notFound("music.error.noSyllabus"));
  }

  private static SyllabusView syllabus(MusicCatalogue.Syllabus s) {
    return new SyllabusView(
        s.id(),
        s.instrument(),
        s.instrumentZh(),
        s.instrumentEn(),
        s.level(),
        s.levelZh(),
        s.levelEn(),
        s.version(),
        s.title(),
        s.packageId(),
        s.items());
  }

  public List<ItemView> items(long syllabusId) {
    return catalogue.items(syllabusId).stream().map(MusicCatalogueService::item).toList();
  }

  /** Every item of the syllabi in force, for choosing what a take or a practice covered. */
  public List<ItemView> itemsInForce() {
    return catalogue.itemsInForce().stream().map(MusicCatalogueService::item).toList();
  }

  public ItemView item(long id) {
    return catalogue
        .item(id)
        .map(MusicCatalogueService::item)
        .orElseThrow(() -> Refusal.notFound("music.error.noItem"));
  }

  private static ItemView item(MusicCatalogue.Item i) {
    return new ItemView(
        i.id(),
        i.syllabusId(),
        i.key(),
        i.kind(),
        i.title(),
        i.keyText(),
        i.tempoBpm(),
        i.tempoMark(),
        i.expectedSeconds(),
        i.notation(),
        i.sheetType(),
        i.instrument(),
        i.level());
  }

  /** An item's sheet music ({@code sheet}) or its reference recording. */
  public ItemFile itemFile(long id, boolean sheet) {
    MusicCatalogue.ItemFiles r =
        catalogue.itemFiles(id).orElseThrow(() -> Refusal.notFound("music.error.noItem"));
    Path dir = settings.root().resolve(r.contentDir());
    Path file = dir.resolve(sheet ? r.sheetFile() : r.referenceFile()).normalize();
    if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
      throw Refusal.notFound("music.error.noItem");
    }
    try {
      String sha;
      try (InputStream in = Files.newInputStream(file)) {
        sha = MerkleTree.sha256Hex(in);
      }
      return new ItemFile(file, sheet ? r.sheetType() : "audio/wav", Files.size(file), sha);
    } catch (IOException e) {
      throw Refusal.notFound("music.error.noItem");
    }
  }

  /** Syllabus packages imported, newest first. */
  @RolesAllowed(Role.EDU_ADMIN_NAME)
  public List<PackageView> packages() {
    return catalogue.packages().stream()
        .map(
            p ->
                new PackageView(
                    p.packageId(),
                    p.version(),
                    p.title(),
                    p.publisher(),
                    p.signedBy(),
                    p.importedBy(),
                    p.importedAt()))
        .toList();
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
      OptionalLong latest = catalogue.newestPackageVersion(id);
      if (latest.isPresent() && latest.getAsLong() >= version) {
        throw Refusal.conflict("music.error.version", id, version, latest.getAsLong());
      }
      for (SyllabusSpec.Syllabus s : spec.syllabi()) {
        if (!catalogue.hasInstrument(s.instrument())) {
          throw Refusal.invalid(
              "music.error.package",
              "乐器代码 " + s.instrument() + " 不在本监狱的乐器目录中",
              "the instrument code " + s.instrument() + " is not in this prison's catalogue");
        }
        OptionalLong newer = catalogue.newestSyllabusVersion(s.instrument(), s.level());
        if (newer.isPresent() && newer.getAsLong() >= version) {
          throw Refusal.conflict(
              "music.error.syllabusVersion", s.instrument(), s.level(), newer.getAsLong());
        }
      }
      String dir = "packages/" + id + "/" + version;
      Path placed = root.resolve(dir);
      Instant now = time.now();
      long packageRow =
          catalogue.insert(
              new MusicCatalogue.NewPackage(
                  id,
                  version,
                  opened.manifest().title(),
                  opened.manifest().publisher(),
                  opened.signedBy().label(),
                  sha,
                  Files.size(zip),
                  dir,
                  caller.name(),
                  now));
      int items = 0;
      for (SyllabusSpec.Syllabus s : spec.syllabi()) {
        long syllabusId =
            catalogue.insertSyllabus(packageRow, s.instrument(), s.level(), version, s.title());
        int position = 0;
        for (SyllabusSpec.Item i : s.items()) {
          items++;
          catalogue.insert(
              new MusicCatalogue.NewItem(
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
                  i.referenceFile()));
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
