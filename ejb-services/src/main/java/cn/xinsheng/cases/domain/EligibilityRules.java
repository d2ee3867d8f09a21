package cn.xinsheng.cases.domain;

import cn.xinsheng.sentence.domain.EligibilityEngine;
import cn.xinsheng.sentence.domain.Evaluation;
import cn.xinsheng.sentence.domain.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * What the case workflow makes of the law: the engine's answer (rule table {@code 2016-23/v2},
 * {@link EligibilityEngine}) as one result per kind for the monthly list, and the settings a
 * province decides ({@code eligibility-rules.properties}: near misses, posting days, quorum, citing
 * commendations again). The law itself is not here.
 */
public final class EligibilityRules {

  public static final String RESOURCE = "eligibility-rules.properties";

  /** The reason key of a v2 result: its first argument is the Chinese text, the second English. */
  public static final String REASON_KEY = "elig.v2";

  private final EligibilityEngine engine;
  private final int nearMissDays;
  private final int postingDays;
  private final int strictPostingDays;
  private final int committeeQuorum;
  private final boolean citeAgain;
  private final int bureauWorkingDays;

  private EligibilityRules(Properties p, EligibilityEngine engine) {
    this.engine = engine;
    this.nearMissDays = integer(p, "near-miss-days");
    this.postingDays = integer(p, "posting.working-days");
    this.strictPostingDays = integer(p, "posting.strict-working-days");
    this.committeeQuorum = integer(p, "committee.quorum");
    this.citeAgain = Boolean.parseBoolean(required(p, "commendation.cite-again"));
    // issue 16: absent from a province's older file, the shipped default
    this.bureauWorkingDays =
        Integer.parseInt(
            p.getProperty("bureau.working-days", String.valueOf(ReductionCase.BUREAU_WORKING_DAYS))
                .strip());
    if (bureauWorkingDays < 1) {
      throw new IllegalArgumentException("bureau.working-days must be at least 1");
    }
  }

  /** The settings that ship with this version of Xinsheng, over the standard rule table. */
  public static EligibilityRules standard() {
    try (InputStream in = EligibilityRules.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the build");
      }
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static EligibilityRules parse(InputStream in) throws IOException {
    Properties p = new Properties();
    p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    return new EligibilityRules(p, EligibilityEngine.standard());
  }

  private static String required(Properties p, String key) {
    String v = p.getProperty(key);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("eligibility settings: " + key + " is missing");
    }
    return v.strip();
  }

  private static int integer(Properties p, String key) {
    try {
      int v = Integer.parseInt(required(p, key));
      if (v < 0) {
        throw new IllegalArgumentException("eligibility settings: " + key + " is negative");
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("eligibility settings: " + key + " is not a whole number");
    }
  }

  /** The rule table's version: every result and case records it. */
  public String version() {
    return engine.table().version();
  }

  public EligibilityEngine engine() {
    return engine;
  }

  public int nearMissDays() {
    return nearMissDays;
  }

  public int committeeQuorum() {
    return committeeQuorum;
  }

  /**
   * The bureau's time for a life or 死缓 case, in working days from the prison's submission: a
   * province's setting (司法部令第130号 fixes none).
   */
  public int bureauWorkingDays() {
    return bureauWorkingDays;
  }

  public boolean commendationMayBeCitedAgain() {
    return citeAgain;
  }

  /** Posting inside the prison, in working days: longer for strict cases and major merit. */
  public int postingWorkingDays(SentenceFacts facts) {
    return facts.strict() || facts.majorMerit() ? strictPostingDays : postingDays;
  }

  /** The court must hear the case (not decide on the papers) for these facts alone. */
  public boolean hearingRequired(SentenceFacts facts) {
    return facts.strict() || facts.majorMerit();
  }

  /**
   * The engine's answer as the monthly list keeps it: reduction first, then parole; the reasons
   * with their articles in both languages.
   */
  public List<Eligibility> results(Evaluation e) {
    Evaluation.Reduction r = e.reduction();
    Evaluation.Parole p = e.parole();
    EligibilityOutcome ro =
        r.eligibleFrom() == null || (r.maxMonths() != null && r.maxMonths() == 0)
            ? EligibilityOutcome.BLOCKED
            : timing(r.eligible(), r.eligibleFrom(), e.asOf());
    EligibilityOutcome po =
        p.barred() || p.eligibleFrom() == null
            ? EligibilityOutcome.BLOCKED
            : timing(p.eligible(), p.eligibleFrom(), e.asOf());
    return List.of(
        new Eligibility(
            CaseKind.REDUCTION,
            ro,
            r.eligibleFrom(),
            r.maxMonths() != null ? r.maxMonths() : r.commuteToMaxMonths(),
            REASON_KEY,
            texts(r.reasons()),
            e.rules()),
        new Eligibility(
            CaseKind.PAROLE,
            po,
            p.eligibleFrom(),
            null,
            REASON_KEY,
            texts(p.reasons()),
            e.rules()));
  }

  /** Facts that cannot be evaluated: both kinds blocked, the field named. */
  public List<Eligibility> incomplete(String field, String zh, String en) {
    List<String> args =
        List.of(
            "刑罚事实缺失或矛盾(" + field + "):" + zh,
            "Sentence facts missing or contradictory (" + field + "): " + en);
    return List.of(
        new Eligibility(
            CaseKind.REDUCTION,
            EligibilityOutcome.BLOCKED,
            null,
            null,
            REASON_KEY,
            args,
            version()),
        new Eligibility(
            CaseKind.PAROLE, EligibilityOutcome.BLOCKED, null, null, REASON_KEY, args, version()));
  }

  /** Chinese and English, each reason with its article; "|" separates stored arguments. */
  static List<String> texts(List<Reason> reasons) {
    String zh =
        reasons.stream()
            .map(x -> x.zh() + "〔" + x.article() + "〕")
            .collect(Collectors.joining(";"));
    String en =
        reasons.stream()
            .map(x -> x.en() + " [" + x.article() + "]")
            .collect(Collectors.joining("; "));
    return List.of(zh.replace('|', '/'), en.replace('|', '/'));
  }

  private EligibilityOutcome timing(boolean eligible, LocalDate from, LocalDate asOf) {
    if (eligible) {
      return EligibilityOutcome.ELIGIBLE;
    }
    return ChronoUnit.DAYS.between(asOf, from) <= nearMissDays
        ? EligibilityOutcome.NEAR_MISS
        : EligibilityOutcome.NOT_YET;
  }
}
