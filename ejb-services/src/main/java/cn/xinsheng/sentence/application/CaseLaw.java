package cn.xinsheng.sentence.application;

import cn.xinsheng.platform.Refusal;
import cn.xinsheng.sentence.domain.EligibilityEngine;
import cn.xinsheng.sentence.domain.Evaluation;
import cn.xinsheng.sentence.domain.Performance;
import cn.xinsheng.sentence.domain.SentenceChange;
import cn.xinsheng.sentence.domain.SentenceFactException;
import cn.xinsheng.sentence.domain.SentenceKind;
import cn.xinsheng.sentence.domain.SentenceRecord;
import cn.xinsheng.sentence.infrastructure.SentenceStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The law at a case's proposal and ruling (issue 16): the proposal's kind of performance, the
 * lawful maximum that follows from it, the minimum actually served, and what a granted ruling does
 * to the sentence. Refusals name the article.
 */
@ApplicationScoped
public class CaseLaw {

  /** What a proposal may ask and rests on. */
  public record Lawful(Performance performance, Performance derived, int limitMonths) {}

  @Inject SentenceStore sentences;

  private static final EligibilityEngine ENGINE = EligibilityEngine.standard();

  private SentenceStore.Loaded loaded(long inmateId, long sectionId) {
    SentenceStore.Loaded l =
        sentences
            .record(inmateId, sectionId)
            .orElseThrow(() -> Refusal.notFound("error.unknownInmate"));
    if (l.error() != null) {
      throw Refusal.conflict("case.error.sentenceFacts", l.error().field());
    }
    return l;
  }

  /**
   * The performance a proposal rests on: the ledger's, or another with a reason (第六条第二款: the
   * maximum follows it).
   */
  public Performance choose(long inmateId, long sectionId, String requested, String reason) {
    Performance derived = loaded(inmateId, sectionId).derived();
    if (requested == null || requested.isBlank()) {
      return derived;
    }
    Performance p;
    try {
      p = Performance.valueOf(requested.strip());
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid(
          "case.error.performance",
          Arrays.stream(Performance.values()).map(Enum::name).collect(Collectors.joining(" ")));
    }
    if (p != derived && (reason == null || reason.isBlank())) {
      throw Refusal.invalid("case.error.performanceReason", derived.name());
    }
    return p;
  }

  /**
   * Each inmate's latest reduction ruling on record (a section's, or the prison's for null), with
   * the day it was served when that is recorded: the interval to the next reduction counts from the
   * service (法释〔2016〕23号第四十条第二款). An inmate with none, or whose record cannot be built, is left
   * out.
   */
  public java.util.Map<Long, SentenceChange> lastReductionRulings(Long sectionId) {
    java.util.Map<Long, SentenceChange> out = new java.util.HashMap<>();
    sentences
        .records(sectionId)
        .forEach(
            (inmate, l) -> {
              if (l.record() != null) {
                l.record().lastReductionRuling().ifPresent(c -> out.put(inmate, c));
              }
            });
    return out;
  }

  public Performance derived(long inmateId, long sectionId) {
    return loaded(inmateId, sectionId).derived();
  }

  /**
   * Checks a reduction's amount (or a life term's commuted term) on a day against the law and
   * answers the limit the case keeps: the maximum of a fixed term, or the longest commuted term.
   */
  public Integer check(
      long inmateId, long sectionId, Performance p, Integer months, LocalDate day) {
    return limit(inmateId, sectionId, p, months, day).limitMonths();
  }

  /**
   * What a proposal's or ruling's amount is within the law.
   *
   * @param limitMonths the limit the case keeps (the maximum, or the longest commuted term)
   * @param nonStandard the amount is above the general maximum and rests on the larger one of
   *     法释〔2016〕23号第十九条、第二十条: a hearing is then mandatory (法释〔2014〕5号第六条第（二）项)
   * @param limitArticle the article of the rule that computed {@code limitMonths}, as the engine
   *     gives it (第六条第二款, 第七条第一款 or 第二款, 第八条, 第九条 …): the case keeps it beside the limit, and a
   *     ruling above the limit is refused naming it
   */
  public record Limit(
      Integer limitMonths, boolean nonStandard, String earlyArticle, String limitArticle) {

    public Limit(Integer limitMonths, boolean nonStandard, String earlyArticle) {
      this(limitMonths, nonStandard, earlyArticle, null);
    }

    public Limit(Integer limitMonths, boolean nonStandard) {
      this(limitMonths, nonStandard, null, null);
    }
  }

  /**
   * Checks the amount like {@link #check}; an amount above the general maximum is lawful up to the
   * larger one 第十九条、第二十条 allow (juveniles; the old, ill and disabled), and is then non-standard.
   */
  public Limit limit(long inmateId, long sectionId, Performance p, Integer months, LocalDate day) {
    return limit(inmateId, sectionId, p, months, day, false);
  }

  /**
   * Checks the amount like {@link #limit(long, long, Performance, Integer, LocalDate)}; with {@code
   * early}, a proposal or ruling before the general first wait or interval is lawful where the law
   * makes an exception, and is then non-standard with the exception's article: major merit
   * (法释〔2016〕23号第六条第四款、第七条第三款、第八条第二款、第十条第三款 — the engine waives the waits) or, for a juvenile
   * (第十九条) or the old, ill and disabled (第二十条), waits shorter by at most a third — but then not a
   * larger amount too. A non-standard wait makes the hearing mandatory (法释〔2014〕5号第六条第（二）项).
   */
  public Limit limit(
      long inmateId, long sectionId, Performance p, Integer months, LocalDate day, boolean early) {
    SentenceRecord record = loaded(inmateId, sectionId).record();
    Evaluation.Reduction r;
    try {
      r = ENGINE.evaluate(record, p, day).reduction();
    } catch (SentenceFactException e) {
      throw Refusal.conflict("case.error.sentenceFacts", e.field());
    }
    // the engine itself waives the waits for major merit: that is a non-standard wait
    String earlyArticle =
        r.reasons().stream()
            .filter(x -> x.key().startsWith("MAJOR_MERIT_WAIVES_WAITS"))
            .map(cn.xinsheng.sentence.domain.Reason::article)
            .findFirst()
            .orElse(null);
    boolean shortenedWait = false;
    if (!r.eligible()) {
      boolean roomLeft = r.maxMonths() == null || r.maxMonths() > 0;
      if (early
          && roomLeft
          && r.commutation() != Evaluation.Commutation.REPRIEVE_END
          && r.lenientEligibleFrom() != null
          && !day.isBefore(r.lenientEligibleFrom())) {
        shortenedWait = true;
        earlyArticle =
            r.reasons().stream()
                .filter(
                    x -> x.key().equals("JUVENILE_LENIENCY") || x.key().equals("ELDERLY_LENIENCY"))
                .map(cn.xinsheng.sentence.domain.Reason::article)
                .findFirst()
                .orElseThrow();
      } else {
        throw Refusal.conflict("case.error.notLawful", waitArticles(r, day));
      }
    }
    if (r.commutation() == Evaluation.Commutation.REPRIEVE_END) {
      // 刑法第五十条第一款: at the reprieve's end the sentence becomes life (no months), or 25 years
      // (300 months) with major merit; nothing else is lawful
      if (months == null) {
        return new Limit(null, false);
      }
      if (r.commuteToMaxMonths() == null || !months.equals(r.commuteToMaxMonths())) {
        throw Refusal.invalid("case.error.reprieveEnd", r.limitArticle());
      }
      return new Limit(r.commuteToMaxMonths(), false, null, r.limitArticle());
    }
    if (r.maxMonths() != null) {
      Integer lenient = r.lenientMaxMonths();
      // 第十九条、第二十条: a larger amount or shorter waits, never both
      if (!shortenedWait
          && months != null
          && lenient != null
          && months > r.maxMonths()
          && months <= lenient) {
        // the larger limit rests on the leniency's own article, not on the general maximum's
        return new Limit(lenient, true, earlyArticle, leniencyArticle(r));
      }
      if (months == null || months < 1 || months > r.maxMonths()) {
        throw Refusal.invalid("case.error.aboveLawful", r.maxMonths(), r.limitArticle());
      }
      return new Limit(r.maxMonths(), earlyArticle != null, earlyArticle, r.limitArticle());
    }
    if (months == null || months < r.commuteToMinMonths() || months > r.commuteToMaxMonths()) {
      throw Refusal.invalid(
          "case.error.commuteRange",
          r.commuteToMinMonths(),
          r.commuteToMaxMonths(),
          r.limitArticle());
    }
    return new Limit(r.commuteToMaxMonths(), earlyArticle != null, earlyArticle, r.limitArticle());
  }

  /** 第十九条 (juveniles) or 第二十条 (the old, ill and disabled): the article of the larger amount. */
  private static String leniencyArticle(Evaluation.Reduction r) {
    return r.reasons().stream()
        .filter(x -> x.key().equals("JUVENILE_LENIENCY") || x.key().equals("ELDERLY_LENIENCY"))
        .map(cn.xinsheng.sentence.domain.Reason::article)
        .findFirst()
        .orElse(r.limitArticle());
  }

  private static final java.util.Set<String> WAITS =
      java.util.Set.of(
          "FIRST_WAIT",
          "INTERVAL",
          "INTERVAL_PREVIOUS_AMOUNT",
          "COMMUTED_INTERVAL",
          // a limited 死缓 commuted to a fixed term: 第十四条 and the interval's 第四十条第二款
          "COMMUTED_INTERVAL_LIMITED",
          "LIFE_FIRST",
          "DR_FIRST",
          "REPRIEVE_END",
          "NEW_CRIME",
          "NEW_CRIME_REPRIEVE",
          "JUVENILE_LENIENCY",
          "ELDERLY_LENIENCY");

  /**
   * The articles a refusal "not yet lawful" names: those of the waits not met (and of the shortened
   * waits, not met either); otherwise the article that leaves nothing to reduce.
   */
  static String waitArticles(Evaluation.Reduction r, LocalDate day) {
    if (r.eligibleFrom() == null || !day.isBefore(r.eligibleFrom())) {
      return r.limitArticle();
    }
    String waits =
        r.reasons().stream()
            .filter(x -> WAITS.contains(x.key()))
            .map(cn.xinsheng.sentence.domain.Reason::article)
            .distinct()
            .collect(Collectors.joining("；"));
    return waits.isEmpty() ? r.limitArticle() : waits;
  }

  /**
   * Whether the court must hear the case on the proposal's facts alone (法释〔2014〕5号第六条): major merit
   * (第（一）项), or an offender of 第（五）项 — 职务犯罪, 黑社会性质组织, 破坏金融管理秩序和金融诈骗.
   */
  public boolean hearingByFacts(long inmateId, long sectionId, Performance p) {
    if (p != null && p.majorMerit()) {
      return true;
    }
    SentenceRecord r = loaded(inmateId, sectionId).record();
    return r.offences().stream()
        .anyMatch(
            o ->
                o == cn.xinsheng.sentence.domain.Offence.DUTY_CRIME
                    || o == cn.xinsheng.sentence.domain.Offence.CORRUPTION_BY_OFFICIAL
                    || o == cn.xinsheng.sentence.domain.Offence.ORGANISED_CRIME
                    || o == cn.xinsheng.sentence.domain.Offence.FINANCIAL_ORDER
                    || o == cn.xinsheng.sentence.domain.Offence.FINANCIAL_FRAUD);
  }

  /**
   * The day a 死缓's reprieve ends, while it runs (刑法第五十条第一款, 第五十一条): a commutation at its end is
   * dated that day, whenever the court rules; empty once the reprieve has ended in a commutation.
   */
  public java.util.Optional<LocalDate> reprieveEnds(long inmateId, long sectionId, LocalDate day) {
    SentenceRecord record = loaded(inmateId, sectionId).record();
    Evaluation.Reduction r;
    try {
      r = ENGINE.evaluate(record, null, day).reduction();
    } catch (SentenceFactException e) {
      throw Refusal.conflict("case.error.sentenceFacts", e.field());
    }
    return r.commutation() == Evaluation.Commutation.REPRIEVE_END
        ? java.util.Optional.of(r.eligibleFrom())
        : java.util.Optional.empty();
  }

  /**
   * A 死缓's reprieve ended by a granted ruling: the {@code sentence_change} row dated the reprieve's
   * end — to life when {@code toMonths} is null, else to that fixed term counted from that day
   * (刑法第五十一条). Returns the row's id.
   */
  public long recordReprieveEnd(
      long inmateId, long caseId, LocalDate reprieveEnd, Integer toMonths, String by) {
    return toMonths == null
        ? sentences.recordChange(
            inmateId,
            caseId,
            cn.xinsheng.sentence.domain.SentenceChange.toLife(reprieveEnd),
            null,
            null,
            by)
        : sentences.recordChange(
            inmateId,
            caseId,
            cn.xinsheng.sentence.domain.SentenceChange.toFixed(reprieveEnd, toMonths),
            null,
            reprieveEnd.plusMonths(toMonths),
            by);
  }

  /**
   * Whether a granted reduction commutes a life term (its months are then the new term): the
   * sentence in execution is life — imposed, reached from 死缓, or a new crime's life judgment that
   * absorbed a fixed term (刑法第六十九条、第七十一条) — as the engine folds the changes.
   */
  public boolean commutes(long inmateId, long sectionId) {
    return inExecution(inmateId, sectionId) == SentenceKind.LIFE;
  }

  /**
   * The sentence in execution now, which decides the court a case goes to (法释〔2014〕5号第一条): {@code
   * FIXED_TERM} for a fixed term or one commuted to it (the intermediate court), {@code LIFE} for
   * life or a 死缓 whose reprieve ended, {@code DEATH_REPRIEVE} while the reprieve runs (both through
   * the bureau to the high court, 司法部令第130号第四条).
   */
  public String sentenceInExecution(long inmateId, long sectionId) {
    return switch (inExecution(inmateId, sectionId)) {
      case FIXED -> "FIXED_TERM";
      case LIFE -> "LIFE";
      case DEATH_REPRIEVE -> "DEATH_REPRIEVE";
    };
  }

  private SentenceKind inExecution(long inmateId, long sectionId) {
    try {
      return ENGINE.inExecution(loaded(inmateId, sectionId).record());
    } catch (SentenceFactException e) {
      throw Refusal.conflict("case.error.sentenceFacts", e.field());
    }
  }

  public void recordPerformance(
      long caseId, Performance p, Performance derived, String reason, String by) {
    sentences.recordPerformance(
        caseId, p, derived, reason == null || reason.isBlank() ? null : reason.strip(), by);
  }

  /** Records a proposal's departure from the general rule (a wait or an amount) and its article. */
  public void recordNonStandard(long caseId, String ground, String article, String by) {
    sentences.recordNonStandard(caseId, ground, article, by);
  }

  /**
   * The limit a proposal kept and the article of the rule that computed it (issue 16): written with
   * the proposal, never changed; the ruling's check names this article when it refuses an amount
   * above the limit.
   */
  public void recordLimitBasis(long caseId, Integer limitMonths, String article, String by) {
    if (article != null) {
      sentences.recordLimitBasis(caseId, limitMonths, article, by);
    }
  }

  /** The article a case's kept limit rests on, when the proposal recorded it. */
  public java.util.Optional<String> limitArticleOf(long caseId) {
    return sentences.limitArticleOf(caseId);
  }

  /** {ground, article} when the case departs from the general rule. */
  public java.util.Optional<String[]> nonStandardOf(long caseId) {
    return sentences.nonStandardOf(caseId);
  }

  public Performance performanceOf(long caseId, long inmateId, long sectionId) {
    return sentences.performanceOf(caseId).orElseGet(() -> derived(inmateId, sectionId));
  }

  /** The commutation's {@code sentence_change} row; returns its id (the audit log binds it). */
  public long recordCommutation(
      long inmateId, long caseId, LocalDate ruledOn, int toMonths, String by) {
    return sentences.recordCommutation(inmateId, caseId, ruledOn, toMonths, by);
  }

  /**
   * A granted ruling served on {@code servedOn}: the changes it wrote are dated served, and the
   * interval to the next reduction runs from that day (法释〔2016〕23号第四十条第二款).
   */
  public int recordService(long caseId, LocalDate servedOn, String by) {
    return sentences.recordService(caseId, servedOn, by);
  }

  /** Commendations a granted case already cited. */
  public java.util.Set<Long> usedCommendations(long inmateId) {
    return sentences.usedCommendations(inmateId);
  }
}
