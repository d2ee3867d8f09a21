package cn.xinsheng.lms.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Content brought in from outside (ADR 0013): trusted publisher keys and their revocations, the
 * packages imported, and the course rows an import writes, keyed by the package's stable keys (a
 * newer version updates in place; what it no longer has is retired, never deleted).
 */
public interface ContentLibrary {

  record PublisherKey(
      long id,
      String name,
      String verifierKey,
      String description,
      String trustedBy,
      Instant trustedAt,
      Instant revokedAt) {}

  /** A package imported, with its course's title. */
  record ImportedPackage(
      String packageId,
      long version,
      String title,
      String publisher,
      String signedBy,
      String importedBy,
      Instant importedAt,
      String course) {}

  /** A course as an import finds it: which package owns it. */
  record CourseOwner(long id, String packageId) {}

  boolean knowsKey(String verifierKey);

  long trust(String name, String verifierKey, String description, String by, Instant at);

  void revoke(long keyId, String reason, String by, Instant at);

  /** Every key, revoked or not, by id. */
  List<PublisherKey> publishers();

  /** The verifier keys not revoked. */
  List<String> trustedVerifierKeys();

  /** The latest version of the package imported, if any. */
  OptionalLong latestVersion(String packageId);

  long insertProgramme(
      String code,
      String title,
      String kind,
      long requiredCredits,
      long passMark,
      long nominalMonths,
      long limitMonths);

  Optional<CourseOwner> course(String code);

  long insertCourse(
      String code,
      long programmeId,
      String title,
      long credits,
      String packageId,
      long version,
      String contentDir,
      Instant at);

  void updateCourse(
      long courseId,
      long programmeId,
      String title,
      long credits,
      long version,
      String contentDir,
      Instant at);

  /** Retires the course's lessons, quizzes and assignments; the import puts back what it has. */
  void retireContent(long courseId);

  void putLesson(
      long courseId,
      String key,
      long sectionNo,
      String sectionTitle,
      long position,
      String title,
      String kind,
      String file);

  void putBank(long courseId, String key, String title, String questions);

  void putQuiz(
      long courseId,
      String key,
      String title,
      long timeLimitMinutes,
      long attempts,
      boolean shuffle,
      long passMark,
      String questions,
      String draws);

  void putAssignment(
      long courseId,
      String key,
      String title,
      String instructions,
      long dueDays,
      boolean allowResubmit,
      long maxPoints,
      String rubric);

  void recordPackage(
      String packageId,
      long version,
      String title,
      String publisher,
      String signedBy,
      String sha256,
      long size,
      long courseId,
      String by,
      Instant at);

  /** Packages imported, newest first. */
  List<ImportedPackage> packages();
}
