package cn.xinsheng.readiness.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the platform already knows about a person that the default instrument asks for, and how each
 * fact becomes a factor value. A fact the platform does not hold is null, and its factor is then
 * left to the officer (never guessed, never scored as the reference value). The platform keeps no
 * date of birth, so the age at release is always the officer's.
 *
 * @param offenceCategory the inmate's offence category as organisation keeps it (PROPERTY, FRAUD…)
 * @param sentenceMonths the fixed term imposed, null for life or when unknown
 * @param life a life or 死缓 sentence
 * @param recidivist the sentence record's 累犯 (刑法第六十五条), null without a sentence record
 * @param pointsTenths12 approved, unreversed ledger points of the last 12 months in tenths,
 *     sanctions excluded; null when the inmate has no ledger entry at all
 * @param sanctions24 approved, unreversed sanction entries in the last 24 months; null as above
 * @param educationCredits education credits confirmed in prison (lms)
 * @param scenarios simulations the platform ships
 * @param scenariosTried simulations the person has finished at least once
 * @param scenariosPassed simulations the person has passed at least once
 * @param musicGraded whether the person passed a folk-music grade; null while no music source
 *     answers (the music programme's extension point)
 */
public record PlatformFacts(
    String offenceCategory,
    Integer sentenceMonths,
    boolean life,
    Boolean recidivist,
    Long pointsTenths12,
    Integer sanctions24,
    int educationCredits,
    int scenarios,
    int scenariosTried,
    int scenariosPassed,
    Boolean musicGraded) {

  /**
   * A ledger year at or above one full assessment cycle (600 accumulated points form a cycle,
   * DOMAIN §2) is high; below half of it is low. A project setting, not fitted: the instrument says
   * so.
   */
  public static final long HIGH_POINTS_TENTHS = 6000;

  public static final long LOW_POINTS_TENTHS = 3000;

  /** Three or more confirmed credits count as "many credits". */
  public static final int MANY_CREDITS = 3;

  /** One factor value and where it came from, in both languages. */
  public record Derived(String value, String sourceZh, String sourceEn) {}

  /** The factor values these facts give, by factor code; factors absent here are the officer's. */
  public Map<String, Derived> derive() {
    Map<String, Derived> out = new LinkedHashMap<>();
    String offence = offenceType(offenceCategory);
    if (offence != null) {
      out.put("OFFENCE_TYPE", new Derived(offence, "罪犯档案·罪名类别", "inmate record: offence category"));
    }
    if (life) {
      out.put("SENTENCE_LENGTH", new Derived("OVER_10", "刑罚记录·无期或死缓", "sentence: life or 死缓"));
    } else if (sentenceMonths != null) {
      String v =
          sentenceMonths < 36 ? "UNDER_3" : sentenceMonths <= 120 ? "YEARS_3_TO_10" : "OVER_10";
      out.put("SENTENCE_LENGTH", new Derived(v, "刑罚记录·原判刑期", "sentence: term imposed"));
    }
    if (recidivist != null) {
      out.put(
          "RECIDIVIST",
          new Derived(recidivist ? "YES" : "NO", "刑罚记录·累犯", "sentence record: recidivist"));
    }
    if (pointsTenths12 != null) {
      String v =
          pointsTenths12 >= HIGH_POINTS_TENTHS
              ? "HIGH"
              : pointsTenths12 < LOW_POINTS_TENTHS ? "LOW" : "AVERAGE";
      out.put(
          "POINTS_LAST_12_MONTHS",
          new Derived(
              v,
              "计分考核·近 12 个月 " + pointsTenths12 / 10.0 + " 分",
              "ledger: " + pointsTenths12 / 10.0 + " points in 12 months"));
    }
    if (sanctions24 != null) {
      String v = sanctions24 == 0 ? "NONE" : sanctions24 == 1 ? "ONE" : "TWO_PLUS";
      out.put(
          "SANCTIONS_LAST_24_MONTHS",
          new Derived(
              v,
              "计分考核·近 24 个月处分 " + sanctions24 + " 次",
              "ledger: " + sanctions24 + " sanctions in 24 months"));
    }
    String study =
        educationCredits == 0
            ? "NONE"
            : educationCredits >= MANY_CREDITS ? "DIPLOMA_OR_MANY_CREDITS" : "SOME";
    out.put(
        "EDUCATION_IN_PRISON",
        new Derived(
            study,
            "教育学习·已确认学分 " + educationCredits + " 项",
            "learning: " + educationCredits + " credits confirmed"));
    String sims =
        scenariosTried == 0
            ? "NOT_TAKEN"
            : scenariosPassed >= scenarios && scenarios > 0 ? "PASSED" : "PARTLY";
    out.put(
        "RELEASE_SIMULATIONS",
        new Derived(
            sims,
            "出监模拟·通过 " + scenariosPassed + " / " + scenarios + " 项",
            "simulations: " + scenariosPassed + " of " + scenarios + " passed"));
    if (musicGraded != null) {
      out.put(
          "MUSIC_PROGRAMME",
          new Derived(
              musicGraded ? "GRADED" : "NOT_TAKING_PART", "民乐修心·考级记录", "music: grading record"));
    }
    return out;
  }

  /**
   * The instrument's offence types from organisation's categories. Fraud is a property offence
   * (刑法第五章 侵犯财产罪, 第二百六十六条); organised crime and traffic offences are "other" because the instrument
   * has no type of their own.
   */
  static String offenceType(String category) {
    if (category == null) {
      return null;
    }
    return switch (category) {
      case "PROPERTY", "FRAUD" -> "PROPERTY";
      case "DRUG" -> "DRUG";
      case "VIOLENT" -> "VIOLENT";
      case "DUTY" -> "DUTY_OR_ECONOMIC";
      case "TRAFFIC", "ORGANISED_CRIME", "OTHER" -> "OTHER";
      default -> null;
    };
  }
}
