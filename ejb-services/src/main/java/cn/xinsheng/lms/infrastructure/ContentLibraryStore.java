package cn.xinsheng.lms.infrastructure;

import static cn.xinsheng.lms.infrastructure.NativeSql.exec;
import static cn.xinsheng.lms.infrastructure.NativeSql.exists;
import static cn.xinsheng.lms.infrastructure.NativeSql.first;
import static cn.xinsheng.lms.infrastructure.NativeSql.list;
import static cn.xinsheng.platform.SqlValues.instant;
import static cn.xinsheng.platform.SqlValues.num;

import cn.xinsheng.lms.domain.ContentLibrary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@link ContentLibrary} in native SQL (ADR 0013): upserts keyed by the package's stable keys, so a
 * newer version keeps the ids learners' progress points at.
 */
@ApplicationScoped
public class ContentLibraryStore implements ContentLibrary {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @Override
  public boolean knowsKey(String verifierKey) {
    return exists(em, "SELECT id FROM publisher_key WHERE verifier_key = ?1", verifierKey);
  }

  @Override
  public long trust(String name, String verifierKey, String description, String by, Instant at) {
    return NativeSql.insert(
        em,
        "INSERT INTO publisher_key (name, verifier_key, description, trusted_by, trusted_at)"
            + " VALUES (?1, ?2, ?3, ?4, ?5)",
        name,
        verifierKey,
        description,
        by,
        at);
  }

  @Override
  public void revoke(long keyId, String reason, String by, Instant at) {
    exec(
        em,
        "INSERT INTO publisher_key_revocation (key_id, reason, revoked_by, revoked_at) VALUES (?1, ?2, ?3, ?4)",
        keyId,
        reason,
        by,
        at);
  }

  @Override
  public List<PublisherKey> publishers() {
    return list(
        em,
        "SELECT k.id, k.name, k.verifier_key, k.description, k.trusted_by, k.trusted_at, r.revoked_at"
            + " FROM publisher_key k LEFT JOIN publisher_key_revocation r ON r.key_id = k.id ORDER BY k.id",
        r ->
            new PublisherKey(
                num(r[0]),
                (String) r[1],
                (String) r[2],
                (String) r[3],
                (String) r[4],
                instant(r[5]),
                instant(r[6])));
  }

  @Override
  public List<String> trustedVerifierKeys() {
    return list(
        em,
        "SELECT verifier_key FROM publisher_key k WHERE NOT EXISTS"
            + " (SELECT 1 FROM publisher_key_revocation r WHERE r.key_id = k.id)",
        r -> (String) r[0]);
  }

  @Override
  public OptionalLong latestVersion(String packageId) {
    return first(
            em,
            "SELECT MAX(version) FROM content_package WHERE package_id = ?1",
            r -> r[0] == null ? null : num(r[0]),
            packageId)
        .map(OptionalLong::of)
        .orElse(OptionalLong.empty());
  }

  @Override
  public long insertProgramme(
      String code,
      String title,
      String kind,
      long requiredCredits,
      long passMark,
      long nominalMonths,
      long limitMonths) {
    return NativeSql.insert(
        em,
        "INSERT INTO programme (code, title, kind, required_credits, pass_mark, nominal_months, limit_months)"
            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        code,
        title,
        kind,
        requiredCredits,
        passMark,
        nominalMonths,
        limitMonths);
  }

  @Override
  public Optional<CourseOwner> course(String code) {
    return first(
        em,
        "SELECT id, package_id FROM course WHERE code = ?1",
        r -> new CourseOwner(num(r[0]), (String) r[1]),
        code);
  }

  @Override
  public long insertCourse(
      String code,
      long programmeId,
      String title,
      long credits,
      String packageId,
      long version,
      String contentDir,
      Instant at) {
    return NativeSql.insert(
        em,
        "INSERT INTO course (code, programme_id, title, credits, package_id, package_version, content_dir, updated_at)"
            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        code,
        programmeId,
        title,
        credits,
        packageId,
        version,
        contentDir,
        at);
  }

  @Override
  public void updateCourse(
      long courseId,
      long programmeId,
      String title,
      long credits,
      long version,
      String contentDir,
      Instant at) {
    exec(
        em,
        "UPDATE course SET programme_id = ?1, title = ?2, credits = ?3, package_version = ?4, content_dir = ?5, updated_at = ?6 WHERE id = ?7",
        programmeId,
        title,
        credits,
        version,
        contentDir,
        at,
        courseId);
  }

  @Override
  public void retireContent(long courseId) {
    exec(em, "UPDATE lesson SET active = FALSE WHERE course_id = ?1", courseId);
    exec(em, "UPDATE quiz SET active = FALSE WHERE course_id = ?1", courseId);
    exec(em, "UPDATE assignment SET active = FALSE WHERE course_id = ?1", courseId);
  }

  @Override
  public void putLesson(
      long courseId,
      String key,
      long sectionNo,
      String sectionTitle,
      long position,
      String title,
      String kind,
      String file) {
    exec(
        em,
        "INSERT INTO lesson (course_id, lesson_key, section_no, section_title, position, title, kind, file, active)"
            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, TRUE) ON DUPLICATE KEY UPDATE section_no = VALUES(section_no),"
            + " section_title = VALUES(section_title), position = VALUES(position), title = VALUES(title),"
            + " kind = VALUES(kind), file = VALUES(file), active = TRUE",
        courseId,
        key,
        sectionNo,
        sectionTitle,
        position,
        title,
        kind,
        file);
  }

  @Override
  public void putBank(long courseId, String key, String title, String questions) {
    exec(
        em,
        "INSERT INTO question_bank (course_id, bank_key, title, questions) VALUES (?1, ?2, ?3, ?4)"
            + " ON DUPLICATE KEY UPDATE title = VALUES(title), questions = VALUES(questions)",
        courseId,
        key,
        title,
        questions);
  }

  @Override
  public void putQuiz(
      long courseId,
      String key,
      String title,
      long timeLimitMinutes,
      long attempts,
      boolean shuffle,
      long passMark,
      String questions,
      String draws) {
    exec(
        em,
        "INSERT INTO quiz (course_id, quiz_key, title, time_limit_minutes, attempts, shuffle, pass_mark, questions, draws, active)"
            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, TRUE) ON DUPLICATE KEY UPDATE title = VALUES(title),"
            + " time_limit_minutes = VALUES(time_limit_minutes), attempts = VALUES(attempts), shuffle = VALUES(shuffle),"
            + " pass_mark = VALUES(pass_mark), questions = VALUES(questions), draws = VALUES(draws), active = TRUE",
        courseId,
        key,
        title,
        timeLimitMinutes,
        attempts,
        shuffle,
        passMark,
        questions,
        draws);
  }

  @Override
  public void putAssignment(
      long courseId,
      String key,
      String title,
      String instructions,
      long dueDays,
      boolean allowResubmit,
      long maxPoints,
      String rubric) {
    exec(
        em,
        "INSERT INTO assignment (course_id, assignment_key, title, instructions, due_days, allow_resubmit, max_points, rubric, active)"
            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, TRUE) ON DUPLICATE KEY UPDATE title = VALUES(title),"
            + " instructions = VALUES(instructions), due_days = VALUES(due_days), allow_resubmit = VALUES(allow_resubmit),"
            + " max_points = VALUES(max_points), rubric = VALUES(rubric), active = TRUE",
        courseId,
        key,
        title,
        instructions,
        dueDays,
        allowResubmit,
        maxPoints,
        rubric);
  }

  @Override
  public void recordPackage(
      String packageId,
      long version,
      String title,
      String publisher,
      String signedBy,
      String sha256,
      long size,
      long courseId,
      String by,
      Instant at) {
    exec(
        em,
        "INSERT INTO content_package (package_id, version, title, publisher, signed_by, sha256, size_bytes, course_id,"
            + " imported_by, imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        packageId,
        version,
        title,
        publisher,
        signedBy,
        sha256,
        size,
        courseId,
        by,
        at);
  }

  @Override
  public List<ImportedPackage> packages() {
    return list(
        em,
        "SELECT p.package_id, p.version, p.title, p.publisher, p.signed_by, p.imported_by, p.imported_at, c.title"
            + " FROM content_package p JOIN course c ON c.id = p.course_id ORDER BY p.id DESC",
        r ->
            new ImportedPackage(
                (String) r[0],
                num(r[1]),
                (String) r[2],
                (String) r[3],
                (String) r[4],
                (String) r[5],
                instant(r[6]),
                (String) r[7]));
  }
}
