package cn.xinsheng.sentence.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A 死缓 walked through its cases as the case workflow writes them: each granted ruling appends the
 * change {@code SentenceChanges} writes (the reprieve's end to life or, with major merit, to 25
 * years, dated the reprieve's end, 刑法第五十一条; a life term commuted to its new term from the ruling,
 * 刑法第八十条; a reduction), its service day recorded when the case is served (法释〔2016〕23号第四十条第二款), and
 * the engine must give the next case's date and limits from those rows alone. Figures worked out by
 * hand from 刑法第五十条、第七十八条、第八十一条 and 法释〔2016〕23号第十条至第十四条、第二十五条.
 */
class DeathReprieveChainTest {

  private static final EligibilityEngine ENGINE = EligibilityEngine.standard();
  private static final LocalDate START = LocalDate.of(2010, 3, 1);
  private static final LocalDate REPRIEVE_ENDS = LocalDate.of(2012, 3, 1);

  private static LocalDate d(String s) {
    return LocalDate.parse(s);
  }

  private static SentenceRecord dr(boolean limited, Offence o, List<SentenceChange> changes) {
    return new SentenceRecord(
        SentenceKind.DEATH_REPRIEVE,
        null,
        START,
        0,
        limited,
        false,
        Set.of(o),
        false,
        PropertyPenalty.NONE,
        false,
        false,
        changes);
  }

  private static boolean cites(Evaluation.Reduction r, String article) {
    return r.reasons().stream().anyMatch(x -> x.article().contains(article));
  }

  @Test
  void anOrdinaryReprieveBecomesLifeThenTwentyFourYearsThenIsReduced() {
    List<SentenceChange> rows = new ArrayList<>();
    SentenceRecord r = dr(false, Offence.OTHER, rows);
    assertEquals(SentenceKind.DEATH_REPRIEVE, ENGINE.inExecution(r));
    Evaluation.Reduction atEnd =
        ENGINE.evaluate(r, Performance.REPENTANCE, REPRIEVE_ENDS).reduction();
    assertEquals(Evaluation.Commutation.REPRIEVE_END, atEnd.commutation());
    assertEquals(REPRIEVE_ENDS, atEnd.eligibleFrom());
    assertNull(atEnd.commuteToMaxMonths(), "without major merit the reprieve ends in life");

    // the high court's ruling, whenever it comes, is dated the reprieve's end (刑法第五十一条)
    rows.add(SentenceChange.toLife(REPRIEVE_ENDS));
    r = dr(false, Offence.OTHER, rows);
    assertEquals(SentenceKind.LIFE, ENGINE.inExecution(r));
    // 第十条: three years as life before the first commutation, 悔改并立功 to 24-25 years
    Evaluation.Reduction asLife =
        ENGINE.evaluate(r, Performance.REPENTANCE_AND_MERIT, d("2015-02-28")).reduction();
    assertFalse(asLife.eligible());
    assertEquals(d("2015-03-01"), asLife.eligibleFrom());
    assertEquals(Evaluation.Commutation.LIFE_TO_FIXED, asLife.commutation());
    assertEquals(288, asLife.commuteToMinMonths());
    assertEquals(300, asLife.commuteToMaxMonths());
    assertTrue(
        ENGINE
            .evaluate(r, Performance.REPENTANCE_AND_MERIT, d("2015-03-01"))
            .reduction()
            .eligible());

    // commuted to 24 years by a ruling of 2015-06-10, served 2015-06-15
    rows.add(SentenceChange.toFixed(d("2015-06-10"), 288).served(d("2015-06-15")));
    r = dr(false, Offence.OTHER, rows);
    assertEquals(SentenceKind.FIXED, ENGINE.inExecution(r));
    Evaluation.Reduction afterCommutation =
        ENGINE.evaluate(r, Performance.REPENTANCE, d("2017-06-14")).reduction();
    // 第十条第二款 with 第八条: two years between, from the service (第四十条第二款)
    assertFalse(afterCommutation.eligible());
    assertEquals(d("2017-06-15"), afterCommutation.eligibleFrom());
    assertEquals(9, afterCommutation.maxMonths(), "第六条第二款: 悔改 9 months");
    assertEquals(d("2039-06-10"), afterCommutation.termEnds());
    assertTrue(cites(afterCommutation, "第四十条第二款"));

    // a reduction of 9 months ruled 2017-07-01, served 2017-07-05: two more years
    rows.add(SentenceChange.reduction(d("2017-07-01"), 9).served(d("2017-07-05")));
    r = dr(false, Offence.OTHER, rows);
    Evaluation e = ENGINE.evaluate(r, Performance.REPENTANCE, d("2019-07-04"));
    assertEquals(d("2019-07-05"), e.reduction().eligibleFrom());
    assertEquals(d("2038-09-10"), e.reduction().termEnds());
    // parole: 15 years actually served after the reprieve (法释〔2016〕23号第二十三条第三款)
    assertEquals(d("2027-03-01"), e.parole().eligibleFrom());
  }

  @Test
  void majorMeritDuringTheReprieveGoesStraightToTwentyFiveYears() {
    List<SentenceChange> rows = new ArrayList<>();
    SentenceRecord r = dr(false, Offence.OTHER, rows);
    Evaluation.Reduction atEnd =
        ENGINE.evaluate(r, Performance.MAJOR_MERIT, REPRIEVE_ENDS).reduction();
    // 刑法第五十条第一款: 重大立功 — 25 years when the two years end
    assertEquals(300, atEnd.commuteToMinMonths());
    assertEquals(300, atEnd.commuteToMaxMonths());

    rows.add(SentenceChange.toFixed(REPRIEVE_ENDS, 300).served(d("2012-05-20")));
    r = dr(false, Offence.OTHER, rows);
    assertEquals(SentenceKind.FIXED, ENGINE.inExecution(r));
    Evaluation.Reduction next =
        ENGINE.evaluate(r, Performance.REPENTANCE, d("2014-05-19")).reduction();
    // a commuted term: two years between reductions, from the service
    assertEquals(d("2014-05-20"), next.eligibleFrom());
    assertEquals(d("2037-03-01"), next.termEnds());
  }

  @Test
  void aLimitedReprieveWaitsFiveYearsAsLifeThenSixMonthsAtATime() {
    List<SentenceChange> rows = new ArrayList<>();
    rows.add(SentenceChange.toLife(REPRIEVE_ENDS));
    SentenceRecord r = dr(true, Offence.INTENTIONAL_HOMICIDE, rows);
    Evaluation life = ENGINE.evaluate(r, Performance.MERIT, d("2017-02-28"));
    // 第十三条: five years as life; 第十一条's range (立功: 23-25 years)
    assertEquals(d("2017-03-01"), life.reduction().eligibleFrom());
    assertFalse(life.reduction().eligible());
    assertEquals(276, life.reduction().commuteToMinMonths());
    assertEquals(300, life.reduction().commuteToMaxMonths());
    assertTrue(cites(life.reduction(), "第十三条"));
    // 刑法第八十一条第二款, 第二十五条第二款: no parole, also after commutation
    assertTrue(life.parole().barred());

    rows.add(SentenceChange.toFixed(d("2017-04-01"), 300).served(d("2017-04-06")));
    r = dr(true, Offence.INTENTIONAL_HOMICIDE, rows);
    Evaluation.Reduction fixed =
        ENGINE.evaluate(r, Performance.REPENTANCE_AND_MERIT, d("2019-04-06")).reduction();
    // 第十四条: at most 6 months, two years apart (from the service)
    assertTrue(fixed.eligible());
    assertEquals(d("2019-04-06"), fixed.eligibleFrom());
    assertEquals(6, fixed.maxMonths());
    Evaluation.Reduction major =
        ENGINE.evaluate(r, Performance.MAJOR_MERIT, d("2019-04-06")).reduction();
    assertEquals(12, major.maxMonths(), "第十四条: with major merit at most a year");
  }

  @Test
  void aLimitedReprieveAtTwentyFiveYearsServesTwentyYears() {
    // 刑法第七十八条第二款第（三）项: 限制减刑 commuted to 25 years at the reprieve's end — at least 20
    // years actually served after it, so the term may not end before 2032-03-01
    List<SentenceChange> rows = new ArrayList<>();
    rows.add(SentenceChange.toFixed(REPRIEVE_ENDS, 300));
    rows.add(SentenceChange.reduction(d("2014-03-01"), 12));
    rows.add(SentenceChange.reduction(d("2016-03-01"), 12));
    rows.add(SentenceChange.reduction(d("2018-03-01"), 12));
    rows.add(SentenceChange.reduction(d("2020-03-01"), 12));
    rows.add(SentenceChange.reduction(d("2022-03-01"), 6));
    SentenceRecord r = dr(true, Offence.ROBBERY, rows);
    // 54 months taken: the end is 2032-09-01; major merit would allow 12 (第十四条), the floor 6
    Evaluation.Reduction six =
        ENGINE.evaluate(r, Performance.REPENTANCE_AND_MAJOR_MERIT, d("2026-03-01")).reduction();
    assertEquals(d("2032-09-01"), six.termEnds());
    assertEquals(6, six.maxMonths());
    assertEquals("刑法第七十八条第二款第三项", six.limitArticle());

    rows.add(SentenceChange.reduction(d("2024-03-01"), 6));
    r = dr(true, Offence.ROBBERY, rows);
    Evaluation.Reduction none =
        ENGINE.evaluate(r, Performance.REPENTANCE_AND_MAJOR_MERIT, d("2026-03-01")).reduction();
    // at the floor: nothing more may be taken
    assertEquals(d("2032-03-01"), none.termEnds());
    assertEquals(0, none.maxMonths());
    assertFalse(none.eligible());
  }
}
