package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.lms.application.AssignmentService;
import cn.xinsheng.lms.application.ContentImportService;
import cn.xinsheng.lms.application.EducationCreditService;
import cn.xinsheng.lms.application.EnrolmentService;
import cn.xinsheng.lms.application.GradebookService;
import cn.xinsheng.lms.application.LearningService;
import cn.xinsheng.lms.application.QuestionBanks;
import cn.xinsheng.lms.application.QuizMarking;
import cn.xinsheng.lms.application.QuizService;
import cn.xinsheng.lms.domain.Cohorts;
import cn.xinsheng.lms.domain.ContentLibrary;
import cn.xinsheng.lms.domain.CourseCatalogue;
import cn.xinsheng.lms.domain.EducationCredits;
import cn.xinsheng.lms.domain.QuizAttempts;
import cn.xinsheng.lms.domain.ScormTracking;
import cn.xinsheng.lms.domain.StudyProgress;
import cn.xinsheng.lms.domain.Submissions;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Learning's repositories (issue 13, ADR 0013) in the real container on the shared platform's
 * database: each statement of {@code lms.infrastructure} runs once against the real tables, and
 * what it answers is checked field by field. Every test writes its own course in a transaction it
 * rolls back, so the shared prison is left as it was and no test depends on another.
 */
// run by ServicesIT, which inherits these tests (and ContextPortsChecks'): one container boot
abstract class LearningRepositoryChecks extends ContextPortsChecks {

  @Inject ContentLibrary library;
  @Inject CourseCatalogue catalogue;
  @Inject Cohorts cohorts;
  @Inject StudyProgress progress;
  @Inject QuizAttempts attempts;
  @Inject Submissions submissions;
  @Inject ScormTracking tracking;
  @Inject EducationCredits credits;

  @Inject QuizService quizService;
  @Inject QuizMarking quizMarking;
  @Inject QuestionBanks questionBanks;
  @Inject GradebookService gradebook;
  @Inject EnrolmentService enrolment;
  @Inject ContentImportService imports;
  @Inject AssignmentService assignments;
  @Inject LearningService learning;
  @Inject EducationCreditService educationCredits;

  @Resource jakarta.transaction.UserTransaction transaction;

  @Resource(lookup = "java:app/jdbc/xinsheng")
  DataSource dataSource;

  /** A fixed moment: the rows are rolled back, the values only have to come back as written. */
  private static final Instant AT = Instant.parse("2026-03-02T02:00:00Z");

  private Long number(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() && rs.getObject(1) != null ? rs.getLong(1) : null;
    }
  }

  /** A course of a fresh programme: two lessons, a quiz, an assignment and a bank. */
  private record Course(
      long programme, long course, long lesson1, long lesson2, long quiz, long assignment) {}

  private Course course(String code) {
    long programme = library.insertProgramme("P-" + code, "程序 " + code, "DIPLOMA", 4, 60, 12, 24);
    long course =
        library.insertCourse(
            "C-" + code, programme, "课程 " + code, 2, "pkg-" + code, 3, "packages/x/3", AT);
    library.putLesson(course, "l1", 1, "第一节", 1, "课一", "HTML", "l1.html");
    library.putLesson(course, "l2", 1, "第一节", 2, "课二", "SCORM", "sco/imsmanifest.xml");
    library.putBank(course, "b1", "题库", "[q1] single 1 cat\nQ?\n* yes\n- no\n");
    library.putQuiz(course, "q1", "测验", 30, 2, true, 60, "own", "b1\tcat\t1\n");
    library.putAssignment(course, "a1", "作业", "写一段", 7, true, 10, "内容\t6\n格式\t4\n");
    long lesson1 = catalogue.neighbour(course, 0, false).orElseThrow();
    long lesson2 = catalogue.neighbour(course, 1, false).orElseThrow();
    long quiz = catalogue.activeQuizzes(course).get(0).id();
    long assignment = catalogue.activeAssignments(course).get(0).id();
    return new Course(programme, course, lesson1, lesson2, quiz, assignment);
  }

  /** A track with its scores at the scale they compare by (the columns have their own). */
  private static ScormTracking.Track norm(ScormTracking.Track t) {
    return new ScormTracking.Track(
        t.lessonId(),
        t.sco(),
        t.standard(),
        t.lessonStatus(),
        t.successStatus(),
        t.scoreRaw() == null ? null : t.scoreRaw().stripTrailingZeros(),
        t.scoreMin() == null ? null : t.scoreMin().stripTrailingZeros(),
        t.scoreMax() == null ? null : t.scoreMax().stripTrailingZeros(),
        t.lessonLocation(),
        t.suspendData(),
        t.totalSeconds(),
        t.exit(),
        t.kept(),
        t.session(),
        t.seq(),
        t.sessionSeconds());
  }

  private long anInmate() throws SQLException {
    return number("SELECT MIN(id) FROM inmate");
  }

  @Test
  void theCatalogueAnswersWhatAnImportWrote() throws Exception {
    transaction.begin();
    try {
      Course c = course("RT1");
      assertEquals(c.programme(), catalogue.programmeId("P-RT1").orElseThrow());
      assertTrue(catalogue.programmeId("P-NONE").isEmpty());
      CourseCatalogue.Programme p =
          catalogue.programmes().stream()
              .filter(x -> x.code().equals("P-RT1"))
              .findFirst()
              .orElseThrow();
      assertEquals(
          new CourseCatalogue.Programme(c.programme(), "P-RT1", "程序 RT1", "DIPLOMA", 4, 60, 1), p);
      assertEquals(List.of(c.course()), catalogue.courseIdsOfProgramme(c.programme()));
      assertEquals(new CourseCatalogue.Terms(2, 2, 60), catalogue.terms(c.course()).orElseThrow());
      assertEquals(
          new CourseCatalogue.Lesson(
              c.lesson2(), c.course(), "课二", "SCORM", "sco/imsmanifest.xml", "packages/x/3", 2),
          catalogue.activeLesson(c.lesson2()).orElseThrow());
      assertEquals(c.lesson1(), catalogue.neighbour(c.course(), 2, true).orElseThrow());
      assertTrue(catalogue.neighbour(c.course(), 2, false).isEmpty());
      assertEquals(
          new CourseCatalogue.Quiz(
              c.quiz(), c.course(), "测验", 30, 2, true, 60, "own", "b1\tcat\t1\n"),
          catalogue.activeQuiz(c.quiz()).orElseThrow());
      assertEquals(
          new CourseCatalogue.Assignment(
              c.assignment(), c.course(), "作业", "写一段", 7, true, 10, "内容\t6\n格式\t4\n"),
          catalogue.activeAssignment(c.assignment()).orElseThrow());
      assertEquals(List.of("b1"), catalogue.banks(c.course()).stream().map(b -> b.key()).toList());
      assertTrue(catalogue.all().stream().anyMatch(x -> x.id() == c.course()));

      // a newer version retires what it no longer has and updates in place what it keeps
      library.updateCourse(c.course(), c.programme(), "课程 RT1 新", 3, 4, "packages/x/4", AT);
      library.retireContent(c.course());
      library.putLesson(c.course(), "l1", 1, "第一节", 1, "课一改", "HTML", "l1.html");
      assertEquals("课一改", catalogue.activeLesson(c.lesson1()).orElseThrow().title());
      assertTrue(catalogue.activeLesson(c.lesson2()).isEmpty(), "retired");
      assertTrue(catalogue.activeQuiz(c.quiz()).isEmpty(), "retired");
      assertTrue(catalogue.activeAssignments(c.course()).isEmpty(), "retired");
      assertEquals(new CourseCatalogue.Terms(1, 3, 60), catalogue.terms(c.course()).orElseThrow());
      assertEquals(
          new ContentLibrary.CourseOwner(c.course(), "pkg-RT1"),
          library.course("C-RT1").orElseThrow());

      // the list of files learners may fetch
      assertFalse(catalogue.hasAssetList("packages/x/4"));
      catalogue.listAsset("packages/x/4", "l1.html", "aa");
      catalogue.listAsset("packages/x/4", "l1.html", "aa");
      assertTrue(catalogue.hasAssetList("packages/x/4"));
      assertTrue(catalogue.listsAsset("packages/x/4", "l1.html", "aa"));
      assertFalse(catalogue.listsAsset("packages/x/4", "l2.html", "bb"));
    } finally {
      transaction.rollback();
    }
  }

  @Test
  void theLibraryKeepsKeysRevocationsAndPackages() throws Exception {
    transaction.begin();
    try {
      long key = library.trust("测试出版社", "rt-verifier-key", "测试", "sysadmin1", AT);
      assertTrue(library.knowsKey("rt-verifier-key"));
      assertTrue(library.trustedVerifierKeys().contains("rt-verifier-key"));
      ContentLibrary.PublisherKey k =
          library.publishers().stream().filter(x -> x.id() == key).findFirst().orElseThrow();
      assertEquals("测试出版社", k.name());
      assertEquals(AT, k.trustedAt());
      assertNull(k.revokedAt());
      library.revoke(key, "丢失", "sysadmin1", AT.plusSeconds(60));
      assertFalse(library.trustedVerifierKeys().contains("rt-verifier-key"));
      assertEquals(
          AT.plusSeconds(60),
          library.publishers().stream()
              .filter(x -> x.id() == key)
              .findFirst()
              .orElseThrow()
              .revokedAt());

      Course c = course("RT2");
      assertTrue(library.latestVersion("pkg-RT2").isEmpty());
      library.recordPackage(
          "pkg-RT2", 3, "包", "出版社", "签名", "0".repeat(64), 10, c.course(), "eduadmin1", AT);
      assertEquals(3, library.latestVersion("pkg-RT2").getAsLong());
      assertEquals(
          new ContentLibrary.ImportedPackage(
              "pkg-RT2", 3, "包", "出版社", "签名", "eduadmin1", AT, "课程 RT2"),
          library.packages().get(0));
    } finally {
      transaction.rollback();
    }
  }

  @Test
  void cohortsEnrolAndATeacherReachesOnlyHisOwn() throws Exception {
    long inmate = anInmate();
    transaction.begin();
    try {
      Course c = course("RT3");
      long cohort =
          cohorts.insert(
              "测试班", c.programme(), "teacher1", LocalDate.of(2026, 3, 2), "eduadmin1", AT);
      assertEquals(1, cohorts.enrol(inmate, c.course(), cohort, "eduadmin1", AT));
      assertEquals(0, cohorts.enrol(inmate, c.course(), cohort, "eduadmin1", AT), "once");
      Cohorts.Cohort h = cohorts.all().get(0);
      assertEquals(
          new Cohorts.Cohort(cohort, "测试班", "程序 RT3", "teacher1", LocalDate.of(2026, 3, 2), 1), h);
      assertEquals(
          new Cohorts.Enrolment("课程 RT3", "程序 RT3", AT, 2),
          cohorts.enrolment(inmate, c.course()).orElseThrow());
      assertTrue(cohorts.coursesOf(inmate).stream().anyMatch(x -> x.id() == c.course()));
      assertTrue(cohorts.programmesOf(inmate).stream().anyMatch(x -> x.id() == c.programme()));
      assertEquals(List.of(c.course()), cohorts.courseIdsOf(inmate, c.programme()));
      assertEquals(
          List.of(inmate),
          cohorts.learners(c.course(), null).stream().map(l -> l.inmateId()).toList());
      assertEquals(1, cohorts.learners(c.course(), "teacher1").size());
      assertEquals(List.of(), cohorts.learners(c.course(), "teacher2"), "another teacher's");
      assertTrue(cohorts.inmatesTaughtBy("teacher1").contains(inmate));
      assertTrue(cohorts.allEnrolled().contains(inmate));
      assertTrue(catalogue.taughtBy(c.course(), "teacher1"));
      assertFalse(catalogue.taughtBy(c.course(), "teacher2"));
      assertTrue(
          catalogue.followedByCohortsOf("teacher1").stream().anyMatch(x -> x.id() == c.course()));

      // a course added to the programme later reaches the cohort's members (issue 17)
      long later =
          library.insertCourse("C-RT3b", c.programme(), "后加", 1, "pkg-RT3b", 1, "packages/y/1", AT);
      assertEquals(1, cohorts.enrolCohortsOfTheProgramme(later, "eduadmin1", AT));
      assertTrue(cohorts.enrolment(inmate, later).isPresent());
    } finally {
      transaction.rollback();
    }
  }

  @Test
  void progressAddsTimeAndKeepsTheFirstCompletion() throws Exception {
    long inmate = anInmate();
    transaction.begin();
    try {
      Course c = course("RT4");
      long cohort =
          cohorts.insert("班", c.programme(), "teacher1", LocalDate.of(2026, 3, 2), "x", AT);
      cohorts.enrol(inmate, c.course(), cohort, "x", AT);
      assertTrue(progress.position(inmate, c.lesson1()).isEmpty());
      progress.seen(inmate, c.lesson1(), AT);
      assertEquals(0, progress.position(inmate, c.lesson1()).orElseThrow());
      assertEquals(
          c.lesson1(),
          progress.nextLessons(inmate).stream()
              .filter(t -> t.courseTitle().equals("课程 RT4"))
              .findFirst()
              .orElseThrow()
              .id());
      progress.record(inmate, c.lesson1(), 40, 100, AT, AT);
      progress.record(inmate, c.lesson1(), 50, 20, null, AT.plusSeconds(60));
      assertEquals(50, progress.position(inmate, c.lesson1()).orElseThrow());
      assertEquals(120, progress.secondsSpent(c.course(), inmate));
      assertEquals(1, progress.completedLessons(c.course(), inmate), "the first completion stays");
      List<StudyProgress.LessonProgress> lessons = progress.lessons(c.course(), inmate);
      assertEquals(
          new StudyProgress.LessonProgress(c.lesson1(), 1, "第一节", "课一", "HTML", true, 50),
          lessons.get(0));
      assertFalse(lessons.get(1).done());
      assertEquals(
          c.lesson2(),
          progress.nextLessons(inmate).stream()
              .filter(t -> t.courseTitle().equals("课程 RT4"))
              .findFirst()
              .orElseThrow()
              .id());
      assertTrue(progress.openQuizzes(inmate).stream().anyMatch(t -> t.id() == c.quiz()));
      StudyProgress.ToDo due =
          progress.assignmentsNotHandedIn(inmate).stream()
              .filter(t -> t.id() == c.assignment())
              .findFirst()
              .orElseThrow();
      assertEquals(AT, due.enrolledAt());
      assertEquals(7, due.dueDays());

      // SCORM tracking: one row per SCO, replaced at each commit; its time counts as study
      ScormTracking.Track t =
          new ScormTracking.Track(
              c.lesson2(),
              "sco1",
              "1.2",
              "passed",
              "unknown",
              new BigDecimal("8.00"),
              BigDecimal.ZERO,
              BigDecimal.TEN,
              "p3",
              "data",
              300,
              "suspend",
              "{\"a\":\"b\"}",
              "s1",
              2,
              30);
      tracking.store(inmate, t, true, AT);
      assertEquals(norm(t), norm(tracking.find(inmate, c.lesson2(), "sco1", true).orElseThrow()));
      ScormTracking.Track again =
          new ScormTracking.Track(
              c.lesson2(),
              "sco1",
              "1.2",
              "completed",
              "unknown",
              null,
              null,
              null,
              "",
              "",
              360,
              "",
              null,
              "s1",
              3,
              60);
      tracking.store(inmate, again, true, AT);
      assertEquals(
          List.of(again),
          tracking.ofLesson(inmate, c.lesson2()).stream()
              .map(LearningRepositoryChecks::norm)
              .toList());
      assertEquals(
          List.of(again),
          tracking.ofCourse(inmate, c.course()).stream()
              .map(LearningRepositoryChecks::norm)
              .toList());
      assertEquals(120 + 360, progress.secondsSpent(c.course(), inmate));
    } finally {
      transaction.rollback();
    }
  }

  @Test
  void attemptsSubmissionsAndCreditsAsTheTeacherAndTheLedgerSeeThem() throws Exception {
    long inmate = anInmate();
    transaction.begin();
    try {
      Course c = course("RT5");
      long cohort =
          cohorts.insert("班", c.programme(), "teacher1", LocalDate.of(2026, 3, 2), "x", AT);
      cohorts.enrol(inmate, c.course(), cohort, "x", AT);

      long attempt =
          attempts.start(c.quiz(), inmate, 1, AT, AT.plusSeconds(1800), "q1,b1/q1").orElseThrow();
      assertEquals(1, attempts.count(c.quiz(), inmate));
      assertEquals(attempt, attempts.open(c.quiz(), inmate).orElseThrow());
      assertEquals(
          new QuizAttempts.Attempt(attempt, c.quiz(), AT.plusSeconds(1800), "q1,b1/q1"),
          attempts.of(attempt, inmate).orElseThrow());
      assertTrue(attempts.of(attempt, inmate + 1).isEmpty(), "another inmate's");
      assertFalse(attempts.handedIn(attempt));
      attempts.handIn(attempt, "{\"q1\":0}", AT.plusSeconds(60), false);
      assertTrue(attempts.handedIn(attempt));
      assertTrue(attempts.open(c.quiz(), inmate).isEmpty());
      long g1 =
          attempts.grade(
              attempt, new BigDecimal("1.00"), new BigDecimal("3.00"), 1, "{}", "auto", AT);
      long g2 =
          attempts.grade(
              attempt,
              new BigDecimal("2.50"),
              new BigDecimal("3.00"),
              0,
              "{\"_teacher\":{}}",
              "teacher1",
              AT);
      assertEquals("{\"_teacher\":{}}", attempts.latestDetail(attempt).orElseThrow());
      assertEquals(1, attempts.latestScores(c.quiz(), inmate).size(), "the latest grading counts");
      assertEquals(
          0,
          new BigDecimal("2.50").compareTo(attempts.latestScores(c.quiz(), inmate).get(0).score()));
      QuizAttempts.Result r = attempts.results(c.quiz(), inmate).get(0);
      assertEquals(attempt, r.attemptId());
      assertEquals(0, r.pending());
      assertFalse(r.late());
      assertEquals(Set.of(g1, g2), Set.copyOf(attempts.gradingIds(c.course(), inmate)));
      assertTrue(attempts.handedIn(attempt, "teacher1").isPresent());
      assertTrue(attempts.handedIn(attempt, "teacher2").isEmpty(), "another teacher's learner");
      assertEquals(1, attempts.handedInAt(c.quiz(), null).size());
      assertEquals(0, attempts.handedInAt(c.quiz(), "teacher2").size());
      assertTrue(attempts.quizTaughtBy(c.quiz(), "teacher1"));
      assertFalse(attempts.quizTaughtBy(c.quiz(), "teacher2"));
      assertTrue(
          attempts.waitingForTeacher("teacher1").stream().noneMatch(h -> h.attemptId() == attempt),
          "its latest grading is complete");

      long s1 = submissions.insert(c.assignment(), inmate, "第一稿", null, null, AT, false);
      long s2 =
          submissions.insert(
              c.assignment(), inmate, "第二稿", "a.pdf", "f".repeat(64), AT.plusSeconds(5), true);
      assertTrue(submissions.any(c.assignment(), inmate));
      assertEquals(s2, submissions.latest(c.assignment(), inmate).orElseThrow());
      assertTrue(submissions.ungraded("teacher1").stream().anyMatch(u -> u.id() == s2 && u.late()));
      assertTrue(
          submissions.ungraded("teacher1").stream().noneMatch(u -> u.id() == s1),
          "only the latest");
      assertTrue(submissions.ungraded("teacher2").stream().noneMatch(u -> u.id() == s2));
      assertEquals(10, submissions.gradable(s2, "teacher1").orElseThrow().maxPoints());
      assertTrue(submissions.gradable(s2, "teacher2").isEmpty());
      assertEquals(
          new Submissions.File("a.pdf", "f".repeat(64)),
          submissions.file(s2, "teacher1").orElseThrow());
      assertTrue(submissions.file(s1, "teacher1").isEmpty(), "no file");
      assertTrue(submissions.latestPoints(c.assignment(), inmate).isEmpty());
      long grade = submissions.grade(s2, 8, "内容\t5\n格式\t3\n", "好", "teacher1", AT);
      assertEquals(new Submissions.Grade(8, "好"), submissions.latestGrade(s2).orElseThrow());
      assertEquals(8, submissions.latestPoints(c.assignment(), inmate).orElseThrow());
      assertEquals(List.of(grade), submissions.gradeIds(c.course(), inmate));
      List<Submissions.HandIn> mine = submissions.of(c.assignment(), inmate);
      assertEquals(2, mine.size());
      assertNull(mine.get(0).points());
      assertEquals(8, mine.get(1).points());

      List<EducationCredits.Candidate> candidate = credits.candidate(inmate, c.course());
      assertEquals(1, candidate.size());
      assertEquals("DIPLOMA", candidate.get(0).programmeKind());
      assertEquals(2, candidate.get(0).credits());
      long section = number("SELECT section_id FROM inmate WHERE id = " + inmate);
      assertTrue(
          credits.candidatesIn(List.of(section)).stream()
              .anyMatch(x -> x.courseId() == c.course()));
      assertEquals(List.of(), credits.candidatesIn(List.of()));
      assertFalse(credits.credited(inmate, c.course(), 0));
      Long entry = number("SELECT MIN(id) FROM point_entry");
      if (entry != null) {
        long credit = credits.insert(inmate, c.course(), 0, entry, "officer1", AT);
        assertTrue(credits.credited(inmate, c.course(), 0));
        assertEquals(List.of(credit), credits.ids(c.course(), inmate));
      }

      // last: a second attempt numbered 1 is refused by the key, not counted twice
      assertTrue(attempts.start(c.quiz(), inmate, 1, AT, null, "q1").isEmpty());
    } finally {
      transaction.rollback();
    }
  }

  @Test
  void theLearningServicesRefuseACallerWithoutTheRole() {
    // the test runs without a logged-in user: each service boundary itself must refuse
    assertThrows(EJBAccessException.class, () -> quizService.start(1));
    assertThrows(EJBAccessException.class, () -> quizService.results(1));
    assertThrows(EJBAccessException.class, () -> quizMarking.essaysToGrade());
    assertThrows(EJBAccessException.class, () -> quizMarking.regrade(1));
    assertThrows(EJBAccessException.class, () -> questionBanks.bank(1));
    assertThrows(EJBAccessException.class, () -> gradebook.courses());
    assertThrows(EJBAccessException.class, () -> gradebook.mine());
    assertThrows(EJBAccessException.class, () -> enrolment.cohorts());
    assertThrows(EJBAccessException.class, () -> imports.packages());
    assertThrows(EJBAccessException.class, () -> assignments.toGrade());
    assertThrows(EJBAccessException.class, () -> learning.myCourses());
    assertThrows(EJBAccessException.class, () -> educationCredits.achievements());
  }
}
