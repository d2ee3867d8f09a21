package cn.xinsheng.sentence.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 16, the court-ruling check: the article a lawful maximum rests on is the one of the rule
 * that computed it, and the reason that gave the maximum carries the same article. A refusal above
 * the limit names it; before, every fixed term's refusal named 第六条第二款 and every life term's 第八条,
 * also for the strict categories of 第七条, 第九条 and 第十一条. Article numbers are those of 法释〔2016〕23号
 * unless another source is named.
 */
class LimitArticleTest {

  private static final EligibilityEngine ENGINE = EligibilityEngine.standard();
  private static final String A = "法释〔2016〕23号";
  private static final LocalDate START = LocalDate.of(2020, 3, 15);

  private static SentenceRecord record(
      SentenceKind kind,
      Integer months,
      Set<Offence> offences,
      boolean recidivist,
      PropertyPenalty property,
      boolean twoCrimes,
      List<SentenceChange> changes) {
    return new SentenceRecord(
        kind,
        months,
        START,
        0,
        false,
        false,
        offences,
        recidivist,
        property,
        false,
        false,
        false,
        false,
        null,
        twoCrimes,
        changes);
  }

  private static SentenceRecord fixed(int months, Offence... offences) {
    return record(
        SentenceKind.FIXED,
        months,
        EnumSet.copyOf(List.of(offences)),
        false,
        PropertyPenalty.NONE,
        false,
        List.of());
  }

  private static Evaluation.Reduction on(SentenceRecord r, Performance p, LocalDate day) {
    return ENGINE.evaluate(r, p, day).reduction();
  }

  /** The limit's article is the maximum's own reason's article, never another rule's. */
  private static void limitRestsOn(Evaluation.Reduction r, String key, String article) {
    assertEquals(A + article, r.limitArticle(), r.reasons().toString());
    Reason max = r.reasons().stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow();
    assertEquals(r.limitArticle(), max.article(), "the reason and the limit agree");
  }

  @Test
  void anOrdinaryFixedTermRestsOnArticleSixParagraphTwo() {
    // 第六条第二款: 确有悔改表现 at most 9 months in one reduction
    Evaluation.Reduction r =
        on(fixed(36, Offence.OTHER), Performance.REPENTANCE, LocalDate.of(2021, 3, 15));
    assertTrue(r.eligible());
    assertEquals(9, r.maxMonths());
    limitRestsOn(r, "MAX_BY_PERFORMANCE", "第六条第二款");
  }

  /**
   * 第七条第一款: 职务犯罪, 破坏金融管理秩序和金融诈骗, 黑社会性质组织, 危害国家安全, 恐怖活动, 毒品犯罪集团的首要分子及毒品再犯 sentenced to ten years or
   * less: at most one year, whatever the performance.
   */
  @ParameterizedTest
  @EnumSource(
      value = Offence.class,
      names = {
        "DUTY_CRIME",
        "FINANCIAL_ORDER",
        "FINANCIAL_FRAUD",
        "ORGANISED_CRIME",
        "STATE_SECURITY",
        "TERRORISM",
        "DRUG_RINGLEADER",
        "DRUG_REOFFENDER"
      })
  void aStrictCategoryOfTenYearsOrLessRestsOnArticleSevenParagraphOne(Offence o) {
    LocalDate twoYears = START.plusMonths(24);
    Evaluation.Reduction r = on(fixed(96, o), Performance.REPENTANCE_AND_MAJOR_MERIT, twoYears);
    assertTrue(r.eligible(), r.reasons().toString());
    assertEquals(12, r.maxMonths(), "第七条第一款: 一次减刑不超过一年有期徒刑");
    limitRestsOn(r, "MAX_STRICT", "第七条第一款");
    // ten years exactly is still "十年以下" (刑法第九十九条: 以下包括本数)
    limitRestsOn(on(fixed(120, o), Performance.REPENTANCE, twoYears), "MAX_STRICT", "第七条第一款");
  }

  /** 第七条第二款: "对被判处十年以上有期徒刑的前款罪犯" — the same categories above ten years. */
  @ParameterizedTest
  @EnumSource(
      value = Offence.class,
      names = {"DUTY_CRIME", "FINANCIAL_FRAUD", "ORGANISED_CRIME", "DRUG_RINGLEADER"})
  void aStrictCategoryAboveTenYearsRestsOnArticleSevenParagraphTwo(Offence o) {
    Evaluation.Reduction r = on(fixed(180, o), Performance.MAJOR_MERIT, START.plusMonths(24));
    assertTrue(r.eligible(), r.reasons().toString());
    assertEquals(12, r.maxMonths());
    limitRestsOn(r, "MAX_STRICT_LONG", "第七条第二款");
  }

  /** 第七条第一款: 累犯, and 确有履行能力而不履行财产性判项, are strict categories too. */
  @Test
  void aRecidivistAndAnUnpaidPropertyPenaltyRestOnArticleSevenParagraphOne() {
    LocalDate twoYears = START.plusMonths(24);
    SentenceRecord recidivist =
        record(
            SentenceKind.FIXED,
            60,
            EnumSet.of(Offence.OTHER),
            true,
            PropertyPenalty.NONE,
            false,
            List.of());
    limitRestsOn(on(recidivist, Performance.REPENTANCE, twoYears), "MAX_STRICT", "第七条第一款");
    SentenceRecord unpaid =
        record(
            SentenceKind.FIXED,
            60,
            EnumSet.of(Offence.OTHER),
            false,
            PropertyPenalty.UNPAID_ABLE,
            false,
            List.of());
    limitRestsOn(on(unpaid, Performance.REPENTANCE, twoYears), "MAX_STRICT", "第七条第一款");
  }

  /**
   * 第七条第二款: 故意杀人、强奸、抢劫、绑架、放火、爆炸、投放危险物质或者有组织的暴力性犯罪 with ten years or more, and 数罪并罚 with two crimes
   * of ten years or more.
   */
  @ParameterizedTest
  @EnumSource(
      value = Offence.class,
      names = {
        "INTENTIONAL_HOMICIDE",
        "RAPE",
        "ROBBERY",
        "KIDNAPPING",
        "ARSON",
        "EXPLOSION",
        "POISONING",
        "ORGANISED_VIOLENCE"
      })
  void aViolentOffenceOfTenYearsRestsOnArticleSevenParagraphTwo(Offence o) {
    Evaluation.Reduction r = on(fixed(120, o), Performance.REPENTANCE, START.plusMonths(24));
    assertTrue(r.eligible(), r.reasons().toString());
    assertEquals(9, r.maxMonths(), "从严: 悔改 alone still 9 months, never more than a year");
    limitRestsOn(r, "MAX_STRICT_LONG", "第七条第二款");
  }

  @Test
  void twoCrimesOfTenYearsRestOnArticleSevenParagraphTwo() {
    SentenceRecord two =
        record(
            SentenceKind.FIXED,
            120,
            EnumSet.of(Offence.OTHER),
            false,
            PropertyPenalty.NONE,
            true,
            List.of());
    limitRestsOn(
        on(two, Performance.MAJOR_MERIT, START.plusMonths(24)), "MAX_STRICT_LONG", "第七条第二款");
  }

  /**
   * 第八条: a life term is commuted to a fixed term by performance; 第九条 for the strict categories (20
   * to 22 years); and once a fixed term, 第九条 again limits each later reduction to one year.
   */
  @Test
  void lifeRestsOnArticleEightAndAStrictLifeOnArticleNine() {
    SentenceRecord life =
        record(
            SentenceKind.LIFE,
            null,
            EnumSet.of(Offence.OTHER),
            false,
            PropertyPenalty.NONE,
            false,
            List.of());
    Evaluation.Reduction plain = on(life, Performance.REPENTANCE, START.plusMonths(24));
    assertTrue(plain.eligible());
    assertEquals(A + "第八条", plain.limitArticle());
    SentenceRecord strict =
        record(
            SentenceKind.LIFE,
            null,
            EnumSet.of(Offence.DRUG_RINGLEADER),
            false,
            PropertyPenalty.NONE,
            false,
            List.of());
    Evaluation.Reduction s = on(strict, Performance.REPENTANCE, START.plusMonths(36));
    assertTrue(s.eligible(), s.reasons().toString());
    assertEquals(A + "第九条", s.limitArticle(), s.reasons().toString());
    // commuted to 20 years after three years; two years on, a reduction of at most a year
    SentenceRecord commuted =
        record(
            SentenceKind.LIFE,
            null,
            EnumSet.of(Offence.DRUG_RINGLEADER),
            false,
            PropertyPenalty.NONE,
            false,
            List.of(SentenceChange.toFixed(START.plusMonths(36), 240)));
    Evaluation.Reduction later =
        on(commuted, Performance.REPENTANCE_AND_MAJOR_MERIT, START.plusMonths(60));
    assertTrue(later.eligible(), later.reasons().toString());
    assertEquals(12, later.maxMonths());
    limitRestsOn(later, "MAX_STRICT_LIFE", "第九条");
  }

  /** 第十条 for 死缓 once life; 第十一条 for the strict categories, also after commutation. */
  @Test
  void deathWithReprieveRestsOnArticleTenAndAStrictOneOnArticleEleven() {
    SentenceRecord plain =
        record(
            SentenceKind.DEATH_REPRIEVE,
            null,
            EnumSet.of(Offence.OTHER),
            false,
            PropertyPenalty.NONE,
            false,
            List.of(SentenceChange.toLife(START.plusMonths(24))));
    Evaluation.Reduction p = on(plain, Performance.REPENTANCE, START.plusMonths(60));
    assertTrue(p.eligible(), p.reasons().toString());
    assertTrue(p.limitArticle().startsWith(A + "第十条"), p.limitArticle());
    SentenceRecord homicide =
        record(
            SentenceKind.DEATH_REPRIEVE,
            null,
            EnumSet.of(Offence.INTENTIONAL_HOMICIDE),
            false,
            PropertyPenalty.NONE,
            false,
            List.of(SentenceChange.toLife(START.plusMonths(24))));
    Evaluation.Reduction h = on(homicide, Performance.REPENTANCE, START.plusMonths(60));
    assertTrue(h.eligible(), h.reasons().toString());
    assertEquals(A + "第十一条", h.limitArticle());
    SentenceRecord commuted =
        record(
            SentenceKind.DEATH_REPRIEVE,
            null,
            EnumSet.of(Offence.INTENTIONAL_HOMICIDE),
            false,
            PropertyPenalty.NONE,
            false,
            List.of(
                SentenceChange.toLife(START.plusMonths(24)),
                SentenceChange.toFixed(START.plusMonths(60), 300)));
    Evaluation.Reduction later = on(commuted, Performance.REPENTANCE, START.plusMonths(84));
    assertTrue(later.eligible(), later.reasons().toString());
    assertEquals(9, later.maxMonths());
    limitRestsOn(later, "MAX_STRICT_DR", "第十一条");
  }

  /** 法释〔2019〕6号 for 贪污贿赂 by a state functionary: its own maximum and commuted range. */
  @Test
  void corruptionRestsOnTheInterpretationOf2019() {
    Evaluation.Reduction fixed =
        on(fixed(96, Offence.CORRUPTION_BY_OFFICIAL), Performance.REPENTANCE, START.plusMonths(24));
    assertTrue(fixed.eligible(), fixed.reasons().toString());
    assertTrue(fixed.limitArticle().startsWith("法释〔2019〕6号"), fixed.limitArticle());
    SentenceRecord life =
        record(
            SentenceKind.LIFE,
            null,
            EnumSet.of(Offence.CORRUPTION_BY_OFFICIAL),
            false,
            PropertyPenalty.NONE,
            false,
            List.of());
    Evaluation.Reduction l = on(life, Performance.REPENTANCE, START.plusMonths(48));
    assertTrue(l.eligible(), l.reasons().toString());
    assertTrue(l.limitArticle().startsWith("法释〔2019〕6号"), l.limitArticle());
  }
}
