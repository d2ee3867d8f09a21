package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.music.domain.MusicReaders;
import cn.xinsheng.music.domain.PracticeLog;
import cn.xinsheng.music.domain.Takes;
import cn.xinsheng.music.domain.catalogue.MusicCatalogue;
import cn.xinsheng.music.domain.exam.ExamCredits;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
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
 * Music's repositories (issue 13, ADR 0013) in the real container on the shared platform's
 * database: each statement of {@code music.infrastructure}'s {@code SqlMusicCatalogue}, {@code
 * SqlPracticeLog} and {@code SqlTakes} (and the exam credits' reads) runs against the real tables,
 * and what it answers is checked. Every test writes in a transaction it rolls back, so the shared
 * prison is left as it was.
 */
// run by ServicesIT, which inherits these tests (and LearningRepositoryChecks'): one container boot
abstract class MusicRepositoryChecks extends LearningRepositoryChecks {

  @Inject MusicCatalogue musicCatalogue;
  @Inject PracticeLog practiceLog;
  @Inject Takes takes;
  @Inject ExamCredits examCredits;

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
}
