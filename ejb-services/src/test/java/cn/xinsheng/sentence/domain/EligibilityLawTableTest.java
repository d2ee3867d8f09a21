package cn.xinsheng.sentence.domain;

import static cn.xinsheng.sentence.domain.Performance.MAJOR_MERIT;
import static cn.xinsheng.sentence.domain.Performance.MERIT;
import static cn.xinsheng.sentence.domain.Performance.REPENTANCE;
import static cn.xinsheng.sentence.domain.Performance.REPENTANCE_AND_MAJOR_MERIT;
import static cn.xinsheng.sentence.domain.Performance.REPENTANCE_AND_MERIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The law worked out by hand, one row per case, each naming the article it tests: every row of the
 * table on the day before and the day itself, every performance type in every band, strict and
 * violent categories, life and 死缓 chains, the bans and the minimum served. A row's article must
 * also appear among the reasons the engine gives, so a right date for a wrong reason fails.
 */
class EligibilityLawTableTest {

  private static final EligibilityEngine ENGINE = EligibilityEngine.standard();
  private static final LocalDate FIX = LocalDate.of(2020, 3, 15);
  private static final LocalDate LIFE = LocalDate.of(2015, 7, 1);
  private static final LocalDate DR = LocalDate.of(2012, 5, 10);
  private static final LocalDate DR_ENDS = LocalDate.of(2014, 5, 10);

  /** Facts of a sentence, built up per row. */
  static final class Facts {
    SentenceKind kind = SentenceKind.FIXED;
    Integer months;
    LocalDate start = FIX;
    int detention;
    boolean limited;
    boolean noReduction;
    Set<Offence> offences = EnumSet.of(Offence.OTHER);
    boolean recidivist;
    PropertyPenalty property = PropertyPenalty.NONE;
    boolean juvenile;
    boolean elderly;
    boolean minorWhileServing;
    boolean combined;
    Integer violentTerm;
    boolean twoCrimes;
    List<SentenceChange> changes = new ArrayList<>();

    Facts offences(Offence... o) {
      offences = EnumSet.copyOf(List.of(o));
      return this;
    }

    Facts start(String on) {
      start = d(on);
      return this;
    }

    Facts detention(int days) {
      detention = days;
      return this;
    }

    Facts recidivist() {
      recidivist = true;
      return this;
    }

    Facts property(PropertyPenalty p) {
      property = p;
      return this;
    }

    Facts juvenile() {
      juvenile = true;
      return this;
    }

    Facts minorWhileServing() {
      minorWhileServing = true;
      return this;
    }

    Facts violentTerm(int months) {
      violentTerm = months;
      return this;
    }

    Facts combined() {
      combined = true;
      return this;
    }

    Facts twoCrimes() {
      twoCrimes = true;
      return this;
    }

    Facts elderly() {
      elderly = true;
      return this;
    }

    Facts limited() {
      limited = true;
      return this;
    }

    Facts noReduction() {
      noReduction = true;
      return this;
    }

    Facts reduced(String on, int m) {
      changes.add(SentenceChange.reduction(d(on), m));
      return this;
    }

    Facts toLife(String on) {
      changes.add(SentenceChange.toLife(d(on)));
      return this;
    }

    Facts toFixed(String on, int m) {
      changes.add(SentenceChange.toFixed(d(on), m));
      return this;
    }

    Facts newCrime(String on, Integer m) {
      changes.add(SentenceChange.newCrime(d(on), m, null));
      return this;
    }

    Facts newCrime(String on, Integer m, Integer combined) {
      changes.add(SentenceChange.newCrime(d(on), m, combined));
      return this;
    }

    SentenceRecord record() {
      return new SentenceRecord(
          kind,
          months,
          start,
          detention,
          limited,
          noReduction,
          offences,
          recidivist,
          property,
          juvenile,
          elderly,
          minorWhileServing,
          combined,
          violentTerm,
          twoCrimes,
          changes);
    }
  }

  static Facts fixed(int months) {
    Facts f = new Facts();
    f.months = months;
    return f;
  }

  static Facts life() {
    Facts f = new Facts();
    f.kind = SentenceKind.LIFE;
    f.start = LIFE;
    return f;
  }

  static Facts dr() {
    Facts f = new Facts();
    f.kind = SentenceKind.DEATH_REPRIEVE;
    f.start = DR;
    return f;
  }

  static LocalDate d(String s) {
    return s == null ? null : LocalDate.parse(s);
  }

  /** What a row expects; a null field is not checked. */
  record Row(
      String name,
      String article,
      Facts facts,
      Performance perf,
      String asOf,
      Boolean redEligible,
      String redFrom,
      Integer max,
      Integer commuteLo,
      Integer commuteHi,
      Boolean parEligible,
      String parFrom,
      Boolean barred) {
    @Override
    public String toString() {
      return name + " [" + article + "]";
    }
  }

  /** A row that checks the reduction. */
  static Row red(
      String name,
      String art,
      Facts f,
      Performance p,
      String asOf,
      boolean ok,
      String from,
      Integer max) {
    return new Row(name, art, f, p, asOf, ok, from, max, null, null, null, null, null);
  }

  /** A row that checks a life or 死缓 commutation. */
  static Row commute(
      String name,
      String art,
      Facts f,
      Performance p,
      String asOf,
      boolean ok,
      String from,
      int lo,
      int hi) {
    return new Row(name, art, f, p, asOf, ok, from, null, lo, hi, null, null, null);
  }

  /** A row that checks parole. */
  static Row parole(
      String name, String art, Facts f, String asOf, boolean ok, String from, boolean barred) {
    return new Row(name, art, f, REPENTANCE, asOf, null, null, null, null, null, ok, from, barred);
  }

  static final String A6_1 = "第六条第一款";
  static final String A6_2 = "第六条第二款";
  static final String A6_3 = "第六条第三款";
  static final String A6_4 = "第六条第四款";
  static final String A7_1 = "第七条第一款";
  static final String A7_2 = "第七条第二款";
  static final String A7 = "法释〔2016〕23号第七条";
  static final String A2019 = "法释〔2019〕6号";
  static final String A8 = "第八条";
  static final String A9 = "第九条";
  static final String A10 = "第十条";
  static final String A11 = "第十一条";
  static final String A12 = "第十二条";
  static final String A13 = "第十三条";
  static final String A15 = "第十五条";
  static final String A19 = "第十九条";
  static final String A20 = "第二十条";
  static final String A21 = "第二十一条";
  static final String A23 = "第二十三条";
  static final String A27 = "第二十七条";
  static final String A28 = "第二十八条";
  static final String X78 = "刑法第七十八条第二款";
  static final String X81 = "刑法第八十一条第二款";
  static final String X50 = "刑法第五十条";

  static Stream<Row> rows() {
    Offence robbery = Offence.ROBBERY;
    return Stream.of(
        // --- 第六条第一款: the first wait, each band on the day before and the day ---
        red(
            "36 months: day before the first year",
            A6_1,
            fixed(36),
            REPENTANCE,
            "2021-03-14",
            false,
            "2021-03-15",
            9),
        red(
            "36 months: one year served",
            A6_1,
            fixed(36),
            REPENTANCE,
            "2021-03-15",
            true,
            "2021-03-15",
            9),
        red(
            "59 months: still the first band",
            A6_1,
            fixed(59),
            REPENTANCE,
            "2021-03-15",
            true,
            "2021-03-15",
            9),
        red(
            "60 months: day before 18 months",
            A6_1,
            fixed(60),
            REPENTANCE,
            "2021-09-14",
            false,
            "2021-09-15",
            9),
        red(
            "60 months: 18 months served",
            A6_1,
            fixed(60),
            REPENTANCE,
            "2021-09-15",
            true,
            "2021-09-15",
            9),
        red(
            "119 months: 18 months served",
            A6_1,
            fixed(119),
            REPENTANCE,
            "2021-09-15",
            true,
            "2021-09-15",
            9),
        red(
            "120 months: day before 2 years",
            A6_1,
            fixed(120),
            REPENTANCE,
            "2022-03-14",
            false,
            "2022-03-15",
            9),
        red(
            "120 months: 2 years served",
            A6_1,
            fixed(120),
            REPENTANCE,
            "2022-03-15",
            true,
            "2022-03-15",
            9),
        red(
            "240 months: 2 years served",
            A6_1,
            fixed(240),
            REPENTANCE,
            "2022-03-15",
            true,
            "2022-03-15",
            9),
        red(
            "detention does not shorten the first wait",
            A6_1,
            fixed(36).detention(200),
            REPENTANCE,
            "2021-03-14",
            false,
            "2021-03-15",
            9),
        // --- 第六条第二款: every performance type in every band ---
        red(
            "short band, repentance",
            A6_2,
            fixed(36),
            REPENTANCE,
            "2021-03-15",
            true,
            "2021-03-15",
            9),
        red("short band, merit", A6_2, fixed(36), MERIT, "2021-03-15", true, "2021-03-15", 9),
        red(
            "short band, both",
            A6_2,
            fixed(36),
            REPENTANCE_AND_MERIT,
            "2021-03-15",
            true,
            "2021-03-15",
            12),
        red(
            "short band, major merit",
            A6_2,
            fixed(36),
            MAJOR_MERIT,
            "2021-03-15",
            true,
            "2021-03-15",
            18),
        red(
            "short band, repentance and major merit: half must be served",
            X78,
            fixed(36),
            REPENTANCE_AND_MAJOR_MERIT,
            "2021-03-15",
            true,
            "2021-03-15",
            18),
        red(
            "middle band, repentance",
            A6_2,
            fixed(96),
            REPENTANCE,
            "2021-09-15",
            true,
            "2021-09-15",
            9),
        red("middle band, merit", A6_2, fixed(96), MERIT, "2021-09-15", true, "2021-09-15", 9),
        red(
            "middle band, both",
            A6_2,
            fixed(96),
            REPENTANCE_AND_MERIT,
            "2021-09-15",
            true,
            "2021-09-15",
            12),
        red(
            "middle band, major merit",
            A6_2,
            fixed(96),
            MAJOR_MERIT,
            "2021-09-15",
            true,
            "2021-09-15",
            18),
        red(
            "middle band, repentance and major merit",
            A6_2,
            fixed(96),
            REPENTANCE_AND_MAJOR_MERIT,
            "2021-09-15",
            true,
            "2021-09-15",
            24),
        red(
            "long band, repentance: 9 months, not 18",
            A6_2,
            fixed(180),
            REPENTANCE,
            "2022-03-15",
            true,
            "2022-03-15",
            9),
        red("long band, merit", A6_2, fixed(180), MERIT, "2022-03-15", true, "2022-03-15", 9),
        red(
            "long band, both",
            A6_2,
            fixed(180),
            REPENTANCE_AND_MERIT,
            "2022-03-15",
            true,
            "2022-03-15",
            12),
        red(
            "long band, major merit",
            A6_2,
            fixed(180),
            MAJOR_MERIT,
            "2022-03-15",
            true,
            "2022-03-15",
            18),
        red(
            "long band, repentance and major merit",
            A6_2,
            fixed(180),
            REPENTANCE_AND_MAJOR_MERIT,
            "2022-03-15",
            true,
            "2022-03-15",
            24),
        // --- 第六条第三款: the interval, and never shorter than the previous reduction ---
        red(
            "under 10 years: day before a year after the last",
            A6_3,
            fixed(96).reduced("2021-09-15", 9),
            REPENTANCE,
            "2022-09-14",
            false,
            "2022-09-15",
            9),
        red(
            "under 10 years: a year after the last",
            A6_3,
            fixed(96).reduced("2021-09-15", 9),
            REPENTANCE,
            "2022-09-15",
            true,
            "2022-09-15",
            9),
        red(
            "10 years or more: day before 18 months after",
            A6_3,
            fixed(180).reduced("2022-03-15", 12),
            REPENTANCE,
            "2023-09-14",
            false,
            "2023-09-15",
            9),
        red(
            "10 years or more: 18 months after",
            A6_3,
            fixed(180).reduced("2022-03-15", 12),
            REPENTANCE,
            "2023-09-15",
            true,
            "2023-09-15",
            9),
        red(
            "previous 18 months: day before 18 months after",
            A6_3,
            fixed(96).reduced("2021-09-15", 18),
            REPENTANCE,
            "2023-03-14",
            false,
            "2023-03-15",
            9),
        red(
            "previous 18 months: 18 months after",
            A6_3,
            fixed(96).reduced("2021-09-15", 18),
            REPENTANCE,
            "2023-03-15",
            true,
            "2023-03-15",
            9),
        red(
            "previous 24 months: day before 2 years after",
            A6_3,
            fixed(180).reduced("2022-03-15", 24),
            REPENTANCE,
            "2024-03-14",
            false,
            "2024-03-15",
            9),
        red(
            "previous 24 months: 2 years after",
            A6_3,
            fixed(180).reduced("2022-03-15", 24),
            REPENTANCE,
            "2024-03-15",
            true,
            "2024-03-15",
            9),
        // --- 第六条第四款: major merit may waive the waits ---
        red(
            "major merit before the first wait",
            A6_4,
            fixed(96),
            MAJOR_MERIT,
            "2021-01-10",
            true,
            "2021-01-10",
            18),
        red(
            "major merit before the interval",
            A6_4,
            fixed(96).reduced("2021-09-15", 9),
            REPENTANCE_AND_MAJOR_MERIT,
            "2022-01-10",
            true,
            "2022-01-10",
            24),
        // --- 第七条第一款: strict categories ---
        red(
            "financial fraud 8 years: day before 2 years",
            A7_1,
            fixed(96).offences(Offence.FINANCIAL_FRAUD),
            REPENTANCE,
            "2022-03-14",
            false,
            "2022-03-15",
            9),
        red(
            "financial fraud 8 years: 2 years",
            A7_1,
            fixed(96).offences(Offence.FINANCIAL_FRAUD),
            REPENTANCE,
            "2022-03-15",
            true,
            "2022-03-15",
            9),
        red(
            "financial order 4 years: 2 years, not 1",
            A7_1,
            fixed(48).offences(Offence.FINANCIAL_ORDER),
            REPENTANCE,
            "2021-03-15",
            false,
            "2022-03-15",
            9),
        red(
            "strict: major merit at most 1 year",
            A7,
            fixed(96).offences(Offence.DUTY_CRIME),
            MAJOR_MERIT,
            "2022-03-15",
            true,
            "2022-03-15",
            12),
        red(
            "strict: repentance and major merit at most 1 year",
            A7,
            fixed(96).offences(Offence.ORGANISED_CRIME),
            REPENTANCE_AND_MAJOR_MERIT,
            "2022-03-15",
            true,
            "2022-03-15",
            12),
        red(
            "strict: both at most 1 year",
            A7,
            fixed(96).offences(Offence.TERRORISM),
            REPENTANCE_AND_MERIT,
            "2022-03-15",
            true,
            "2022-03-15",
            12),
        red(
            "strict under 10 years: interval 1 year, day before",
            A7_1,
            fixed(96).offences(Offence.STATE_SECURITY).reduced("2022-03-15", 9),
            REPENTANCE,
            "2023-03-14",
            false,
            "2023-03-15",
            9),
        red(
            "strict under 10 years: interval 1 year",
            A7_1,
            fixed(96).offences(Offence.DRUG_RINGLEADER).reduced("2022-03-15", 9),
            REPENTANCE,
            "2023-03-15",
            true,
            "2023-03-15",
            9),
        red(
            "strict 10 years: interval 18 months",
            A7_1,
            fixed(120).offences(Offence.DUTY_CRIME).reduced("2022-03-15", 9),
            REPENTANCE,
            "2023-09-14",
            false,
            "2023-09-15",
            9),
        red(
            "strict 15 years: interval 18 months",
            A7_1,
            fixed(180).offences(Offence.DRUG_REOFFENDER).reduced("2022-03-15", 9),
            REPENTANCE,
            "2023-09-15",
            true,
            "2023-09-15",
            9),
        red(
            "recidivist 4 years: strict first wait",
            A7_1,
            fixed(48).recidivist(),
            REPENTANCE_AND_MERIT,
            "2022-03-15",
            true,
            "2022-03-15",
            12),
        red(
            "property unpaid though able: strict",
            A7_1,
            fixed(48).property(PropertyPenalty.UNPAID_ABLE),
            REPENTANCE,
            "2022-03-14",
            false,
            "2022-03-15",
            9),
        red(
            "property unpaid though able: no invented halving",
            A7_1,
            fixed(96).property(PropertyPenalty.UNPAID_ABLE),
            REPENTANCE_AND_MERIT,
            "2022-03-15",
            true,
            "2022-03-15",
            12),
        red(
            "property unpaid, unable: ordinary rules",
            A6_1,
            fixed(48).property(PropertyPenalty.UNPAID_UNABLE),
            REPENTANCE,
            "2021-03-15",
            true,
            "2021-03-15",
            9),
        red(
            "strict major merit may still waive",
            "第七条第三款",
            fixed(96).offences(Offence.DUTY_CRIME),
            MAJOR_MERIT,
            "2021-05-01",
            true,
            "2021-05-01",
            12),
        // --- 第七条第二款: violent offences of 10 years or more ---
        red(
            "robbery 10 years: first wait 2 years",
            A7_2,
            fixed(120).offences(robbery),
            REPENTANCE,
            "2022-03-14",
            false,
            "2022-03-15",
            9),
        red(
            "robbery 10 years: at most 1 year",
            A7_2,
            fixed(120).offences(robbery),
            REPENTANCE_AND_MAJOR_MERIT,
            "2022-03-15",
            true,
            "2022-03-15",
            12),
        red(
            "rape 12 years: interval 18 months",
            A7_2,
            fixed(144).offences(Offence.RAPE).reduced("2022-03-15", 6),
            REPENTANCE,
            "2023-09-15",
            true,
            "2023-09-15",
            9),
        red(
            "robbery 119 months: ordinary rules",
            A6_2,
            fixed(119).offences(robbery),
            REPENTANCE_AND_MAJOR_MERIT,
            "2021-09-15",
            true,
            "2021-09-15",
            24),
        // --- 法释〔2019〕6号: corruption by state functionaries ---
        red(
            "corruption 8 years: 2 years, 6 months for repentance",
            A2019,
            fixed(96).offences(Offence.CORRUPTION_BY_OFFICIAL),
            REPENTANCE,
            "2022-03-15",
            true,
            "2022-03-15",
            6),
        red(
            "corruption 8 years, property unpaid though able: as a rule no reduction, said",
            "法释〔2019〕6号第一条",
            fixed(96)
                .offences(Offence.CORRUPTION_BY_OFFICIAL)
                .property(PropertyPenalty.UNPAID_ABLE),
            REPENTANCE,
            "2022-03-15",
            true,
            "2022-03-15",
            6),
        red(
            "corruption 8 years: both at most 9",
            A2019,
            fixed(96).offences(Offence.CORRUPTION_BY_OFFICIAL),
            REPENTANCE_AND_MERIT,
            "2022-03-15",
            true,
            "2022-03-15",
            9),
        red(
            "corruption 12 years: day before 3 years",
            A2019,
            fixed(144).offences(Offence.CORRUPTION_BY_OFFICIAL),
            MAJOR_MERIT,
            "2023-03-14",
            true,
            "2023-03-14",
            12),
        red(
            "corruption 12 years: 3 years",
            A2019,
            fixed(144).offences(Offence.CORRUPTION_BY_OFFICIAL),
            REPENTANCE,
            "2023-03-14",
            false,
            "2023-03-15",
            6),
        red(
            "corruption 8 years: interval 18 months",
            A2019,
            fixed(96).offences(Offence.CORRUPTION_BY_OFFICIAL).reduced("2022-03-15", 6),
            REPENTANCE,
            "2023-09-14",
            false,
            "2023-09-15",
            6),
        red(
            "corruption 12 years: interval 2 years",
            A2019,
            fixed(144).offences(Offence.CORRUPTION_BY_OFFICIAL).reduced("2023-03-15", 6),
            REPENTANCE,
            "2025-03-15",
            true,
            "2025-03-15",
            6),
        // --- 第八条: life ---
        commute(
            "life: day before 2 years",
            A8,
            life(),
            REPENTANCE,
            "2017-06-30",
            false,
            "2017-07-01",
            264,
            264),
        commute(
            "life: 2 years, repentance to 22 years",
            A8,
            life(),
            REPENTANCE,
            "2017-07-01",
            true,
            "2017-07-01",
            264,
            264),
        commute(
            "life: merit to 22 years",
            A8,
            life(),
            MERIT,
            "2017-07-01",
            true,
            "2017-07-01",
            264,
            264),
        commute(
            "life: both to 21-22 years",
            A8,
            life(),
            REPENTANCE_AND_MERIT,
            "2017-07-01",
            true,
            "2017-07-01",
            252,
            264),
        commute(
            "life: major merit to 20-21 years",
            A8,
            life(),
            MAJOR_MERIT,
            "2017-07-01",
            true,
            "2017-07-01",
            240,
            252),
        commute(
            "life: repentance and major merit to 19-20 years",
            A8,
            life(),
            REPENTANCE_AND_MAJOR_MERIT,
            "2017-07-01",
            true,
            "2017-07-01",
            228,
            240),
        red(
            "life commuted: interval 2 years, not 18 months",
            A8,
            life().toFixed("2017-09-01", 264),
            REPENTANCE,
            "2019-03-01",
            false,
            "2019-09-01",
            9),
        red(
            "life commuted: 2 years after",
            A8,
            life().toFixed("2017-09-01", 264),
            REPENTANCE,
            "2019-09-01",
            true,
            "2019-09-01",
            9),
        red(
            "life chain: third reduction 2 years after the second",
            A8,
            life().toFixed("2017-09-01", 264).reduced("2019-09-01", 9).reduced("2021-09-01", 12),
            REPENTANCE_AND_MAJOR_MERIT,
            "2023-08-31",
            true,
            "2023-08-31",
            24),
        red(
            "life chain: repentance 2 years after the second",
            A8,
            life().toFixed("2017-09-01", 264).reduced("2019-09-01", 9).reduced("2021-09-01", 12),
            REPENTANCE,
            "2023-09-01",
            true,
            "2023-09-01",
            9),
        // --- 第九条: strict categories under life ---
        commute(
            "strict life: day before 3 years",
            A9,
            life().offences(Offence.DRUG_RINGLEADER),
            REPENTANCE,
            "2018-06-30",
            false,
            "2018-07-01",
            264,
            264),
        commute(
            "strict life: never below 20 years",
            A9,
            life().offences(Offence.DRUG_RINGLEADER),
            REPENTANCE_AND_MAJOR_MERIT,
            "2018-07-01",
            true,
            "2018-07-01",
            240,
            240),
        commute(
            "violent life: 3 years",
            A9,
            life().offences(Offence.INTENTIONAL_HOMICIDE),
            REPENTANCE_AND_MERIT,
            "2018-07-01",
            true,
            "2018-07-01",
            252,
            264),
        red(
            "strict life commuted: at most 1 year, 2 years apart",
            A9,
            life()
                .offences(Offence.ORGANISED_CRIME)
                .toFixed("2018-07-01", 240)
                .reduced("2020-07-01", 12),
            REPENTANCE_AND_MAJOR_MERIT,
            "2022-07-01",
            true,
            "2022-07-01",
            12),
        commute(
            "corruption life: 4 years, to 23 years",
            A2019,
            life().offences(Offence.CORRUPTION_BY_OFFICIAL),
            REPENTANCE,
            "2019-07-01",
            true,
            "2019-07-01",
            276,
            276),
        // --- 刑法第七十八条第二款: minimum actually served ---
        red(
            "life: room above 13 years is the maximum",
            X78,
            life()
                .toFixed("2017-07-01", 228)
                .reduced("2019-07-01", 24)
                .reduced("2021-07-01", 24)
                .reduced("2023-07-01", 24)
                .reduced("2025-07-01", 12),
            REPENTANCE_AND_MAJOR_MERIT,
            "2027-07-01",
            true,
            "2027-07-01",
            12),
        red(
            "life: at 13 years no reduction is left",
            X78,
            life()
                .toFixed("2017-07-01", 228)
                .reduced("2019-07-01", 24)
                .reduced("2021-07-01", 24)
                .reduced("2023-07-01", 24)
                .reduced("2025-07-01", 24),
            REPENTANCE,
            "2027-07-01",
            false,
            "2027-07-01",
            0),
        // 减去余刑: the new term may end on the ruling day (outside law check, M2); before the
        // check this row allowed 2 and called it the half's cap, which leaves room for 9 here
        red(
            "fixed: what is left caps the amount, ending on the ruling day",
            "减刑以余刑为限",
            fixed(36).reduced("2021-03-15", 9),
            REPENTANCE,
            "2022-03-15",
            true,
            "2022-03-15",
            3),
        red(
            "fixed: half the original term caps the amount",
            X78,
            fixed(36),
            REPENTANCE_AND_MAJOR_MERIT,
            "2021-03-15",
            true,
            "2021-03-15",
            18),
        // law check c41: 24 months served when the new term ends 2022-01-01, the ruling day
        red(
            "fixed: half served exactly on the ruling day",
            X78,
            fixed(48).start("2020-01-01").reduced("2021-01-01", 9),
            REPENTANCE_AND_MAJOR_MERIT,
            "2022-01-01",
            true,
            "2022-01-01",
            15),
        // law check c25: 15 years after the reprieve are served on the ruling day
        red(
            "死缓 at fixed term: 15 years reached on the ruling day",
            A12,
            dr().start("2008-01-01")
                .toLife("2010-01-01")
                .toFixed("2013-01-01", 264)
                .reduced("2015-01-01", 24)
                .reduced("2017-01-01", 24)
                .reduced("2019-01-01", 24)
                .reduced("2021-01-01", 24)
                .reduced("2023-01-01", 12),
            REPENTANCE_AND_MAJOR_MERIT,
            "2025-01-01",
            true,
            "2025-01-01",
            12),
        // 第十六条: under two years left when the judgment took effect; the court may start
        // sooner, the answer says so and does not move the date
        red(
            "20 months: 第十六条 said, date not moved",
            "第十六条",
            fixed(20),
            REPENTANCE,
            "2021-03-15",
            true,
            "2021-03-15",
            8),
        commute(
            "combined (数罪并罚) life: 3 years, as 第九条",
            A9,
            life().combined(),
            REPENTANCE,
            "2018-06-30",
            false,
            "2018-07-01",
            264,
            264),
        commute(
            "combined (数罪并罚) 死缓: as 第十一条",
            A11,
            dr().combined().toLife("2014-05-10"),
            REPENTANCE,
            "2017-05-10",
            true,
            "2017-05-10",
            300,
            300),
        red(
            "fixed: the term has ended",
            "刑法第四十七条",
            fixed(12),
            REPENTANCE,
            "2021-03-15",
            false,
            null,
            0),
        // --- 第十条: 死缓 ---
        // --- 刑法第五十条: the reprieve ends in a commutation, proposed when it ends ---
        red(
            "死缓 in reprieve: day before it ends",
            X50,
            dr(),
            REPENTANCE,
            "2014-05-09",
            false,
            "2014-05-10",
            null),
        red(
            "死缓: the reprieve ends, to life",
            X50,
            dr(),
            REPENTANCE,
            "2014-05-10",
            true,
            "2014-05-10",
            null),
        commute(
            "死缓: major merit in the reprieve, to 25 years",
            X50,
            dr(),
            MAJOR_MERIT,
            "2014-05-10",
            true,
            "2014-05-10",
            300,
            300),
        red(
            "终身监禁: the reprieve still ends in life",
            A15,
            dr().offences(Offence.CORRUPTION_BY_OFFICIAL).noReduction(),
            MAJOR_MERIT,
            "2014-05-10",
            true,
            "2014-05-10",
            null),
        red(
            "limited 死缓: the reprieve ends in life too",
            "刑法第五十条第一款",
            dr().offences(Offence.RAPE).limited(),
            REPENTANCE,
            "2014-05-10",
            true,
            "2014-05-10",
            null),
        red(
            "new crime in the reprieve: it runs again, day before",
            "第二十一条第二款",
            dr().newCrime("2013-06-01", 36),
            REPENTANCE,
            "2015-05-31",
            false,
            "2015-06-01",
            null),
        red(
            "new crime in the reprieve: it runs again, the day",
            "第二十一条第二款",
            dr().newCrime("2013-06-01", 36),
            REPENTANCE,
            "2015-06-01",
            true,
            "2015-06-01",
            null),
        commute(
            "restarted reprieve: once life, 5 years, day before",
            "第二十一条第二款",
            dr().newCrime("2013-06-01", 36).toLife("2015-06-01"),
            REPENTANCE,
            "2020-05-31",
            false,
            "2020-06-01",
            300,
            300),
        commute(
            "restarted reprieve: once life, 5 years, the day",
            "第二十一条第二款",
            dr().newCrime("2013-06-01", 36).toLife("2015-06-01"),
            REPENTANCE,
            "2020-06-01",
            true,
            "2020-06-01",
            300,
            300),
        red(
            "limited 死缓 as a fixed term: day before 2 years",
            // the interval of a limited 死缓 is 第十四条's (it cited 第十条 before the law check)
            "第十四条",
            dr().offences(Offence.INTENTIONAL_HOMICIDE)
                .limited()
                .toLife("2014-05-10")
                .toFixed("2019-05-10", 300),
            REPENTANCE_AND_MERIT,
            "2021-05-09",
            false,
            "2021-05-10",
            6),
        red(
            "limited 死缓 as a fixed term: at most 6 months",
            "第十四条",
            dr().offences(Offence.INTENTIONAL_HOMICIDE)
                .limited()
                .toLife("2014-05-10")
                .toFixed("2019-05-10", 300),
            REPENTANCE_AND_MERIT,
            "2021-05-10",
            true,
            "2021-05-10",
            6),
        red(
            "limited 死缓 as a fixed term, major merit: at most 12 months",
            "第十四条",
            dr().offences(Offence.INTENTIONAL_HOMICIDE)
                .limited()
                .toLife("2014-05-10")
                .toFixed("2019-05-10", 300),
            REPENTANCE_AND_MAJOR_MERIT,
            "2021-05-10",
            true,
            "2021-05-10",
            12),
        commute(
            "死缓 as life: day before 3 years",
            A10,
            dr().toLife("2014-05-10"),
            REPENTANCE,
            "2017-05-09",
            false,
            "2017-05-10",
            300,
            300),
        commute(
            "死缓 as life: 3 years, to 25 years",
            A10,
            dr().toLife("2014-05-10"),
            REPENTANCE,
            "2017-05-10",
            true,
            "2017-05-10",
            300,
            300),
        commute(
            "死缓: both 24-25 years",
            A10,
            dr().toLife("2014-05-10"),
            REPENTANCE_AND_MERIT,
            "2017-05-10",
            true,
            "2017-05-10",
            288,
            300),
        commute(
            "死缓: major merit 23-24 years",
            A10,
            dr().toLife("2014-05-10"),
            MAJOR_MERIT,
            "2017-05-10",
            true,
            "2017-05-10",
            276,
            288),
        commute(
            "死缓: repentance and major merit 22-23 years",
            A10,
            dr().toLife("2014-05-10"),
            REPENTANCE_AND_MAJOR_MERIT,
            "2017-05-10",
            true,
            "2017-05-10",
            264,
            276),
        red(
            "死缓 chain: 2 years after commutation",
            A10,
            dr().toLife("2014-05-10").toFixed("2017-06-01", 300),
            REPENTANCE_AND_MERIT,
            "2019-05-31",
            false,
            "2019-06-01",
            12),
        red(
            "死缓 chain: third reduction",
            A10,
            dr().toLife("2014-05-10")
                .toFixed("2017-06-01", 300)
                .reduced("2019-06-01", 9)
                .reduced("2021-06-01", 12),
            REPENTANCE_AND_MAJOR_MERIT,
            "2023-06-01",
            true,
            "2023-06-01",
            24),
        commute(
            "strict 死缓: generally 25 years",
            A11,
            dr().offences(Offence.INTENTIONAL_HOMICIDE).toLife("2014-05-10"),
            REPENTANCE,
            "2017-05-10",
            true,
            "2017-05-10",
            300,
            300),
        commute(
            "strict 死缓: merit 23-25 years",
            A11,
            dr().offences(Offence.TERRORISM).toLife("2014-05-10"),
            MERIT,
            "2017-05-10",
            true,
            "2017-05-10",
            276,
            300),
        red(
            "strict 死缓 commuted: at most 1 year",
            A11,
            dr().offences(Offence.ROBBERY).toLife("2014-05-10").toFixed("2017-05-10", 300),
            REPENTANCE_AND_MAJOR_MERIT,
            "2019-05-10",
            true,
            "2019-05-10",
            12),
        commute(
            "limited 死缓: day before 5 years, no waiver",
            A13,
            dr().offences(Offence.INTENTIONAL_HOMICIDE).limited().toLife("2014-05-10"),
            MAJOR_MERIT,
            "2019-05-09",
            false,
            "2019-05-10",
            276,
            300),
        commute(
            "limited 死缓: 5 years",
            A13,
            dr().offences(Offence.INTENTIONAL_HOMICIDE).limited().toLife("2014-05-10"),
            REPENTANCE,
            "2019-05-10",
            true,
            "2019-05-10",
            300,
            300),
        red(
            "limited 死缓: 25 years actually served",
            "刑法第七十八条第二款第三项",
            dr().offences(Offence.INTENTIONAL_HOMICIDE)
                .limited()
                .toLife("2014-05-10")
                .toFixed("2019-05-10", 300)
                .reduced("2021-05-10", 12)
                .reduced("2023-05-10", 12)
                .reduced("2025-05-10", 12)
                .reduced("2027-05-10", 12)
                .reduced("2029-05-10", 12),
            REPENTANCE_AND_MERIT,
            "2031-05-10",
            false,
            "2031-05-10",
            0),
        commute(
            "corruption 死缓: 4 years as life",
            A2019,
            dr().offences(Offence.CORRUPTION_BY_OFFICIAL).toLife("2014-05-10"),
            REPENTANCE_AND_MERIT,
            "2018-05-10",
            true,
            "2018-05-10",
            294,
            300),
        red(
            "死缓: 15 years after the reprieve",
            A12,
            dr().toFixed("2014-05-10", 300)
                .reduced("2016-05-10", 24)
                .reduced("2018-05-10", 24)
                .reduced("2020-05-10", 24)
                .reduced("2022-05-10", 24)
                .reduced("2024-05-10", 12),
            REPENTANCE_AND_MAJOR_MERIT,
            "2026-05-10",
            true,
            "2026-05-10",
            12),
        red(
            "终身监禁: never reduced",
            A15,
            dr().offences(Offence.CORRUPTION_BY_OFFICIAL).noReduction().toLife("2014-05-10"),
            REPENTANCE,
            "2030-01-01",
            false,
            null,
            null),
        // --- 第二十一条: new crime in prison ---
        red(
            "new crime: day before 3 years",
            A21,
            fixed(96).reduced("2021-09-15", 9).newCrime("2022-01-10", 24),
            REPENTANCE,
            "2025-01-09",
            false,
            "2025-01-10",
            9),
        red(
            "new crime: 3 years",
            A21,
            fixed(96).reduced("2021-09-15", 9).newCrime("2022-01-10", 24),
            REPENTANCE,
            "2025-01-10",
            true,
            "2025-01-10",
            9),
        // the new life sentence absorbs the fixed term (刑法第六十九条): life is commuted, not reduced
        // (this row gave an 18-month reduction of the old 240 months before the outside check)
        commute(
            "new crime sentenced to life: 4 years, then commuted as life",
            A21,
            fixed(240).newCrime("2022-01-10", null),
            MAJOR_MERIT,
            "2025-06-01",
            false,
            "2026-01-10",
            240,
            252),
        // a new crime combined into life (刑法第七十一条) is "数罪并罚被判处无期徒刑" (第九条): never below
        // 20 years, where 第八条 allows 19 to 20 for repentance and major merit
        commute(
            "new crime sentenced to life: combined life is strict, never below 20 years",
            A9,
            fixed(240).newCrime("2022-01-10", null),
            REPENTANCE_AND_MAJOR_MERIT,
            "2026-01-10",
            true,
            "2026-01-10",
            240,
            240),
        // --- 第十九条, 第二十条: leniency shown, not applied ---
        red(
            "under 18 while serving: standard answer with leniency",
            A19,
            fixed(96).minorWhileServing(),
            REPENTANCE,
            "2021-09-15",
            true,
            "2021-09-15",
            9),
        red(
            "elderly: standard answer with leniency",
            A20,
            fixed(96).elderly(),
            REPENTANCE,
            "2021-09-15",
            true,
            "2021-09-15",
            9),
        // --- parole: 刑法第八十一条, 第二十三条, 第二十七条, 第二十八条 ---
        parole(
            "8 years: day before half", A23, fixed(96), "2024-03-14", false, "2024-03-15", false),
        parole("8 years: half served", A23, fixed(96), "2024-03-15", true, "2024-03-15", false),
        parole(
            "detention credited day for day",
            A23,
            fixed(96).detention(100),
            "2023-12-06",
            true,
            "2023-12-06",
            false),
        parole(
            "detention credited: day before",
            A23,
            fixed(96).detention(100),
            "2023-12-05",
            false,
            "2023-12-06",
            false),
        parole(
            "odd term: half a month is 15 days",
            A23,
            fixed(119).offences(robbery),
            "2025-03-02",
            true,
            "2025-03-02",
            false),
        parole(
            "life: 13 years, detention not credited",
            A23,
            life().detention(300),
            "2028-06-30",
            false,
            "2028-07-01",
            false),
        parole(
            "life commuted: still 13 years",
            A23,
            life().toFixed("2017-09-01", 264).reduced("2019-09-01", 9),
            "2028-07-01",
            true,
            "2028-07-01",
            false),
        parole(
            "死缓: 15 years after the reprieve",
            A23,
            dr().toLife("2014-05-10"),
            "2029-05-10",
            true,
            "2029-05-10",
            false),
        parole("死缓 in reprieve: none", X50, dr(), "2013-05-10", false, "2029-05-10", false),
        parole(
            "restarted reprieve: 15 years from its new end",
            A23,
            dr().newCrime("2013-06-01", 36).toLife("2015-06-01"),
            "2030-05-31",
            false,
            "2030-06-01",
            false),
        parole("recidivist: never", X81, fixed(48).recidivist(), "2023-01-01", false, null, true),
        parole(
            "robbery 10 years: never",
            X81,
            fixed(120).offences(robbery),
            "2026-01-01",
            false,
            null,
            true),
        parole(
            "homicide life: never",
            X81,
            life().offences(Offence.INTENTIONAL_HOMICIDE),
            "2030-01-01",
            false,
            null,
            true),
        parole(
            "homicide 死缓 commuted: never",
            X81,
            dr().offences(Offence.INTENTIONAL_HOMICIDE)
                .toLife("2014-05-10")
                .toFixed("2017-05-10", 300),
            "2030-01-01",
            false,
            null,
            true),
        parole(
            "robbery under 10 years: allowed",
            "刑法第八十一条第一款",
            fixed(119).offences(robbery),
            "2025-03-01",
            false,
            "2025-03-02",
            false),
        // a new crime in prison: parole counts from the new judgment (outside check, cases c49,
        // c31)
        parole(
            "new crime sentenced to life: 13 years from the new judgment, not half the old term",
            "刑法第六十九条",
            fixed(120).start("2015-01-01").newCrime("2018-06-01", null),
            "2022-05-31",
            false,
            "2031-06-01",
            false),
        parole(
            "new crime sentenced to life: the old term's end does not end the sentence",
            "刑法第六十九条",
            fixed(120).start("2015-01-01").newCrime("2018-06-01", null),
            "2031-06-01",
            true,
            "2031-06-01",
            false),
        parole(
            "new crime, combined 100 months: half of it from the new judgment",
            "刑法第七十一条",
            fixed(120).start("2015-01-01").newCrime("2018-06-01", 36, 100),
            "2022-08-01",
            true,
            "2022-08-01",
            false),
        parole(
            "new crime, combined 100 months: the day before",
            "刑法第七十一条",
            fixed(120).start("2015-01-01").newCrime("2018-06-01", 36, 100),
            "2022-07-31",
            false,
            "2022-08-01",
            false),
        parole(
            "property unpaid though able: none",
            A27,
            fixed(96).property(PropertyPenalty.UNPAID_ABLE),
            "2025-01-01",
            false,
            null,
            true),
        parole(
            "property unpaid, unable: allowed",
            A23,
            fixed(96).property(PropertyPenalty.UNPAID_UNABLE),
            "2024-03-15",
            true,
            "2024-03-15",
            false),
        parole(
            "after a reduction of 12 months: 18 months",
            A28,
            fixed(96).reduced("2023-06-01", 12),
            "2024-11-30",
            false,
            "2024-12-01",
            false),
        parole(
            "after a reduction of 12 months: the day",
            A28,
            fixed(96).reduced("2023-06-01", 12),
            "2024-12-01",
            true,
            "2024-12-01",
            false),
        // N1: a robbery given 3 years inside a combined 12-year term is not "因抢劫被判处十年以上"
        parole(
            "combined 12 years, the robbery's own 3: parole not barred",
            "刑法第八十一条第二款",
            fixed(144).offences(robbery, Offence.OTHER).violentTerm(36),
            "2026-03-15",
            true,
            "2026-03-15",
            false),
        parole(
            "combined 12 years, the robbery's own 10: barred",
            X81,
            fixed(144).offences(robbery, Offence.OTHER).violentTerm(120),
            "2026-03-15",
            false,
            null,
            true),
        red(
            "combined 12 years, the robbery's own 3: 第六条, not 第七条第二款",
            "第七条第二款",
            fixed(144).offences(robbery, Offence.OTHER).violentTerm(36),
            REPENTANCE,
            "2022-03-15",
            true,
            "2022-03-15",
            9),
        // 第七条第二款 "数罪并罚且其中两罪以上被判处十年以上有期徒刑": strict whatever the offences. For a
        // term of ten years or more the strict rule differs from 第六条 in the cap of one year
        red(
            "combined 15 years, two crimes of ten or more: repentance and major merit capped at 1 year",
            A7_2,
            fixed(180).twoCrimes(),
            REPENTANCE_AND_MAJOR_MERIT,
            "2022-03-15",
            true,
            "2022-03-15",
            12),
        red(
            "combined 15 years, only one crime of ten or more: 第六条, 2 years",
            A6_2,
            fixed(180),
            REPENTANCE_AND_MAJOR_MERIT,
            "2022-03-15",
            true,
            "2022-03-15",
            24),
        red(
            "combined 15 years, two crimes of ten or more: day before two years",
            A7_2,
            fixed(180).twoCrimes(),
            REPENTANCE,
            "2022-03-14",
            false,
            "2022-03-15",
            9),
        red(
            "two crimes of ten or more, after a reduction of 12 months: 18 months apart",
            A7_2,
            fixed(180).twoCrimes().reduced("2022-06-01", 12),
            REPENTANCE,
            "2023-11-30",
            false,
            "2023-12-01",
            9),
        parole(
            "combined 15 years, two crimes of ten or more: not a parole ban",
            A23,
            fixed(180).twoCrimes(),
            "2027-09-15",
            true,
            "2027-09-15",
            false),
        parole(
            "after a reduction, under 2 years left: 第二十八条第二款 said",
            "第二十八条第二款",
            fixed(36).reduced("2021-03-15", 6),
            "2022-03-15",
            true,
            "2022-03-15",
            false),
        parole(
            "after a reduction of 9 months: 12 months",
            A28,
            fixed(96).reduced("2023-06-01", 9),
            "2024-06-01",
            true,
            "2024-06-01",
            false),
        parole(
            "终身监禁: never",
            A15,
            dr().offences(Offence.CORRUPTION_BY_OFFICIAL).noReduction().toLife("2014-05-10"),
            "2035-01-01",
            false,
            null,
            true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void theLawByHand(Row row) {
    Evaluation e = ENGINE.evaluate(row.facts().record(), row.perf(), d(row.asOf()));
    assertEquals("2016-23/v2", e.rules());
    List<Reason> reasons = new ArrayList<>();
    if (row.redEligible() != null || row.commuteLo() != null) {
      Evaluation.Reduction r = e.reduction();
      reasons.addAll(r.reasons());
      assertEquals(row.redEligible(), r.eligible(), "eligible " + r.reasons());
      assertEquals(d(row.redFrom()), r.eligibleFrom(), "eligibleFrom " + r.reasons());
      if (row.commuteLo() != null) {
        assertEquals(row.commuteLo(), r.commuteToMinMonths(), "commute to, lowest");
        assertEquals(row.commuteHi(), r.commuteToMaxMonths(), "commute to, highest");
      } else {
        assertEquals(row.max(), r.maxMonths(), "maxMonths " + r.reasons());
      }
    } else {
      Evaluation.Parole p = e.parole();
      reasons.addAll(p.reasons());
      assertEquals(row.parEligible(), p.eligible(), "parole eligible " + p.reasons());
      assertEquals(d(row.parFrom()), p.eligibleFrom(), "parole eligibleFrom " + p.reasons());
      assertEquals(row.barred(), p.barred(), "barred " + p.reasons());
    }
    assertTrue(
        reasons.stream().anyMatch(x -> x.article().contains(row.article())),
        "no reason rests on " + row.article() + ": " + reasons);
    for (Reason x : reasons) {
      assertTrue(!x.zh().isBlank() && !x.en().isBlank() && !x.article().isBlank(), x.toString());
    }
  }

  /**
   * 第十九条 (under 18 while serving) and 第二十六条第三项 (under 18 at the crime) are two facts: the outside
   * law check found one flag giving both (N3).
   */
  @org.junit.jupiter.api.Test
  void aMinorAtTheCrimeIsNotAMinorWhileServing() {
    Evaluation atCrime =
        ENGINE.evaluate(fixed(96).juvenile().record(), REPENTANCE, d("2021-09-15"));
    assertTrue(
        atCrime.reduction().reasons().stream().noneMatch(x -> x.article().contains(A19)),
        atCrime.reduction().reasons().toString());
    assertEquals(List.of("PAROLE_LENIENT_JUVENILE"), atCrime.parole().lenient());
    Evaluation serving =
        ENGINE.evaluate(fixed(96).minorWhileServing().record(), REPENTANCE, d("2021-09-15"));
    assertTrue(
        serving.reduction().reasons().stream().anyMatch(x -> x.key().equals("JUVENILE_LENIENCY")));
    assertEquals(List.of(), serving.parole().lenient());
  }

  /**
   * Law check c45: a 限制减刑 死缓 commuted straight to 25 years at the reprieve's end never served as
   * life, so the rules for the time after becoming life (第十一条, 第十三条) are not cited; its interval is
   * 第十四条's.
   */
  @org.junit.jupiter.api.Test
  void aLimitedReprieveCommutedStraightToAFixedTermCitesOnlyWhatApplies() {
    Facts f =
        dr().start("2010-01-01")
            .offences(Offence.INTENTIONAL_HOMICIDE)
            .limited()
            .toFixed("2012-01-01", 300)
            .reduced("2014-01-01", 6);
    Evaluation.Reduction r = ENGINE.evaluate(f.record(), REPENTANCE, d("2016-01-01")).reduction();
    assertEquals(true, r.eligible(), r.reasons().toString());
    assertEquals(d("2016-01-01"), r.eligibleFrom());
    assertEquals(6, r.maxMonths());
    List<String> keys = r.reasons().stream().map(Reason::key).toList();
    assertTrue(keys.contains("COMMUTED_INTERVAL_LIMITED"), keys.toString());
    assertTrue(
        !keys.contains("DR_STRICT")
            && !keys.contains("DR_LIMITED")
            && !keys.contains("COMMUTED_INTERVAL"),
        keys.toString());
  }

  /**
   * 第四十条第二款: the interval runs from the day the previous ruling was served, and the reason people
   * read says so, naming the ruling's date and the service's; while the service is not recorded it
   * says the ruling's date stands in for it.
   */
  @org.junit.jupiter.api.Test
  void theIntervalReasonSaysItCountsFromTheService() {
    Facts served = fixed(96);
    served.changes.add(SentenceChange.reduction(d("2022-03-01"), 6).served(d("2022-03-08")));
    Reason interval = interval(served, "2023-03-08");
    assertTrue(interval.article().contains("第四十条第二款"), interval.toString());
    assertTrue(
        interval.zh().contains("上次减刑裁定（2022-03-01）送达之日（2022-03-08）起算")
            && interval.zh().contains("即2023-03-08起"),
        interval.zh());
    assertTrue(
        interval.en().contains("counted from the service of the previous ruling")
            && interval.en().contains("ruled on 2022-03-01, served on 2022-03-08"),
        interval.en());
    Facts notServed = fixed(96).reduced("2022-03-01", 6);
    Reason ruled = interval(notServed, "2023-03-01");
    assertTrue(ruled.zh().contains("上次减刑裁定之日（2022-03-01；送达日期尚未记录，记录后自送达之日起算）"), ruled.zh());
    assertTrue(ruled.en().contains("its service is not recorded yet"), ruled.en());
    // a commutation to a fixed term is a 减刑裁定 too: its interval names the service the same way
    Facts commuted = life().offences(Offence.OTHER);
    commuted.changes.add(SentenceChange.toFixed(d("2019-07-01"), 264).served(d("2019-07-05")));
    Reason c = interval(commuted, "2021-07-05");
    assertEquals("COMMUTED_INTERVAL", c.key());
    assertTrue(c.zh().contains("送达之日（2019-07-05）起算，即2021-07-05起"), c.zh());
  }

  private static Reason interval(Facts f, String asOf) {
    Evaluation.Reduction r = ENGINE.evaluate(f.record(), REPENTANCE, d(asOf)).reduction();
    assertEquals(d(asOf), r.eligibleFrom(), r.reasons().toString());
    return r.reasons().stream()
        .filter(x -> x.key().contains("INTERVAL"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no interval reason: " + r.reasons()));
  }

  @org.junit.jupiter.api.Test
  void aViolentOwnTermMustFitTheSentence() {
    for (Facts f :
        List.of(
            fixed(96).offences(Offence.ROBBERY).violentTerm(97),
            fixed(96).offences(Offence.OTHER).violentTerm(36),
            life().offences(Offence.ROBBERY).violentTerm(36))) {
      SentenceFactException e =
          org.junit.jupiter.api.Assertions.assertThrows(SentenceFactException.class, f::record);
      assertEquals("sentence.violentTermMonths", e.field());
    }
  }

  @org.junit.jupiter.api.Test
  void twoCrimesOfTenYearsFitOnlyACombinedFixedTermOfTenYears() {
    for (Facts f : List.of(fixed(119).twoCrimes(), life().twoCrimes(), dr().twoCrimes())) {
      SentenceFactException e =
          org.junit.jupiter.api.Assertions.assertThrows(SentenceFactException.class, f::record);
      assertEquals("sentence.twoCrimesOfTenYears", e.field());
    }
  }

  @org.junit.jupiter.api.Test
  void aCombinedFixedTermIsRefusedAsAFact() {
    SentenceFactException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            SentenceFactException.class, () -> fixed(96).combined().record());
    assertEquals("sentence.combinedSentence", e.field());
  }

  /**
   * Reason texts go through {@link java.text.MessageFormat}, where a single quote starts a literal:
   * "the court's" would print "the courts" and swallow the rest. None may carry one.
   */
  @org.junit.jupiter.api.Test
  void noReasonTextHasAQuoteMessageFormatWouldEat() throws Exception {
    java.util.Properties table = new java.util.Properties();
    try (var in =
        new java.io.InputStreamReader(
            RuleTable.class.getResourceAsStream(RuleTable.RESOURCE),
            java.nio.charset.StandardCharsets.UTF_8)) {
      table.load(in);
    }
    List<String> quoted =
        table.stringPropertyNames().stream()
            .filter(
                k -> (k.startsWith("reason.") || k.startsWith("label.")) && !k.endsWith(".article"))
            .filter(k -> table.getProperty(k).contains("'"))
            .sorted()
            .toList();
    assertEquals(List.of(), quoted);
    assertTrue(table.stringPropertyNames().size() > 100, "the table was read");
  }

  @org.junit.jupiter.api.Test
  void theTableHasAtLeastSixtyRows() {
    assertTrue(rows().count() >= 60);
  }
}
