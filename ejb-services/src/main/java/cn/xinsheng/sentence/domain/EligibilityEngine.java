package cn.xinsheng.sentence.domain;

import cn.xinsheng.sentence.domain.RuleTable.Label;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reduction and parole under the rule table: when the next reduction may be proposed, how much it
 * may take, what must still be served, and whether and when parole may be granted. Every figure
 * comes from the {@link RuleTable}; every answer carries its reasons with their articles. "On the
 * day" counts: a wait of 12 months from 2020-03-15 is met on 2021-03-15, not the day before.
 */
public final class EligibilityEngine {

  /** Which set of figures governs: 第六条, 第七条 (and 第九条, 第十一条), or 法释〔2019〕6号. */
  enum Regime {
    NORMAL("normal"),
    STRICT("strict"),
    CORRUPTION("corruption");

    final String key;

    Regime(String key) {
      this.key = key;
    }
  }

  private static final EligibilityEngine STANDARD = new EligibilityEngine(RuleTable.standard());

  private final RuleTable t;

  public EligibilityEngine(RuleTable table) {
    this.t = table;
  }

  public static EligibilityEngine standard() {
    return STANDARD;
  }

  public RuleTable table() {
    return t;
  }

  /** Where the sentence stands after its changes. */
  private static final class State {
    SentenceKind phase;
    LocalDate lifeFrom;
    LocalDate reprieveEnd;
    boolean viaLife;
    LocalDate end;
    int bandMonths;
    boolean commuted;
    LocalDate lastChange;

    /** The ruling {@link #lastChange} comes from: its date and service are named in the reason. */
    SentenceChange lastRuling;

    Integer lastReductionMonths;
    SentenceChange lastForParole;
    LocalDate newCrimeOn;
    boolean newCrimeLife;

    /** 刑法第七十一条: the combined term a new crime's judgment set, executed from that judgment. */
    Integer newCrimeCombinedMonths;

    /** 第二十一条第二款: months of no reduction from the day a 死缓 restarted by a new crime became life. */
    Integer newCrimeBarMonths;

    /** The day the reprieve runs from: the start, or a new crime's judgment (刑法第五十条第一款). */
    LocalDate reprieveFrom;

    boolean reprieveRestarted;

    /**
     * The end of the term in execution as if no reduction had been granted: 法释〔2016〕23号第三十三条 —
     * after a new crime, "经减刑裁定减去的刑期不计入已经执行的刑期", so what is left to combine with the new term is
     * counted from this end, not from {@link #end}.
     */
    LocalDate endWithoutReductions;
  }

  /**
   * Evaluates a sentence on a day.
   *
   * @param performance the proposal's kind of performance; without it no maximum is given
   * @throws SentenceFactException when a fact is missing or contradicts another
   */
  public Evaluation evaluate(SentenceRecord r, Performance performance, LocalDate asOf) {
    if (asOf == null) {
      throw new SentenceFactException("asOf", "缺少评估日期", "the day to evaluate on is missing");
    }
    if (asOf.isBefore(r.start())) {
      throw new SentenceFactException(
          "asOf", "评估日期早于判决执行之日", "the day to evaluate on precedes the start of the sentence");
    }
    for (int i = 0; i < r.changes().size(); i++) {
      if (r.changes().get(i).on().isAfter(asOf)) {
        throw new SentenceFactException(
            "changes[" + i + "].on",
            "变更日期晚于评估日期",
            "a change is dated after the day to evaluate on");
      }
      LocalDate served = r.changes().get(i).servedOn();
      if (served != null && served.isAfter(asOf)) {
        throw new SentenceFactException(
            "changes[" + i + "].servedOn",
            "送达日期晚于评估日期",
            "a ruling is served after the day to evaluate on");
      }
    }
    State s = fold(r);
    return new Evaluation(
        t.version(), asOf, reduction(r, s, performance, asOf), parole(r, s, asOf));
  }

  /**
   * The kind of sentence in execution after every change: what a granted ruling does to it (a fixed
   * term loses months; life, imposed, reached from 死缓 or by a new crime's life judgment, 刑法第六十九条,
   * is commuted to a fixed term; a running reprieve ends) and which court hears the case.
   */
  public SentenceKind inExecution(SentenceRecord r) {
    return fold(r).phase;
  }

  private State fold(SentenceRecord r) {
    State s = new State();
    s.phase = r.kind();
    if (r.kind() == SentenceKind.FIXED) {
      // 刑法第四十七条: pre-trial detention credited day for day against the term
      s.end = r.start().minusDays(r.detentionDays()).plusMonths(r.months());
      s.endWithoutReductions = s.end;
      s.bandMonths = r.months();
    } else if (r.kind() == SentenceKind.LIFE) {
      s.lifeFrom = r.start();
    } else {
      // 刑法第五十一条: the reprieve is counted from the day the judgment became final
      s.reprieveFrom = r.start();
    }
    for (int i = 0; i < r.changes().size(); i++) {
      SentenceChange c = r.changes().get(i);
      switch (c.kind()) {
        case REDUCTION -> {
          s.end = s.end.minusMonths(c.months());
          // 第四十条第二款: the interval runs from the day the ruling was served
          s.lastChange = c.effectiveFrom();
          s.lastRuling = c;
          s.lastReductionMonths = c.months();
          s.lastForParole = c;
        }
        case COMMUTATION_TO_LIFE -> {
          s.phase = SentenceKind.LIFE;
          s.lifeFrom = c.on();
          s.reprieveEnd = c.on();
          s.viaLife = true;
          s.lastForParole = c;
          if (s.reprieveRestarted) {
            // 法释〔2016〕23号第二十一条第二款: a reprieve restarted by a new crime, once life, bars
            // any reduction for five years
            s.newCrimeOn = c.on();
            s.newCrimeBarMonths = t.months("new-crime.reprieve-bar-months");
          }
        }
        case COMMUTATION_TO_FIXED -> {
          if (s.phase == SentenceKind.DEATH_REPRIEVE) {
            // 刑法第五十条: major merit during the reprieve commutes it straight to 25 years
            s.reprieveEnd = c.on();
          }
          s.phase = SentenceKind.FIXED;
          // 刑法第八十条, 第五十一条: the new term is counted from the commutation
          s.end = c.on().plusMonths(c.toMonths());
          s.endWithoutReductions = s.end;
          s.bandMonths = c.toMonths();
          s.commuted = true;
          s.lastChange = c.effectiveFrom();
          s.lastRuling = c;
          s.lastReductionMonths = null;
          s.lastForParole = c;
        }
        case NEW_CRIME -> {
          if (s.phase == SentenceKind.DEATH_REPRIEVE) {
            // 刑法第五十条第一款: an intentional crime during the reprieve that is not punished by
            // death starts the reprieve again from the new judgment (第二十一条第二款)
            s.reprieveFrom = c.on();
            s.reprieveRestarted = true;
            continue;
          }
          s.newCrimeOn = c.on();
          s.newCrimeLife = c.months() == null;
          s.newCrimeBarMonths = null;
          s.newCrimeCombinedMonths = c.toMonths();
          if (s.newCrimeLife && s.phase == SentenceKind.FIXED) {
            // 刑法第六十九条、第七十一条: a new life sentence absorbs the fixed term; life is
            // executed from the new judgment, and is commuted, not reduced
            s.phase = SentenceKind.LIFE;
            s.lifeFrom = c.on();
            s.end = null;
            s.lastChange = null;
            s.lastRuling = null;
            s.lastReductionMonths = null;
            s.lastForParole = null;
          }
          if (c.toMonths() != null && s.phase == SentenceKind.FIXED) {
            combinedTermLawful(s, c, i);
            // 刑法第七十一条: the combined term is executed from the new judgment
            s.end = c.on().plusMonths(c.toMonths());
            s.endWithoutReductions = s.end;
            s.bandMonths = c.toMonths();
          }
        }
        default -> throw new IllegalStateException(c.kind().name());
      }
    }
    return s;
  }

  /**
   * A new crime's combined term (刑法第七十一条, 先减后并) must be one a court can set: at least the larger of
   * the new crime's term and what was left of the old one, at most their sum and never above 20
   * years (25 when the sum is 35 years or more, 刑法第六十九条第一款). What was left is counted without the
   * months earlier reductions took (法释〔2016〕23号第三十三条: "经减刑裁定减去的刑期不计入已经执行的刑期"): the reductions fall
   * away, the commutations stay. A combined term outside that range contradicts the other facts.
   */
  private static void combinedTermLawful(State s, SentenceChange c, int i) {
    if (c.months() == null || s.endWithoutReductions == null) {
      return;
    }
    // a part month left is the court's to count: the lower bound takes the whole months only, the
    // upper bound the part month as a whole one, so no term a court could set is refused
    int leftUp = Math.max(0, monthsCeil(c.on(), s.endWithoutReductions));
    int left = Math.max(0, monthsFloorBack(s.endWithoutReductions, c.on()));
    int sum = leftUp + c.months();
    int lowest = Math.max(left, c.months());
    int highest = Math.min(sum, sum >= 35 * 12 ? 25 * 12 : 20 * 12);
    if (lowest > highest) {
      // the old term alone is already above the cap (a long term nearly unserved): the cap holds
      lowest = highest;
    }
    if (c.toMonths() < lowest || c.toMonths() > highest) {
      throw new SentenceFactException(
          "changes[" + i + "].toMonths",
          "并罚后刑期应在"
              + lowest
              + "至"
              + highest
              + "个月之间：新罪刑期"
              + c.months()
              + "个月，原判未执行刑期"
              + left
              + "个月（减刑减去的刑期不计入已执行刑期，法释〔2016〕23号第三十三条；刑法第六十九条、第七十一条）",
          "the combined term must be "
              + lowest
              + " to "
              + highest
              + " months: the new crime's "
              + c.months()
              + " months and the "
              + left
              + " months left of the old term (months taken off by reductions do not count as"
              + " served, 法释〔2016〕23号第三十三条; 刑法 arts 69, 71)");
    }
  }

  private boolean violentLong(SentenceRecord r) {
    if (!r.has(Offence.Category.VIOLENT)) {
      return false;
    }
    if (r.kind() != SentenceKind.FIXED) {
      return true;
    }
    // "因…被判处十年以上": the violent offence's own term when the judgment gives it apart
    int term = r.violentTermMonths() != null ? r.violentTermMonths() : r.months();
    return term >= t.months("violent.threshold-months");
  }

  /** A violent offence whose own term is under ten years inside a longer combined term. */
  private void violentBelowThreshold(SentenceRecord r, List<Reason> reasons) {
    if (r.violentTermMonths() != null && !violentLong(r)) {
      reasons.add(
          t.reason(
              "VIOLENT_OWN_TERM_BELOW",
              offences(r, Offence.Category.VIOLENT),
              r.violentTermMonths(),
              r.months()));
    }
  }

  private Regime regime(SentenceRecord r, State s) {
    if (r.has(Offence.Category.CORRUPTION)) {
      return Regime.CORRUPTION;
    }
    if (r.has(Offence.Category.STRICT)
        || r.recidivist()
        || r.propertyPenalty() == PropertyPenalty.UNPAID_ABLE
        || violentLong(r)
        // 第九条 "数罪并罚被判处无期徒刑的罪犯", 第十一条 likewise for 死缓; a new crime in prison
        // sentenced to life is combined into life (刑法第七十一条, 第六十九条): the same words
        || r.combinedSentence()
        || s.newCrimeLife
        // 第七条第二款 "数罪并罚且其中两罪以上被判处十年以上有期徒刑的罪犯"
        || r.twoCrimesOfTenYears()) {
      return Regime.STRICT;
    }
    return Regime.NORMAL;
  }

  private Label offences(SentenceRecord r, Offence.Category category) {
    List<Label> labels =
        r.offences().stream()
            .filter(o -> o.category() == category)
            .sorted()
            .map(o -> t.label(o.name()))
            .toList();
    return new Label(
        labels.stream().map(Label::zh).collect(Collectors.joining("、")),
        labels.stream().map(Label::en).collect(Collectors.joining(", ")));
  }

  private Label strictGrounds(SentenceRecord r) {
    List<Label> labels = new ArrayList<>();
    r.offences().stream()
        .filter(o -> o.category() == Offence.Category.STRICT)
        .sorted()
        .forEach(o -> labels.add(t.label(o.name())));
    if (r.recidivist()) {
      labels.add(t.label("RECIDIVIST"));
    }
    if (r.propertyPenalty() == PropertyPenalty.UNPAID_ABLE) {
      labels.add(t.label("UNPAID_ABLE"));
    }
    return new Label(
        labels.stream().map(Label::zh).collect(Collectors.joining("、")),
        labels.stream().map(Label::en).collect(Collectors.joining(", ")));
  }

  /** The earliest day the term may end: the minimum actually served (刑法第七十八条第二款). */
  private LocalDate minimumEnd(SentenceRecord r, State s, List<Reason> reasons) {
    if (r.kind() == SentenceKind.FIXED && s.newCrimeOn != null) {
      // a new crime in prison: what must be served counts from the new judgment (刑法第七十一条,
      // 第七十八条第二款) — 13 years of a new life sentence, or half of the combined term; never
      // less than the old minimum
      LocalDate old =
          share(r.start().minusDays(r.detentionDays()), r.months(), t.share("minimum.fixed-share"));
      if (s.newCrimeLife) {
        LocalDate min = s.newCrimeOn.plusMonths(t.months("minimum.life-months"));
        reasons.add(
            t.reason(
                "MINIMUM_SERVED",
                new Label("新罪判处无期徒刑，自新罪判决起十三年", "13 years from the new life judgment"),
                min,
                endText(s)));
        return min.isAfter(old) ? min : old;
      }
      if (s.newCrimeCombinedMonths != null) {
        LocalDate min =
            share(s.newCrimeOn, s.newCrimeCombinedMonths, t.share("minimum.fixed-share"));
        if (old.isAfter(min)) {
          min = old;
        }
        reasons.add(
            t.reason(
                "MINIMUM_SERVED",
                new Label(
                    "数罪并罚决定执行刑期" + s.newCrimeCombinedMonths + "个月（自新罪判决起）的二分之一",
                    "half of the combined "
                        + s.newCrimeCombinedMonths
                        + " months (from the new judgment)"),
                min,
                s.end));
        return min;
      }
    }
    switch (r.kind()) {
      case FIXED -> {
        LocalDate from = r.start().minusDays(r.detentionDays());
        LocalDate min = share(from, r.months(), t.share("minimum.fixed-share"));
        reasons.add(
            t.reason(
                "MINIMUM_SERVED",
                new Label(
                    "原判刑期" + r.months() + "个月的二分之一",
                    "half of the original " + r.months() + " months"),
                min,
                s.end));
        return min;
      }
      case LIFE -> {
        LocalDate min = r.start().plusMonths(t.months("minimum.life-months"));
        reasons.add(t.reason("MINIMUM_SERVED", new Label("十三年", "13 years"), min, endText(s)));
        return min;
      }
      default -> {
        if (s.reprieveEnd == null) {
          return null;
        }
        LocalDate min = s.reprieveEnd.plusMonths(t.months("minimum.dr-months"));
        reasons.add(t.reason("MINIMUM_SERVED_DR", min));
        if (r.limitedReduction()) {
          LocalDate limited =
              s.reprieveEnd.plusMonths(
                  t.months(
                      s.viaLife ? "minimum.limited-life-months" : "minimum.limited-fixed-months"));
          reasons.add(t.reason("MINIMUM_SERVED_LIMITED", limited));
          if (limited.isAfter(min)) {
            min = limited;
          }
        }
        return min;
      }
    }
  }

  private static Object endText(State s) {
    return s.phase == SentenceKind.FIXED ? s.end : new Label("无期", "life");
  }

  /**
   * A share of a term from a day: whole months, and a remaining fraction of a month as days of 30.
   */
  static LocalDate share(LocalDate from, int months, int[] share) {
    int total = months * share[0];
    return from.plusMonths(total / share[1]).plusDays((total % share[1]) * 30L / share[1]);
  }

  private Evaluation.Reduction reduction(
      SentenceRecord r, State s, Performance perf, LocalDate asOf) {
    List<Reason> reasons = new ArrayList<>();
    if (s.phase == SentenceKind.DEATH_REPRIEVE) {
      return reprieveEnd(r, s, perf, asOf, reasons);
    }
    if (r.noReductionOrParole()) {
      // 刑法第三百八十三条第四款; 法释〔2016〕23号第十五条: once life, never reduced
      reasons.add(t.reason("LIFE_WITHOUT_REDUCTION"));
      return new Evaluation.Reduction(
          false,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          reasons,
          reasons.get(0).article(),
          null);
    }
    Regime regime = regime(r, s);
    categoryReasons(r, s, regime, reasons);
    boolean majorWaiver = perf != null && perf.majorMerit() && !r.limitedReduction();
    if (perf == null) {
      reasons.add(t.reason("PERFORMANCE_MISSING"));
    }
    LocalDate minEnd = minimumEnd(r, s, new ArrayList<>());
    Integer minToServe = minEnd == null ? null : Math.max(0, monthsCeil(asOf, minEnd));
    if (s.phase == SentenceKind.LIFE) {
      boolean fromReprieve = r.kind() == SentenceKind.DEATH_REPRIEVE;
      int wait = fromReprieve ? drWait(r, regime) : t.months("life.first-wait." + regime.key);
      LocalDate from = s.lifeFrom.plusMonths(wait);
      int[] to =
          perf == null
              ? null
              : t.range((fromReprieve ? "dr.to." : "life.to.") + regime.key + "." + perf.name());
      reasons.add(
          fromReprieve
              ? drFirst(perf, wait, s.lifeFrom, from, to)
              : t.reason(
                  "LIFE_FIRST",
                  wait,
                  s.lifeFrom,
                  from,
                  perf == null ? new Label("—", "—") : t.label(perf.name()),
                  lo(to),
                  hi(to)));
      LocalDate standard = from;
      from = newCrimeBar(s, from, reasons);
      if (majorWaiver && from.isAfter(asOf) && from.equals(standard)) {
        reasons.add(
            t.reason(
                fromReprieve ? "MAJOR_MERIT_WAIVES_WAITS_DR" : "MAJOR_MERIT_WAIVES_WAITS_LIFE",
                from));
        from = asOf;
      }
      minimumEnd(r, s, reasons);
      Integer[] lenient = lenient(r, null, s.lifeFrom, wait, reasons);
      return new Evaluation.Reduction(
          !asOf.isBefore(from),
          from,
          null,
          lo(to),
          hi(to),
          minToServe,
          null,
          lenient == null ? null : lenient[0],
          lenient == null ? null : s.lifeFrom.plusMonths(lenient[1]),
          reasons,
          commuteArticle(regime, fromReprieve, reasons),
          Evaluation.Commutation.LIFE_TO_FIXED);
    }
    // a fixed term, imposed or reached by commutation
    if (!asOf.isBefore(s.end)) {
      reasons.add(t.reason("ENDED", s.end));
      return new Evaluation.Reduction(
          false,
          null,
          0,
          null,
          null,
          0,
          s.end,
          null,
          null,
          reasons,
          article(reasons, "ENDED"),
          null);
    }
    LocalDate basis;
    int wait;
    if (s.lastChange == null) {
      wait =
          switch (regime) {
            case NORMAL -> t.band("normal.first-wait", s.bandMonths);
            case STRICT ->
                Math.max(t.months("strict.first-wait"), t.band("normal.first-wait", s.bandMonths));
            case CORRUPTION -> t.band("corruption.first-wait", s.bandMonths);
          };
      // 第六条第一款: counted from 判决执行之日, without the detention credit
      basis = r.start();
      reasons.add(t.reason("FIRST_WAIT", s.bandMonths, basis, wait, basis.plusMonths(wait)));
      // 第十六条: less than two years left when the judgment took effect — the court may start
      // sooner at its discretion, the half actually served (刑法第七十八条第二款) still holds. No
      // date moves here: how much sooner is the court's, so the reason only says it may.
      if (r.kind() == SentenceKind.FIXED && s.newCrimeOn == null) {
        LocalDate imposedEnd = r.start().minusDays(r.detentionDays()).plusMonths(r.months());
        if (imposedEnd.isBefore(r.start().plusMonths(t.months("short-remaining.months")))) {
          reasons.add(t.reason("SHORT_REMAINING_START", r.start(), imposedEnd));
        }
      }
    } else {
      basis = s.lastChange;
      boolean prevGoverns = false;
      if (s.commuted) {
        wait = t.months("commuted.interval");
      } else {
        wait =
            switch (regime) {
              case NORMAL -> t.band("normal.interval", s.bandMonths);
              case STRICT ->
                  Math.max(
                      t.band("strict.interval", s.bandMonths),
                      t.band("normal.interval", s.bandMonths));
              case CORRUPTION -> t.band("corruption.interval", s.bandMonths);
            };
      }
      // 第六条第三款: never shorter than what the previous reduction took
      if (s.lastReductionMonths != null && s.lastReductionMonths > wait) {
        wait = s.lastReductionMonths;
        prevGoverns = true;
      }
      LocalDate next = basis.plusMonths(wait);
      // 第四十条第二款: the reason says the interval counts from the service, naming the ruling
      // and the day it was served (or that the service is not recorded yet)
      RuleTable.Label since = t.since(s.lastRuling);
      if (prevGoverns) {
        reasons.add(t.reason("INTERVAL_PREVIOUS_AMOUNT", s.lastReductionMonths, since, next));
      } else if (s.commuted) {
        // 限制减刑 once a fixed term: the interval is 第十四条's, not 第八条's
        reasons.add(
            t.reason(
                r.limitedReduction() ? "COMMUTED_INTERVAL_LIMITED" : "COMMUTED_INTERVAL",
                since,
                next));
      } else {
        reasons.add(t.reason("INTERVAL", wait, since, next));
      }
    }
    LocalDate from = basis.plusMonths(wait);
    LocalDate standard = from;
    from = newCrimeBar(s, from, reasons);
    if (majorWaiver && from.isAfter(asOf) && from.equals(standard)) {
      String key =
          s.commuted
              ? (r.kind() == SentenceKind.LIFE
                  ? "MAJOR_MERIT_WAIVES_WAITS_LIFE"
                  : "MAJOR_MERIT_WAIVES_WAITS_DR")
              : regime == Regime.NORMAL
                  ? "MAJOR_MERIT_WAIVES_WAITS"
                  : "MAJOR_MERIT_WAIVES_WAITS_STRICT";
      reasons.add(t.reason(key, from));
      from = asOf;
    }
    Integer max = null;
    Integer perfMax = null;
    int cap = Integer.MAX_VALUE;
    String limitArticle = null;
    if (perf != null) {
      if (r.limitedReduction() && s.commuted) {
        // 法释〔2016〕23号第十四条: a limited 死缓 once a fixed term: at most 6 months each, 1 year
        // with major merit
        perfMax = t.months(perf.majorMerit() ? "limited.max.major-merit" : "limited.max");
        reasons.add(t.reason("MAX_LIMITED", t.label(perf.name()), perfMax));
      } else {
        perfMax = performanceMax(r, s, regime, perf, reasons);
      }
      max = perfMax;
      limitArticle = reasons.get(reasons.size() - 1).article();
      minimumEnd(r, s, reasons);
      // 刑法第七十八条第二款: what remains above the minimum actually served
      int room = minEnd == null ? max : monthsFloorBack(s.end, minEnd);
      // and a reduction may take at most what is left: the new term may end on the day it is
      // ruled (减去余刑, released that day), never before it. No article says more: 刑法第七十八条
      // limits what must be served (the room above), not the day of release. Read with the
      // outside law check of 2026-12 (docs/law-check/REPORT.md, M2: c41 and c25).
      LocalDate ruledOn = from.isAfter(asOf) ? from : asOf;
      int remaining = monthsFloorBack(s.end, ruledOn);
      cap = Math.min(room, remaining);
      if (remaining < max) {
        max = remaining;
        reasons.add(t.reason("REMAINING_TERM", Math.max(0, remaining)));
      }
      if (remaining < perfMax) {
        limitArticle = article(reasons, "REMAINING_TERM");
      }
      if (room < max) {
        max = room;
        // the minimum actually served is what limits: 刑法第七十八条第二款, 第十二条
        limitArticle =
            article(
                reasons,
                r.limitedReduction()
                    ? "MINIMUM_SERVED_LIMITED"
                    : r.kind() == SentenceKind.DEATH_REPRIEVE
                        ? "MINIMUM_SERVED_DR"
                        : "MINIMUM_SERVED");
      }
      if (max <= 0) {
        max = 0;
        reasons.add(t.reason("NO_ROOM"));
      }
    } else {
      minimumEnd(r, s, reasons);
    }
    Integer[] lenient = lenient(r, perfMax, basis, wait, reasons);
    boolean eligible = !asOf.isBefore(from) && (max == null || max > 0);
    return new Evaluation.Reduction(
        eligible,
        from,
        max,
        null,
        null,
        minToServe,
        s.end,
        lenient == null || lenient[0] == null ? null : Math.max(0, Math.min(lenient[0], cap)),
        lenient == null ? null : basis.plusMonths(lenient[1]),
        reasons,
        limitArticle,
        null);
  }

  /**
   * 死缓 while the reprieve runs: the one lawful step is the commutation when the two years end
   * (刑法第五十条第一款): to life when no intentional crime was committed, to 25 years with major merit. The
   * prison proposes it when the reprieve ends (监狱法第三十一条) through the bureau to the high court
   * (法释〔2014〕5号第一条第（一）项). 终身监禁 is commuted to life and then never reduced (第十五条).
   */
  private Evaluation.Reduction reprieveEnd(
      SentenceRecord r, State s, Performance perf, LocalDate asOf, List<Reason> reasons) {
    Regime regime = regime(r, s);
    categoryReasons(r, s, regime, reasons);
    LocalDate ends = s.reprieveFrom.plusMonths(t.months("reprieve.months"));
    if (s.reprieveRestarted) {
      reasons.add(t.reason("REPRIEVE_RESTARTED", s.reprieveFrom, ends));
    }
    boolean toFixed = perf != null && perf.majorMerit() && !r.noReductionOrParole();
    int twentyFive = t.months("reprieve.major-merit-to-months");
    if (r.noReductionOrParole()) {
      reasons.add(t.reason("REPRIEVE_END_LIFE_WITHOUT_REDUCTION", ends));
    } else {
      reasons.add(t.reason("REPRIEVE_END", ends, twentyFive));
    }
    // what follows, so the page and the calculator show the whole path
    if (!r.noReductionOrParole()) {
      int wait = drWait(r, regime);
      int[] to = perf == null ? null : t.range("dr.to." + regime.key + "." + perf.name());
      reasons.add(drFirst(perf, wait, ends, ends.plusMonths(wait), to));
    }
    return new Evaluation.Reduction(
        !asOf.isBefore(ends),
        ends,
        null,
        toFixed ? twentyFive : null,
        toFixed ? twentyFive : null,
        null,
        null,
        null,
        null,
        reasons,
        article(reasons, "REPRIEVE_END"),
        Evaluation.Commutation.REPRIEVE_END);
  }

  /** The article of the first reason with this key. */
  private static String article(List<Reason> reasons, String key) {
    return reasons.stream()
        .filter(r -> r.key().equals(key))
        .map(Reason::article)
        .findFirst()
        .orElse(reasons.isEmpty() ? "" : reasons.get(0).article());
  }

  private int drWait(SentenceRecord r, Regime regime) {
    return r.limitedReduction()
        ? t.months("dr.first-wait.limited")
        : t.months("dr.first-wait." + regime.key);
  }

  private Reason drFirst(Performance perf, int wait, LocalDate lifeFrom, LocalDate from, int[] to) {
    return t.reason(
        "DR_FIRST",
        wait,
        lifeFrom,
        from,
        perf == null ? new Label("—", "—") : t.label(perf.name()),
        lo(to),
        hi(to));
  }

  private static Integer lo(int[] to) {
    return to == null ? null : to[0];
  }

  private static Integer hi(int[] to) {
    return to == null ? null : to[1];
  }

  private void categoryReasons(SentenceRecord r, State s, Regime regime, List<Reason> reasons) {
    boolean life = r.kind() != SentenceKind.FIXED;
    // a 死缓 commuted straight to 25 years at the reprieve's end (刑法第五十条第一款) never served
    // as life: the rules for the time "减为无期徒刑后" (第十一条, 第十三条) say nothing to it
    boolean neverLife =
        r.kind() == SentenceKind.DEATH_REPRIEVE && !s.viaLife && s.phase == SentenceKind.FIXED;
    if (regime == Regime.CORRUPTION) {
      if (r.kind() == SentenceKind.LIFE) {
        reasons.add(t.reason("LIFE_CORRUPTION"));
      } else if (r.kind() == SentenceKind.DEATH_REPRIEVE) {
        reasons.add(t.reason("DR_CORRUPTION"));
      } else {
        int band = r.months();
        reasons.add(
            t.reason(
                "CORRUPTION",
                t.band("corruption.first-wait", band),
                t.months("corruption.max.REPENTANCE_AND_MAJOR_MERIT"),
                t.band("corruption.interval", band)));
      }
    } else if (regime == Regime.STRICT) {
      if (r.kind() == SentenceKind.LIFE) {
        reasons.add(t.reason("LIFE_STRICT"));
      } else if (r.kind() == SentenceKind.DEATH_REPRIEVE) {
        if (!neverLife) {
          reasons.add(t.reason("DR_STRICT"));
        }
      } else if (violentLong(r)) {
        reasons.add(t.reason("STRICT_VIOLENT", offences(r, Offence.Category.VIOLENT)));
      }
      if (r.twoCrimesOfTenYears()) {
        reasons.add(t.reason("STRICT_TWO_CRIMES", r.months()));
      }
      if (!life
          && (r.has(Offence.Category.STRICT)
              || r.recidivist()
              || r.propertyPenalty() == PropertyPenalty.UNPAID_ABLE)) {
        int interval =
            Math.max(t.band("strict.interval", r.months()), t.band("normal.interval", r.months()));
        reasons.add(t.reason("STRICT_CATEGORY", strictGrounds(r), interval));
      }
    }
    if ((r.combinedSentence() || s.newCrimeLife) && regime == Regime.STRICT) {
      reasons.add(
          t.reason(
              r.kind() == SentenceKind.DEATH_REPRIEVE
                  ? "COMBINED_DR_STRICT"
                  : "COMBINED_LIFE_STRICT"));
    }
    violentBelowThreshold(r, reasons);
    if (r.recidivist()) {
      reasons.add(t.reason("RECIDIVIST_STRICT"));
    }
    if (r.propertyPenalty() == PropertyPenalty.UNPAID_ABLE) {
      reasons.add(t.reason("PROPERTY_UNPAID_STRICT"));
      if (regime == Regime.CORRUPTION) {
        // 法释〔2019〕6号第一条: "一般不予减刑" — the court may still reduce, so the proposal is
        // not refused here; the reason puts the rule in front of whoever reads the case
        reasons.add(t.reason("CORRUPTION_UNPAID"));
      }
    }
    if (r.limitedReduction() && !neverLife) {
      reasons.add(t.reason("DR_LIMITED"));
    }
  }

  /**
   * The most one reduction of a fixed term may take, by performance, with the reason that names the
   * rule it comes from: the caller takes the limit's article from that reason, so a refusal above
   * the limit cites the rule that computed it (issue 16).
   */
  private int performanceMax(
      SentenceRecord r, State s, Regime regime, Performance perf, List<Reason> reasons) {
    Label label = t.label(perf.name());
    switch (regime) {
      case NORMAL -> {
        int max = t.months("normal.max." + perf.name());
        reasons.add(t.reason("MAX_BY_PERFORMANCE", label, max));
        return max;
      }
      case STRICT -> {
        int max = Math.min(t.months("normal.max." + perf.name()), t.months("strict.max-cap"));
        reasons.add(t.reason(strictMaxKey(r, s), label, max));
        return max;
      }
      default -> {
        int max = t.months("corruption.max." + perf.name());
        reasons.add(t.reason("MAX_CORRUPTION", label, max));
        return max;
      }
    }
  }

  /**
   * Which paragraph of the law a strict maximum rests on. A life term commuted to a fixed term: 第九条
   * (减为有期徒刑后再减刑时，一次减刑不超过一年有期徒刑); a 死缓 that went through life: 第十一条. A fixed term: 第七条第二款 for the
   * violent offences of ten years or more (故意杀人、强奸、抢劫、绑架、放火、爆炸、投放危险物质、有组织的暴力性犯罪), two crimes of ten
   * years or more, or any strict term above ten years ("对被判处十年以上有期徒刑的前款罪犯"); otherwise 第七条第一款
   * ("被判处十年以下有期徒刑的"). All of them allow at most a year; only the article differs.
   */
  private String strictMaxKey(SentenceRecord r, State s) {
    // a life term, imposed or a new crime's (刑法第六十九条、第七十一条), commuted to a fixed term
    if (s.commuted && (r.kind() == SentenceKind.LIFE || s.newCrimeLife)) {
      return "MAX_STRICT_LIFE";
    }
    if (s.commuted && r.kind() == SentenceKind.DEATH_REPRIEVE && s.viaLife) {
      return "MAX_STRICT_DR";
    }
    if (violentLong(r)
        || r.twoCrimesOfTenYears()
        || s.bandMonths > t.months("strict.long-above-months")) {
      return "MAX_STRICT_LONG";
    }
    return "MAX_STRICT";
  }

  /**
   * The article a life term's commuted range rests on: the range comes from the regime's row of the
   * table (life.to.strict, dr.to.strict, ...), so the article is that regime's rule — 第九条 or 第十一条
   * for the strict categories (and 数罪并罚), 法释〔2019〕6号 for corruption — not the general 第八条 or 第十条.
   */
  private static String commuteArticle(Regime regime, boolean fromReprieve, List<Reason> reasons) {
    List<String> keys =
        switch (regime) {
          case NORMAL -> List.of();
          case STRICT ->
              fromReprieve
                  ? List.of("DR_STRICT", "COMBINED_DR_STRICT")
                  : List.of("LIFE_STRICT", "COMBINED_LIFE_STRICT");
          case CORRUPTION -> List.of(fromReprieve ? "DR_CORRUPTION" : "LIFE_CORRUPTION");
        };
    for (String key : keys) {
      for (Reason x : reasons) {
        if (x.key().equals(key)) {
          return x.article();
        }
      }
    }
    return article(reasons, fromReprieve ? "DR_FIRST" : "LIFE_FIRST");
  }

  /** 第二十一条: a new crime in prison bars reductions for 3 or 4 years from its judgment. */
  private LocalDate newCrimeBar(State s, LocalDate from, List<Reason> reasons) {
    if (s.newCrimeOn == null) {
      return from;
    }
    int bar =
        s.newCrimeBarMonths != null
            ? s.newCrimeBarMonths
            : t.months(s.newCrimeLife ? "new-crime.life-bar-months" : "new-crime.fixed-bar-months");
    LocalDate until = s.newCrimeOn.plusMonths(bar);
    reasons.add(
        t.reason(
            s.newCrimeBarMonths != null ? "NEW_CRIME_REPRIEVE" : "NEW_CRIME",
            s.newCrimeOn,
            bar,
            until));
    return until.isAfter(from) ? until : from;
  }

  /**
   * 第十九条, 第二十条: the court may allow up to a third more, or shorten the waits by up to a third, not
   * both. Returns {larger amount or null, shortened wait in months}.
   */
  private Integer[] lenient(
      SentenceRecord r, Integer perfMax, LocalDate basis, int wait, List<Reason> reasons) {
    // 第十九条: under 18 while serving before the proposal (not at the crime: that is 第二十六条),
    // and not a case of 刑法第八十一条第二款 (累犯, the violent offences of ten years or more)
    boolean juvenile = r.minorWhileServing() && !r.recidivist() && !violentLong(r);
    if (!juvenile && !r.elderlyIllOrDisabled()) {
      return null;
    }
    int[] share = t.share("leniency.share");
    Integer amount = perfMax == null ? null : perfMax + perfMax * share[0] / share[1];
    int shorter = wait - wait * share[0] / share[1];
    reasons.add(
        t.reason(
            juvenile ? "JUVENILE_LENIENCY" : "ELDERLY_LENIENCY",
            amount == null ? new Label("—", "—") : amount,
            basis.plusMonths(shorter)));
    return new Integer[] {amount, shorter};
  }

  private Evaluation.Parole parole(SentenceRecord r, State s, LocalDate asOf) {
    List<Reason> reasons = new ArrayList<>();
    List<String> lenient = new ArrayList<>();
    if (r.juvenile()) {
      lenient.add("PAROLE_LENIENT_JUVENILE");
    }
    if (r.elderlyIllOrDisabled()) {
      lenient.add("PAROLE_LENIENT_ELDERLY");
    }
    boolean barred = false;
    if (r.noReductionOrParole()) {
      reasons.add(t.reason("LIFE_WITHOUT_REDUCTION"));
      barred = true;
    }
    if (r.recidivist()) {
      reasons.add(t.reason("PAROLE_BAN_RECIDIVIST"));
      barred = true;
    }
    if (violentLong(r)) {
      reasons.add(t.reason("PAROLE_BAN_VIOLENT", offences(r, Offence.Category.VIOLENT)));
      barred = true;
    } else {
      violentBelowThreshold(r, reasons);
    }
    if (r.propertyPenalty() == PropertyPenalty.UNPAID_ABLE) {
      reasons.add(t.reason("PAROLE_PROPERTY_UNPAID"));
      barred = true;
    }
    if (barred) {
      return new Evaluation.Parole(false, null, true, lenient, reasons);
    }
    LocalDate from;
    switch (r.kind()) {
      case FIXED -> {
        // 第二十三条: half of the original term from 判决执行之日, detention credited day for day
        from =
            share(
                r.start().minusDays(r.detentionDays()), r.months(), t.share("parole.fixed-share"));
        reasons.add(t.reason("PAROLE_FIXED", r.months(), r.detentionDays(), from));
      }
      case LIFE -> {
        from = r.start().plusMonths(t.months("parole.life-months"));
        reasons.add(t.reason("PAROLE_LIFE", r.start(), from));
      }
      default -> {
        if (s.reprieveEnd == null) {
          LocalDate ends = s.reprieveFrom.plusMonths(t.months("reprieve.months"));
          from = ends.plusMonths(t.months("parole.dr-months"));
          reasons.add(t.reason("PAROLE_REPRIEVE"));
          reasons.add(t.reason("PAROLE_DR", from));
          for (String l : lenient) {
            reasons.add(t.reason(l));
          }
          return new Evaluation.Parole(false, from, false, lenient, reasons);
        }
        from = s.reprieveEnd.plusMonths(t.months("parole.dr-months"));
        reasons.add(t.reason("PAROLE_DR", from));
      }
    }
    if (s.newCrimeOn != null && s.newCrimeBarMonths == null) {
      // a new crime in prison: the time to serve before parole counts from the new judgment
      // (刑法第七十一条 with 第八十一条第一款; 法释〔2016〕23号第二十三条). A new life sentence
      // absorbs the fixed one (刑法第六十九条): 13 years from the new judgment. A combined fixed
      // term: half of it from the new judgment. Never earlier than the old date.
      LocalDate after = null;
      if (s.newCrimeLife) {
        after = s.newCrimeOn.plusMonths(t.months("parole.life-months"));
        reasons.add(t.reason("PAROLE_NEW_CRIME_LIFE", s.newCrimeOn, after));
      } else if (s.newCrimeCombinedMonths != null) {
        after = share(s.newCrimeOn, s.newCrimeCombinedMonths, t.share("parole.fixed-share"));
        reasons.add(
            t.reason("PAROLE_NEW_CRIME_FIXED", s.newCrimeCombinedMonths, s.newCrimeOn, after));
      }
      if (after != null && after.isAfter(from)) {
        from = after;
      }
    }
    if (s.phase == SentenceKind.FIXED && !asOf.isBefore(s.end)) {
      reasons.add(t.reason("ENDED", s.end));
      return new Evaluation.Parole(false, null, false, lenient, reasons);
    }
    SentenceChange last = s.lastForParole;
    if (last != null) {
      boolean large =
          last.kind() == ChangeKind.COMMUTATION_TO_FIXED
              || (last.kind() == ChangeKind.REDUCTION
                  && last.months() >= t.months("parole.large-reduction-months"));
      int wait =
          t.months(large ? "parole.after-large-reduction-months" : "parole.after-reduction-months");
      LocalDate after = last.effectiveFrom().plusMonths(wait);
      if (after.isAfter(from)) {
        from = after;
        reasons.add(t.reason("PAROLE_AFTER_REDUCTION", last.effectiveFrom(), wait, after));
        // 第二十八条第二款: less than two years left after that reduction — the court may shorten
        // the interval; it is the court's to say how much, so the date stays and the reason says so
        if (s.phase == SentenceKind.FIXED
            && s.end != null
            && s.end.isBefore(
                last.effectiveFrom().plusMonths(t.months("short-remaining.months")))) {
          reasons.add(t.reason("PAROLE_INTERVAL_MAY_SHORTEN", last.effectiveFrom(), s.end));
        }
      }
    }
    for (String l : lenient) {
      reasons.add(t.reason(l));
    }
    if (s.phase == SentenceKind.FIXED && !from.isBefore(s.end)) {
      reasons.add(t.reason("PAROLE_TERM_ENDS_FIRST", s.end));
      return new Evaluation.Parole(false, null, false, lenient, reasons);
    }
    return new Evaluation.Parole(!asOf.isBefore(from), from, false, lenient, reasons);
  }

  /** The fewest whole months m with from + m on or after to. */
  static int monthsCeil(LocalDate from, LocalDate to) {
    if (!to.isAfter(from)) {
      return 0;
    }
    int m = (int) java.time.temporal.ChronoUnit.MONTHS.between(from, to);
    while (from.plusMonths(m).isBefore(to)) {
      m++;
    }
    return m;
  }

  /** The most whole months m with end - m on or after floor (negative when end is before floor). */
  static int monthsFloorBack(LocalDate end, LocalDate floor) {
    if (end.isBefore(floor)) {
      return -1;
    }
    int m = (int) java.time.temporal.ChronoUnit.MONTHS.between(floor, end);
    while (m > 0 && end.minusMonths(m).isBefore(floor)) {
      m--;
    }
    while (!end.minusMonths(m + 1).isBefore(floor)) {
      m++;
    }
    return m;
  }
}
