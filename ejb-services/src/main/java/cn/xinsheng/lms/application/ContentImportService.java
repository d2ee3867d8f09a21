package cn.xinsheng.lms.application;

import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.audit.NoteKey;
import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.content.ContentPackage;
import cn.xinsheng.content.ContentRefusal;
import cn.xinsheng.content.CourseSpec;
import cn.xinsheng.content.ScormManifest;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.lms.infrastructure.LearningStore;
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

  @Inject LearningStore store;
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
    if (store
        .one("SELECT id FROM publisher_key WHERE verifier_key = ?1", key.verifierKey())
        .isPresent()) {
      throw Refusal.conflict("content.error.keyKnown", key.name());
    }
    Instant now = time.now();
    long id =
        store.insert(
            "INSERT INTO publisher_key (name, verifier_key, description, trusted_by, trusted_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5)",
            key.name(),
            key.verifierKey(),
            description.strip(),
            caller.name(),
            now);
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
    store.exec(
        "INSERT INTO publisher_key_revocation (key_id, reason, revoked_by, revoked_at) VALUES (?1, ?2, ?3, ?4)",
        keyId,
        reason.strip(),
        caller.name(),
        now);
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
    return store
        .rows(
            "SELECT k.id, k.name, k.verifier_key, k.description, k.trusted_by, k.trusted_at, r.revoked_at"
                + " FROM publisher_key k LEFT JOIN publisher_key_revocation r ON r.key_id = k.id ORDER BY k.id")
        .stream()
        .map(
            r ->
                new Publisher(
                    SqlValues.num(r[0]),
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    SqlValues.instant(r[5]),
                    r[6] == null ? null : SqlValues.instant(r[6])))
        .toList();
  }

  /**
   * A course added to a programme after its cohorts were formed: their members are enrolled in it
   * too, by the cohort they belong to (issue 17: learners never saw courses added later).
   */
  private int enrolCohortsOfTheProgramme(long courseId) {
    return store.exec(
        "INSERT IGNORE INTO enrolment (inmate_id, course_id, cohort_id, enrolled_by, enrolled_at)"
            + " SELECT e.inmate_id, ?1, MIN(e.cohort_id), ?2, ?3 FROM enrolment e JOIN cohort h ON h.id = e.cohort_id"
            + " WHERE h.programme_id = (SELECT programme_id FROM course WHERE id = ?1) GROUP BY e.inmate_id",
        courseId,
        caller.name(),
        time.now());
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
    for (Object[] r :
        store.rows(
            "SELECT verifier_key FROM publisher_key k WHERE NOT EXISTS"
                + " (SELECT 1 FROM publisher_key_revocation r WHERE r.key_id = k.id)")) {
      keys.add(NoteKey.parseVerifierKey((String) r[0]));
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
          store
              .one("SELECT id FROM programme WHERE code = ?1", programmeCode.strip())
              .map(r -> SqlValues.num(r[0]))
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
      Object[] latest =
          store
              .one("SELECT MAX(version) FROM content_package WHERE package_id = ?1", id)
              .orElse(new Object[] {null});
      if (latest[0] != null && SqlValues.num(latest[0]) >= version) {
        throw Refusal.conflict("content.error.version", id, version, SqlValues.num(latest[0]));
      }
      placed = root.resolve("packages").resolve(id).resolve(Long.toString(version));
      String contentDir = root.relativize(placed).toString();
      long courseId =
          record(spec, opened, id, version, sha, Files.size(zip), contentDir, chosenProgramme);
      // issue 14: what learners may fetch, listed now; quiz and bank sources are not on it
      listAssets(store, contentDir, CourseAssets.of(staging, spec));
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
    Object[] existingProgramme =
        chosenProgramme != null
            ? new Object[] {chosenProgramme}
            : store.one("SELECT id FROM programme WHERE code = ?1", pg.code()).orElse(null);
    long programmeId;
    if (existingProgramme == null) {
      programmeId =
          store.insert(
              "INSERT INTO programme (code, title, kind, required_credits, pass_mark, nominal_months, limit_months)"
                  + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
              pg.code(),
              pg.title(),
              pg.kind(),
              pg.requiredCredits(),
              pg.passMark(),
              pg.nominalMonths(),
              pg.limitMonths());
    } else {
      programmeId = SqlValues.num(existingProgramme[0]);
    }
    Instant now = time.now();
    Object[] existingCourse =
        store
            .one("SELECT id, package_id FROM course WHERE code = ?1", spec.course().code())
            .orElse(null);
    long courseId;
    if (existingCourse == null) {
      courseId =
          store.insert(
              "INSERT INTO course (code, programme_id, title, credits, package_id, package_version, content_dir, updated_at)"
                  + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
              spec.course().code(),
              programmeId,
              spec.course().title(),
              spec.course().credits(),
              packageId,
              version,
              dir,
              now);
    } else {
      if (!packageId.equals(existingCourse[1])) {
        throw Refusal.conflict(
            "content.error.courseOwner", spec.course().code(), existingCourse[1]);
      }
      courseId = SqlValues.num(existingCourse[0]);
      store.exec(
          "UPDATE course SET programme_id = ?1, title = ?2, credits = ?3, package_version = ?4, content_dir = ?5, updated_at = ?6 WHERE id = ?7",
          programmeId,
          spec.course().title(),
          spec.course().credits(),
          version,
          dir,
          now,
          courseId);
    }
    store.exec("UPDATE lesson SET active = FALSE WHERE course_id = ?1", courseId);
    int sectionNo = 0;
    int position = 0;
    for (CourseSpec.Section s : spec.sections()) {
      sectionNo++;
      for (CourseSpec.Lesson l : s.lessons()) {
        position++;
        store.exec(
            "INSERT INTO lesson (course_id, lesson_key, section_no, section_title, position, title, kind, file, active)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, TRUE) ON DUPLICATE KEY UPDATE section_no = VALUES(section_no),"
                + " section_title = VALUES(section_title), position = VALUES(position), title = VALUES(title),"
                + " kind = VALUES(kind), file = VALUES(file), active = TRUE",
            courseId,
            l.key(),
            sectionNo,
            s.title(),
            position,
            l.title(),
            l.kind(),
            l.file());
      }
    }
    for (CourseSpec.Bank b : spec.banks()) {
      String source = Files.readString(opened.folder().resolve(b.file()), StandardCharsets.UTF_8);
      store.exec(
          "INSERT INTO question_bank (course_id, bank_key, title, questions) VALUES (?1, ?2, ?3, ?4)"
              + " ON DUPLICATE KEY UPDATE title = VALUES(title), questions = VALUES(questions)",
          courseId,
          b.key(),
          b.title(),
          source);
    }
    store.exec("UPDATE quiz SET active = FALSE WHERE course_id = ?1", courseId);
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
      store.exec(
          "INSERT INTO quiz (course_id, quiz_key, title, time_limit_minutes, attempts, shuffle, pass_mark, questions, draws, active)"
              + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, TRUE) ON DUPLICATE KEY UPDATE title = VALUES(title),"
              + " time_limit_minutes = VALUES(time_limit_minutes), attempts = VALUES(attempts), shuffle = VALUES(shuffle),"
              + " pass_mark = VALUES(pass_mark), questions = VALUES(questions), draws = VALUES(draws), active = TRUE",
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
    store.exec("UPDATE assignment SET active = FALSE WHERE course_id = ?1", courseId);
    for (CourseSpec.Assignment a : spec.assignments()) {
      StringBuilder rubric = new StringBuilder();
      for (CourseSpec.Criterion c : a.rubric()) {
        rubric
            .append(c.criterion().replace("\t", " ").replace("\n", " "))
            .append('\t')
            .append(c.points())
            .append('\n');
      }
      store.exec(
          "INSERT INTO assignment (course_id, assignment_key, title, instructions, due_days, allow_resubmit, max_points, rubric, active)"
              + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, TRUE) ON DUPLICATE KEY UPDATE title = VALUES(title),"
              + " instructions = VALUES(instructions), due_days = VALUES(due_days), allow_resubmit = VALUES(allow_resubmit),"
              + " max_points = VALUES(max_points), rubric = VALUES(rubric), active = TRUE",
          courseId,
          a.key(),
          a.title(),
          a.instructions(),
          a.dueDays(),
          a.allowResubmit(),
          a.maxPoints(),
          rubric.toString());
    }
    store.insert(
        "INSERT INTO content_package (package_id, version, title, publisher, signed_by, sha256, size_bytes, course_id,"
            + " imported_by, imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
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

  /** Packages imported, newest first. */
  @RolesAllowed({Role.SYS_ADMIN_NAME, Role.EDU_ADMIN_NAME})
  public List<Object[]> packages() {
    return store.rows(
        "SELECT p.package_id, p.version, p.title, p.publisher, p.signed_by, p.imported_by, p.imported_at, c.title"
            + " FROM content_package p JOIN course c ON c.id = p.course_id ORDER BY p.id DESC");
  }

  /** Records the files of a course learners may fetch (issue 14, finding 3). */
  static void listAssets(LearningStore store, String contentDir, java.util.List<String> assets) {
    for (String path : assets) {
      store.exec(
          "INSERT IGNORE INTO course_asset (content_dir, path, path_sha256) VALUES (?1, ?2, ?3)",
          contentDir,
          path,
          cn.xinsheng.audit.MerkleTree.sha256Hex(
              path.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
  }
}
