package cn.xinsheng.lms.application;

import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.audit.NoteKey;
import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.content.ContentPackage;
import cn.xinsheng.content.ContentRefusal;
import cn.xinsheng.content.CourseSpec;
import cn.xinsheng.content.ScormManifest;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.lms.domain.Cohorts;
import cn.xinsheng.lms.domain.ContentLibrary;
import cn.xinsheng.lms.domain.CourseCatalogue;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Content from outside, as the education office brings it on physical media: only packages signed
 * by a publisher an administrator trusted, checked in full before anything is kept; a newer version
 * of a package updates its course in place, keyed by lesson, quiz and assignment keys, so learners
 * keep their progress. Every trust and every import is an audit event.
 */
@Stateless
public class ContentImportService {

  /** What an import brought. */
  public record Imported(
      String packageId,
      long version,
      long courseId,
      String courseTitle,
      int lessons,
      int quizzes,
      int assignments) {}

  /** A trusted publisher key, and when it was revoked (null while it is trusted). */
  public record Publisher(
      long id,
      String name,
      String verifierKey,
      String description,
      String trustedBy,
      Instant trustedAt,
      Instant revokedAt) {}

  @Inject ContentLibrary library;
  @Inject CourseCatalogue catalogue;
  @Inject Cohorts cohorts;
  @Inject LmsSettings settings;
  @Inject AuditLog auditLog;
  @Inject PrisonTime time;
  @Inject Caller caller;

  @RolesAllowed(Role.SYS_ADMIN_NAME)
  public Publisher trustPublisher(String verifierKey, String description) {
    NoteKey key;
    try {
      key = NoteKey.parseVerifierKey(verifierKey == null ? "" : verifierKey.strip());
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("content.error.key");
    }
    if (description == null || description.isBlank() || description.length() > 500) {
      throw Refusal.invalid("content.error.description");
    }
    if (library.knowsKey(key.verifierKey())) {
      throw Refusal.conflict("content.error.keyKnown", key.name());
    }
    Instant now = time.now();
    long id = library.trust(key.name(), key.verifierKey(), description.strip(), caller.name(), now);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("name", key.name());
    p.put("verifierKey", key.verifierKey());
    p.put("description", description.strip());
    auditLog.record("lms.publisher.trusted", "publisher-key/" + id, p, List.of());
    return new Publisher(
        id, key.name(), key.verifierKey(), description.strip(), caller.name(), now, null);
  }

  /**
   * Revokes a trusted publisher key: packages it signed are refused from now on; courses already
   * imported stay. Recorded with the reason, and in the audit log.
   */
  @RolesAllowed(Role.SYS_ADMIN_NAME)
  public Publisher revokePublisher(long keyId, String reason) {
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      throw Refusal.invalid("content.error.revokeReason");
    }
    Publisher p =
        publishers().stream()
            .filter(k -> k.id() == keyId)
            .findFirst()
            .orElseThrow(() -> Refusal.notFound("content.error.noKey"));
    if (p.revokedAt() != null) {
      throw Refusal.conflict("content.error.keyRevoked", p.name());
    }
    Instant now = time.now();
    library.revoke(keyId, reason.strip(), caller.name(), now);
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("name", p.name());
    a.put("verifierKey", p.verifierKey());
    a.put("reason", reason.strip());
    auditLog.record("lms.publisher.revoked", "publisher-key/" + keyId, a, List.of());
    return new Publisher(
        p.id(), p.name(), p.verifierKey(), p.description(), p.trustedBy(), p.trustedAt(), now);
  }

  @RolesAllowed({Role.SYS_ADMIN_NAME, Role.EDU_ADMIN_NAME})
  public List<Publisher> publishers() {
    return library.publishers().stream()
        .map(
            k ->
                new Publisher(
                    k.id(),
                    k.name(),
                    k.verifierKey(),
                    k.description(),
                    k.trustedBy(),
                    k.trustedAt(),
                    k.revokedAt()))
        .toList();
  }

  /**
   * A course added to a programme after its cohorts were formed: their members are enrolled in it
   * too, by the cohort they belong to (issue 17: learners never saw courses added later).
   */
  private int enrolCohortsOfTheProgramme(long courseId) {
    return cohorts.enrolCohortsOfTheProgramme(courseId, caller.name(), time.now());
  }

  /**
   * The publisher keys trusted now (none revoked), for another context that opens signed packages
   * of its own kind (issue 19: syllabus packages are content packages signed by the same
   * publishers).
   */
  @RolesAllowed(Role.EDU_ADMIN_NAME)
  public List<NoteKey> trustedPublisherKeys() {
    return trusted();
  }

  private List<NoteKey> trusted() {
    List<NoteKey> keys = new ArrayList<>();
    for (String k : library.trustedVerifierKeys()) {
      keys.add(NoteKey.parseVerifierKey(k));
    }
    return keys;
  }

  /**
   * Takes a package: received to a temporary file with the size limit, verified and extracted to a
   * staging folder, described, recorded, then moved into place. A refusal deletes everything it
   * made; the transaction rolls the rows back.
   */
  @RolesAllowed(Role.EDU_ADMIN_NAME)
  public Imported importPackage(InputStream content, String fileName) {
    return importPackage(content, fileName, null);
  }

  /**
   * An import into a programme the education office chose (its code; an existing programme),
   * instead of the one the package's course.json names; null or blank: the package's own.
   */
  @RolesAllowed(Role.EDU_ADMIN_NAME)
  public Imported importPackage(InputStream content, String fileName, String programmeCode) {
    Long chosenProgramme = null;
    if (programmeCode != null && !programmeCode.isBlank()) {
      chosenProgramme =
          catalogue
              .programmeId(programmeCode.strip())
              .orElseThrow(() -> Refusal.notFound("lms.error.noProgramme"));
    }
    Path root = settings.dir();
    Path tmp = root.resolve("tmp");
    Path staging = tmp.resolve("import-" + UUID.randomUUID());
    Path zip = tmp.resolve("upload-" + UUID.randomUUID() + ".zip");
    Path placed = null;
    boolean kept = false;
    try {
      Files.createDirectories(tmp);
      String sha = receive(content, zip, settings.maxPackageBytes());
      ContentPackage.Opened opened;
      CourseSpec spec;
      try {
        opened = ContentPackage.open(zip, trusted(), settings.limits(), staging, null);
        spec = CourseSpec.read(staging);
        for (CourseSpec.Section s : spec.sections()) {
          for (CourseSpec.Lesson l : s.lessons()) {
            if (l.kind().equals("SCORM")) {
              ScormManifest.read(staging.resolve(l.file()));
            }
          }
        }
      } catch (ContentRefusal r) {
        throw Refusal.invalid("content.error." + r.code(), r.zh(), r.en());
      }
      String id = opened.manifest().id();
      long version = opened.manifest().version();
      java.util.OptionalLong latest = library.latestVersion(id);
      if (latest.isPresent() && latest.getAsLong() >= version) {
        throw Refusal.conflict("content.error.version", id, version, latest.getAsLong());
      }
      placed = root.resolve("packages").resolve(id).resolve(Long.toString(version));
      String contentDir = root.relativize(placed).toString();
      long courseId =
          record(spec, opened, id, version, sha, Files.size(zip), contentDir, chosenProgramme);
      // issue 14: what learners may fetch, listed now; quiz and bank sources are not on it
      listAssets(catalogue, contentDir, CourseAssets.of(staging, spec));
      int catchUp = enrolCohortsOfTheProgramme(courseId);
      if (catchUp > 0) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("course", courseId);
        a.put("package", id);
        a.put("enrolments", (long) catchUp);
        auditLog.record("lms.cohort.enrolledInNewCourse", "course/" + courseId, a, List.of());
      }
      Files.createDirectories(placed.getParent());
      Files.move(staging, placed, StandardCopyOption.ATOMIC_MOVE);
      kept = true;
      int lessons = spec.sections().stream().mapToInt(s -> s.lessons().size()).sum();
      return new Imported(
          id,
          version,
          courseId,
          spec.course().title(),
          lessons,
          spec.quizzes().size(),
          spec.assignments().size());
    } catch (IOException e) {
      throw Refusal.invalid(
          "content.error.io", String.valueOf(e.getMessage()), String.valueOf(e.getMessage()));
    } finally {
      try {
        Files.deleteIfExists(zip);
        if (!kept) {
          TemporaryArea.deleteTree(staging);
        }
      } catch (IOException ignored) {
        // a leftover is cleared at the next start (StartupHousekeeping); the refusal matters more
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
              "content.error.oversized",
              "上传文件超过上限",
              "the upload exceeds the limit of " + (max >> 20) + " MiB");
        }
        md.update(buf, 0, r);
        out.write(buf, 0, r);
      }
    }
    if (n == 0) {
      throw Refusal.invalid("content.error.notZip", "上传的文件为空", "the upload is empty");
    }
    return MerkleTree.hex(md.digest());
  }

  /** The rows: programme, course, lessons, quizzes, assignments by key; the package's record. */
  private long record(
      CourseSpec spec,
      ContentPackage.Opened opened,
      String packageId,
      long version,
      String sha,
      long size,
      String dir,
      Long chosenProgramme)
      throws IOException {
    CourseSpec.Programme pg = spec.programme();
    Long existingProgramme =
        chosenProgramme != null ? chosenProgramme : catalogue.programmeId(pg.code()).orElse(null);
    long programmeId =
        existingProgramme != null
            ? existingProgramme
            : library.insertProgramme(
                pg.code(),
                pg.title(),
                pg.kind(),
                pg.requiredCredits(),
                pg.passMark(),
                pg.nominalMonths(),
                pg.limitMonths());
    Instant now = time.now();
    ContentLibrary.CourseOwner existingCourse = library.course(spec.course().code()).orElse(null);
    long courseId;
    if (existingCourse == null) {
      courseId =
          library.insertCourse(
              spec.course().code(),
              programmeId,
              spec.course().title(),
              spec.course().credits(),
              packageId,
              version,
              dir,
              now);
    } else {
      if (!packageId.equals(existingCourse.packageId())) {
        throw Refusal.conflict(
            "content.error.courseOwner", spec.course().code(), existingCourse.packageId());
      }
      courseId = existingCourse.id();
      library.updateCourse(
          courseId, programmeId, spec.course().title(), spec.course().credits(), version, dir, now);
    }
    // what the new version no longer has is retired, not deleted: progress and grades keep it
    library.retireContent(courseId);
    int sectionNo = 0;
    int position = 0;
    for (CourseSpec.Section s : spec.sections()) {
      sectionNo++;
      for (CourseSpec.Lesson l : s.lessons()) {
        position++;
        library.putLesson(
            courseId, l.key(), sectionNo, s.title(), position, l.title(), l.kind(), l.file());
      }
    }
    for (CourseSpec.Bank b : spec.banks()) {
      String source = Files.readString(opened.folder().resolve(b.file()), StandardCharsets.UTF_8);
      library.putBank(courseId, b.key(), b.title(), source);
    }
    for (CourseSpec.Quiz q : spec.quizzes()) {
      String source =
          q.file() == null
              ? ""
              : Files.readString(opened.folder().resolve(q.file()), StandardCharsets.UTF_8);
      StringBuilder draws = new StringBuilder();
      for (CourseSpec.Draw d : q.draws()) {
        draws
            .append(d.bank())
            .append('\t')
            .append(d.category().replace("\t", " "))
            .append('\t')
            .append(d.count())
            .append('\n');
      }
      library.putQuiz(
          courseId,
          q.key(),
          q.title(),
          q.timeLimitMinutes(),
          q.attempts(),
          q.shuffle(),
          q.passMark(),
          source,
          draws.toString());
    }
    for (CourseSpec.Assignment a : spec.assignments()) {
      StringBuilder rubric = new StringBuilder();
      for (CourseSpec.Criterion c : a.rubric()) {
        rubric
            .append(c.criterion().replace("\t", " ").replace("\n", " "))
            .append('\t')
            .append(c.points())
            .append('\n');
      }
      library.putAssignment(
          courseId,
          a.key(),
          a.title(),
          a.instructions(),
          a.dueDays(),
          a.allowResubmit(),
          a.maxPoints(),
          rubric.toString());
    }
    library.recordPackage(
        packageId,
        version,
        opened.manifest().title(),
        opened.manifest().publisher(),
        opened.signedBy().label(),
        sha,
        size,
        courseId,
        caller.name(),
        now);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("package", packageId);
    p.put("version", version);
    p.put("title", opened.manifest().title());
    p.put("publisher", opened.manifest().publisher());
    p.put("signedBy", opened.signedBy().label());
    p.put("course", spec.course().code());
    auditLog.record(
        "lms.package.imported", "content-package/" + packageId + "/" + version, p, List.of(sha));
    return courseId;
  }

  /** A package imported, with its course's title. */
  public record ImportedPackage(
      String packageId,
      long version,
      String title,
      String publisher,
      String signedBy,
      String importedBy,
      Instant importedAt,
      String course) {}

  /** Packages imported, newest first. */
  @RolesAllowed({Role.SYS_ADMIN_NAME, Role.EDU_ADMIN_NAME})
  public List<ImportedPackage> packages() {
    return library.packages().stream()
        .map(
            p ->
                new ImportedPackage(
                    p.packageId(),
                    p.version(),
                    p.title(),
                    p.publisher(),
                    p.signedBy(),
                    p.importedBy(),
                    p.importedAt(),
                    p.course()))
        .toList();
  }

  /** Records the files of a course learners may fetch (issue 14, finding 3). */
  static void listAssets(CourseCatalogue catalogue, String contentDir, List<String> assets) {
    for (String path : assets) {
      catalogue.listAsset(
          contentDir, path, MerkleTree.sha256Hex(path.getBytes(StandardCharsets.UTF_8)));
    }
  }
}
