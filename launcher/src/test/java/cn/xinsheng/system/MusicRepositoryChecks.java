package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.music.domain.MusicReaders;
import cn.xinsheng.music.domain.PracticeLog;
import cn.xinsheng.music.domain.Takes;
import cn.xinsheng.music.domain.catalogue.MusicCatalogue;
import cn.xinsheng.music.domain.exam.Certificates;
import cn.xinsheng.music.domain.exam.Eligibility;
import cn.xinsheng.music.domain.exam.ExamCandidates;
import cn.xinsheng.music.domain.exam.ExamCredits;
import cn.xinsheng.music.domain.exam.ExamGrade;
import cn.xinsheng.music.domain.exam.ExamPanels;
import cn.xinsheng.music.domain.exam.ExamSessions;
import cn.xinsheng.music.domain.exam.MarkSheet;
import cn.xinsheng.music.domain.exam.Placements;
import cn.xinsheng.music.domain.exam.RubricItem;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Music's repositories (issue 13, ADR 0013) in the real container on the shared platform's
 * database: each statement of {@code music.infrastructure}'s {@code SqlMusicCatalogue}, {@code
 * SqlPracticeLog} and {@code SqlTakes}, and of {@code music.infrastructure.exam}'s exam
 * repositories ({@code SqlExamSessions}, {@code SqlPlacements}, {@code SqlExamCandidates}, {@code
 * SqlExamPanels}, {@code SqlCertificates}, the exam credits' reads), runs against the real tables,
 * and what it answers is checked. Every test writes in a transaction it rolls back, so the shared
 * prison is left as it was.
 */
// run by ServicesIT, which inherits these tests (and LearningRepositoryChecks'): one container boot
abstract class MusicRepositoryChecks extends LearningRepositoryChecks {

  @Inject MusicCatalogue musicCatalogue;
  @Inject PracticeLog practiceLog;
  @Inject Takes takes;
  @Inject ExamCredits examCredits;
  @Inject ExamSessions examSessions;
  @Inject Placements placements;
  @Inject ExamCandidates examCandidates;
  @Inject ExamPanels examPanels;
  @Inject Certificates certificates;

  @Resource(lookup = "java:app/jdbc/xinsheng")
  DataSource musicData;

  /** A fixed moment: the rows are rolled back, the values only have to come back as written. */
  private static final Instant WHEN = Instant.parse("2026-03-02T02:00:00Z");

  private static final MusicReaders.Readable EVERYTHING =
      new MusicReaders.Readable(
          new MusicReaders.Scope(true, Set.of(), Set.of(), Set.of()), Set.of());

  private static final MusicReaders.Readable NOBODY =
      new MusicReaders.Readable(
          new MusicReaders.Scope(false, Set.of(), Set.of(), Set.of()), Set.of());

  private long someInmate() throws SQLException {
    try (Connection c = musicData.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT MIN(id) FROM inmate")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** A package with one syllabus (DIZI, level 10, a version no real package has) of one item. */
  private long[] syllabusWithItem() {
    long pkg =
        musicCatalogue.insert(
            new MusicCatalogue.NewPackage(
                "rt.music",
                900001,
                "检查包",
                "测试出版社",
                "测试签名",
                "a".repeat(64),
                123,
                "packages/rt.music/900001",
                "eduadmin1",
                WHEN));
    long syllabus = musicCatalogue.insertSyllabus(pkg, "DIZI", 10, 900001, "笛子十级（检查）");
    musicCatalogue.insert(
        new MusicCatalogue.NewItem(
            syllabus,
            "s1",
            1,
            "SCALE",
            "音阶",
            "1=D",
            72.0,
            "中速",
            30,
            "1 2 3",
            "s1.pdf",
            "application/pdf",
            "s1.wav"));
    long item = musicCatalogue.items(syllabus).get(0).id();
    return new long[] {pkg, syllabus, item};
  }

  @Test
  void theMusicCatalogueAnswersWhatAnImportWrote() throws Exception {
    transaction.begin();
    try {
      assertTrue(musicCatalogue.instruments().stream().anyMatch(i -> i.code().equals("DIZI")));
      assertTrue(musicCatalogue.levels().stream().anyMatch(l -> l.level() == 10));
      long[] s = syllabusWithItem();
      assertEquals(900001, musicCatalogue.newestPackageVersion("rt.music").getAsLong());
      assertTrue(musicCatalogue.newestPackageVersion("rt.none").isEmpty());
      assertEquals(900001, musicCatalogue.newestSyllabusVersion("DIZI", 10).getAsLong());
      MusicCatalogue.Syllabus syllabus = musicCatalogue.syllabus(s[1]).orElseThrow();
      assertEquals("DIZI", syllabus.instrument());
      assertEquals("笛子", syllabus.instrumentZh());
      assertEquals(10, syllabus.level());
      assertEquals("rt.music", syllabus.packageId());
      assertEquals(1, syllabus.items());
      assertTrue(musicCatalogue.syllabiInForce().stream().anyMatch(x -> x.id() == s[1]));
      assertEquals(
          new MusicCatalogue.Item(
              s[2],
              s[1],
              "s1",
              "SCALE",
              "音阶",
              "1=D",
              72.0,
              "中速",
              30,
              "1 2 3",
              "application/pdf",
              "DIZI",
              10),
          musicCatalogue.item(s[2]).orElseThrow());
      assertTrue(musicCatalogue.itemsInForce().stream().anyMatch(x -> x.id() == s[2]));
      assertEquals(
          new MusicCatalogue.ItemFiles(
              "packages/rt.music/900001", "s1.pdf", "application/pdf", "s1.wav"),
          musicCatalogue.itemFiles(s[2]).orElseThrow());
      MusicCatalogue.Package p = musicCatalogue.packages().get(0);
      assertEquals("rt.music", p.packageId());
      assertEquals(WHEN, p.importedAt());
      assertTrue(musicCatalogue.hasInstrument("DIZI"));
      assertFalse(musicCatalogue.hasInstrument("NONE"));
      assertTrue(musicCatalogue.hasActiveInstrument("DIZI"));
      assertFalse(musicCatalogue.hasActiveInstrument("NONE"));
      assertTrue(musicCatalogue.hasItem(s[2]));
      assertTrue(musicCatalogue.itemIsFor(s[2], "DIZI"));
      assertFalse(musicCatalogue.itemIsFor(s[2], "PIPA"));
      assertEquals("DIZI", musicCatalogue.instrumentOfItem(s[2]).orElseThrow());
      assertEquals("音阶", musicCatalogue.itemTitles().get(s[2]));
    } finally {
      transaction.rollback();
    }
  }

  @Test
  void thePracticeLogAndTheTakesAnswerWhatWasWritten() throws Exception {
    transaction.begin();
    try {
      long inmate = someInmate();
      long[] s = syllabusWithItem();
      long entry =
          practiceLog.insert(
              inmate, "DIZI", LocalDate.of(2026, 3, 2), 45, String.valueOf(s[2]), "练音阶", "x", WHEN);
      MusicReaders.Readable his =
          new MusicReaders.Readable(
              new MusicReaders.Scope(false, Set.of(inmate), Set.of(), Set.of()), Set.of());
      PracticeLog.Entry e =
          practiceLog.entries(his).stream().filter(x -> x.id() == entry).findFirst().orElseThrow();
      assertEquals(
          new PracticeLog.Entry(
              entry,
              inmate,
              "笛子",
              "dizi",
              LocalDate.of(2026, 3, 2),
              45,
              String.valueOf(s[2]),
              "练音阶",
              WHEN),
          e);
      assertTrue(practiceLog.entries(NOBODY).isEmpty());

      long take =
          takes.insert(
              new Takes.NewTake(
                  inmate,
                  "DIZI",
                  s[2],
                  "PRACTICE",
                  "UPLOAD",
                  "b".repeat(64),
                  "audio/wav",
                  "WAV",
                  1000,
                  2.5,
                  "teacher1",
                  WHEN));
      takes.queueAnalysis(take, WHEN);
      Takes.Take t = takes.find(take, EVERYTHING).orElseThrow();
      assertEquals(inmate, t.inmateId());
      assertEquals("音阶", t.itemTitle());
      assertEquals("QUEUED", t.state());
      assertEquals(WHEN, t.recordedAt());
      assertTrue(takes.find(take, NOBODY).isEmpty());
      assertTrue(takes.readable(his).stream().anyMatch(x -> x.id() == take));
      // an examiner reads an exam take he is on the panel of, never a practice take
      MusicReaders.Readable panel =
          new MusicReaders.Readable(
              new MusicReaders.Scope(false, Set.of(), Set.of(), Set.of(take)), Set.of());
      assertTrue(takes.find(take, panel).isEmpty());
      assertEquals(inmate, takes.inmateOf(take).orElseThrow());

      assertTrue(takes.claimAnalysis(take, WHEN));
      assertFalse(takes.claimAnalysis(take, WHEN), "claimed once");
      assertEquals(
          new Takes.AnalysisWork("b".repeat(64), "1 2 3"), takes.analysisWork(take).orElseThrow());
      takes.analysisProgress(take, 40);
      assertEquals(40, takes.find(take, EVERYTHING).orElseThrow().progress());
      assertTrue(takes.analysisResult(take).isEmpty());
      takes.analysisDone(take, WHEN, "{}", "c".repeat(64));
      assertEquals("{}", takes.analysisResult(take).orElseThrow());

      long first = takes.insertFeedback(take, "好", null, "teacher1", WHEN);
      long second = takes.insertFeedback(take, "更好", first, "teacher1", WHEN);
      assertTrue(takes.hasFeedback(first, take));
      assertFalse(takes.hasFeedback(first, -1));
      assertEquals(
          List.of(
              new Takes.Feedback(first, "好", null, "teacher1", WHEN),
              new Takes.Feedback(second, "更好", first, "teacher1", WHEN)),
          takes.feedback(take));

      // no exam in this transaction: the performance's statements answer nothing
      assertTrue(takes.onPanelOf("rt-nobody").isEmpty());
      assertTrue(takes.performance(-1).isEmpty());
      assertFalse(takes.seatedOnPanel(-1, "rt-nobody"));
      assertFalse(takes.performanceHasTake(-1));
      assertTrue(examCredits.unconfirmedPass(-1).isEmpty());
      assertTrue(examCredits.unconfirmedPasses(List.of()).isEmpty());
      assertTrue(
          examCredits.unconfirmedPasses(List.of(inmate)).stream()
              .allMatch(x -> x.inmateId() == inmate));
      assertNull(takes.find(take, EVERYTHING).orElseThrow().failureZh());
    } finally {
      transaction.rollback();
    }
  }

  /** An inmate who never sat an exam: his passes are only what the test writes. */
  private long inmateWithoutExams() throws SQLException {
    try (Connection c = musicData.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT MIN(id) FROM inmate WHERE id NOT IN"
                    + " (SELECT inmate_id FROM music_exam_candidate)")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Optional<ExamCandidates.YearTally> tally(
      List<ExamCandidates.YearTally> tallies, int year, String instrument, int level) {
    return tallies.stream()
        .filter(
            t -> t.year() == year && t.instrumentCode().equals(instrument) && t.level() == level)
        .findFirst();
  }

  @Test
  void theExamRepositoriesAnswerWhatAnExamWrote() throws Exception {
    transaction.begin();
    try {
      long inmate = inmateWithoutExams();
      assertTrue(inmate > 0, "the demo prison has an inmate without exams");
      LocalDate day = LocalDate.of(2026, 3, 2);
      String levelZh =
          musicCatalogue.levels().stream()
              .filter(l -> l.level() == 10)
              .findFirst()
              .orElseThrow()
              .nameZh();
      List<ExamCandidates.YearTally> before = examCandidates.tallies();

      // a session and a placement
      long session =
          examSessions.insert(
              new ExamSessions.NewSession(day, "检查考场", "DIZI", 10, "eduadmin1", WHEN));
      assertEquals(new ExamSessions.Examined("DIZI", 10), examSessions.examined(session).get());
      assertTrue(examSessions.examined(-1).isEmpty());
      assertEquals(
          new ExamSessions.Session(session, day, "检查考场", "DIZI", "笛子", 10, levelZh, 0, 0),
          examSessions.all().stream().filter(x -> x.id() == session).findFirst().orElseThrow());
      assertTrue(placements.latest(inmate, "DIZI", 10).isEmpty());
      long first = placements.insert(inmate, "DIZI", 10, "检查：免考九级", "eduadmin1", WHEN);
      long placed = placements.insert(inmate, "DIZI", 10, "检查：再次决定", "eduadmin1", WHEN);
      assertTrue(placed > first);
      assertEquals(
          new Placements.Placement(placed, 10), placements.latest(inmate, "DIZI", 10).get());
      assertTrue(placements.latest(inmate, "DIZI", 9).isEmpty());

      // the registration
      assertFalse(examCandidates.registered(session, inmate));
      assertTrue(examCandidates.highestPassedLevel(inmate, "DIZI").isEmpty());
      long k =
          examCandidates.insert(
              new ExamCandidates.NewCandidate(
                  session, inmate, Eligibility.Basis.PLACEMENT, placed, "eduadmin1", WHEN));
      assertTrue(examCandidates.registered(session, inmate));
      ExamCandidates.Candidate registered =
          new ExamCandidates.Candidate(
              k,
              session,
              day,
              "检查考场",
              "DIZI",
              "笛子",
              10,
              levelZh,
              inmate,
              Eligibility.Basis.PLACEMENT,
              null,
              null,
              false,
              null,
              null,
              null);
      assertEquals(registered, examCandidates.find(k).orElseThrow());
      assertTrue(examCandidates.find(-1).isEmpty());
      assertEquals(List.of(registered), examCandidates.inSession(session));
      assertTrue(examCandidates.all().contains(registered));

      // the panel, a declared conflict and the marks
      assertTrue(examCandidates.inSessionOnPanelOf(session, "rt-examiner1").isEmpty());
      assertTrue(examCandidates.onPanelOf("rt-examiner1").isEmpty());
      examPanels.seat(k, 1, "rt-examiner1", "eduadmin1", WHEN);
      examPanels.seat(k, 2, "rt-examiner2", "eduadmin1", WHEN);
      assertEquals(List.of(registered), examCandidates.inSessionOnPanelOf(session, "rt-examiner1"));
      assertEquals(List.of(registered), examCandidates.onPanelOf("rt-examiner2"));
      assertTrue(examCandidates.onPanelOf("rt-nobody").isEmpty());
      assertFalse(examPanels.declaredConflict("rt-examiner3", inmate));
      assertTrue(examPanels.declareConflict("rt-examiner3", inmate, "曾是邻居", WHEN) > 0);
      assertTrue(examPanels.declaredConflict("rt-examiner3", inmate));
      assertFalse(examPanels.declaredConflict("rt-examiner1", inmate));
      assertEquals(
          new MarkSheet(List.of("rt-examiner1", "rt-examiner2"), Map.of()), examPanels.sheet(k));
      Map<RubricItem, Integer> given = new EnumMap<>(RubricItem.class);
      int score = 14;
      for (RubricItem item : RubricItem.values()) {
        given.put(item, score);
        examPanels.mark(k, "rt-examiner1", item, score++, WHEN);
      }
      assertEquals(
          new MarkSheet(List.of("rt-examiner1", "rt-examiner2"), Map.of("rt-examiner1", given)),
          examPanels.sheet(k));

      // the performance, the result and the certificate
      examCandidates.insert(
          new ExamCandidates.NewPerformance(
              k, "d".repeat(64), "audio/wav", 1000, 2.5, "eduadmin1", WHEN));
      assertEquals("d".repeat(64), examCandidates.find(k).orElseThrow().performanceSha256());
      assertNull(examCandidates.find(k).orElseThrow().performanceTake());
      assertTrue(examCandidates.published().stream().noneMatch(x -> x.id() == k));
      assertTrue(examCandidates.publishedOf(List.of(inmate)).isEmpty());
      assertTrue(examCandidates.publishedOf(List.of()).isEmpty());
      examCandidates.insert(
          new ExamCandidates.NewResult(
              k, new BigDecimal("85.50"), ExamGrade.GOOD, false, "eduadmin1", WHEN));
      assertTrue(certificates.find("RT-CHECK-0001").isEmpty());
      long cert = certificates.insert(k, "RT-CHECK-0001", "e".repeat(64), WHEN);
      assertEquals(
          new Certificates.Certificate(cert, k, "RT-CHECK-0001", "e".repeat(64), inmate),
          certificates.find("RT-CHECK-0001").orElseThrow());

      ExamCandidates.Candidate published = examCandidates.find(k).orElseThrow();
      assertTrue(published.published());
      assertEquals(ExamGrade.GOOD, published.grade());
      assertEquals(0, new BigDecimal("85.5").compareTo(published.total()));
      assertEquals("RT-CHECK-0001", published.certificateCode());
      assertEquals(List.of(published), examCandidates.publishedOf(List.of(inmate)));
      assertTrue(examCandidates.published().contains(published));
      assertEquals(Optional.of(10), examCandidates.highestPassedLevel(inmate, "DIZI"));
      assertTrue(examCandidates.highestPassedLevel(inmate, "PIPA").isEmpty());
      assertEquals(
          new ExamSessions.Session(session, day, "检查考场", "DIZI", "笛子", 10, levelZh, 1, 1),
          examSessions.all().stream().filter(x -> x.id() == session).findFirst().orElseThrow());
      // the statistics count the new pass once, in its year, instrument and level
      ExamCandidates.YearTally was =
          tally(before, 2026, "DIZI", 10)
              .orElse(new ExamCandidates.YearTally(2026, "DIZI", "笛子", 10, 0, 0));
      assertEquals(
          new ExamCandidates.YearTally(
              2026, "DIZI", "笛子", 10, was.candidates() + 1, was.passes() + 1),
          tally(examCandidates.tallies(), 2026, "DIZI", 10).orElseThrow());
    } finally {
      transaction.rollback();
    }
  }
}
