package cn.xinsheng.sentence.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A sentence as the judgment imposed it, with every later change, and the facts of the person the
 * reduction and parole rules look at. The engine computes from this alone.
 *
 * @param months the original fixed term (原判刑期); null for life and 死缓
 * @param start the day the judgment began to be executed (判决执行之日); for 死缓 the day the reprieve
 *     began
 * @param detentionDays pre-trial detention, credited day for day against a fixed term (刑法第四十七条)
 * @param limitedReduction 限制减刑 (刑法第五十条第二款), 死缓 only
 * @param noReductionOrParole 终身监禁 (刑法第三百八十三条第四款), 死缓 only
 * @param juvenile under 18 at the time of the crime: parole may be granted leniently
 *     (法释〔2016〕23号第二十六条第三项)
 * @param minorWhileServing under 18 while serving, before the proposal (法释〔2016〕23号第十九条): the
 *     amount and the waits may be eased by at most a third. Not the same person as {@code
 *     juvenile}: one who offended at 17 and is 25 now has the parole leniency but not this one.
 * @param combinedSentence life or 死缓 imposed for several crimes together (数罪并罚): a strict category
 *     of 法释〔2016〕23号第九条 (life) and 第十一条 (死缓); not asked for a fixed term, where 第七条第二款 looks at
 *     each crime's own term instead
 * @param violentTermMonths for a fixed term combining several crimes, the term imposed for the
 *     violent offence itself; null when the whole term is the violent offence's. 刑法第八十一条第二款 and
 *     第七条第二款 ask whether the violent offence was sentenced to ten years or more (因…被判处 十年以上), not
 *     the total (outside law check N1)
 * @param twoCrimesOfTenYears a fixed term combining several crimes (数罪并罚) in which two or more of
 *     the crimes were each sentenced to ten years or more: reduced as a strict category whatever
 *     the offences (法释〔2016〕23号第七条第二款 "数罪并罚且其中两罪以上被判处十年以上有期徒刑的罪犯"); not a parole ban (刑法第八十一条第二款
 *     names the violent offences, not the count)
 * @param changes dated changes, oldest first
 */
public record SentenceRecord(
    SentenceKind kind,
    Integer months,
    LocalDate start,
    int detentionDays,
    boolean limitedReduction,
    boolean noReductionOrParole,
    Set<Offence> offences,
    boolean recidivist,
    PropertyPenalty propertyPenalty,
    boolean juvenile,
    boolean elderlyIllOrDisabled,
    boolean minorWhileServing,
    boolean combinedSentence,
    Integer violentTermMonths,
    boolean twoCrimesOfTenYears,
    List<SentenceChange> changes) {

  /** The longest fixed term a court can impose, combined sentences included (刑法第六十九条). */
  public static final int MAX_FIXED_MONTHS = 25 * 12;

  private static final int TEN_YEARS = 10 * 12;

  public SentenceRecord {
    if (kind == null) {
      throw new SentenceFactException("sentence.kind", "缺少刑种", "the kind of sentence is missing");
    }
    if (start == null) {
      throw new SentenceFactException(
          "sentence.start", "缺少判决执行之日", "the day the judgment began to be executed is missing");
    }
    if (kind == SentenceKind.FIXED) {
      if (months == null) {
        throw new SentenceFactException(
            "sentence.months", "有期徒刑须写明刑期(月)", "a fixed term needs its length in months");
      }
      if (months < 1 || months > MAX_FIXED_MONTHS) {
        throw new SentenceFactException(
            "sentence.months", "有期徒刑刑期应为1至300个月", "a fixed term is 1 to 300 months");
      }
    } else if (months != null) {
      throw new SentenceFactException(
          "sentence.months",
          "无期徒刑、死缓没有刑期月数",
          "life and death with reprieve have no length in months");
    }
    if (detentionDays < 0) {
      throw new SentenceFactException(
          "sentence.detentionDays", "先行羁押天数不能为负", "detention days cannot be negative");
    }
    if ((limitedReduction || noReductionOrParole) && kind != SentenceKind.DEATH_REPRIEVE) {
      throw new SentenceFactException(
          limitedReduction ? "sentence.limitedReduction" : "sentence.noReductionOrParole",
          "限制减刑、终身监禁只适用于死刑缓期执行",
          "limited reduction and life without reduction apply only to death with reprieve");
    }
    if (limitedReduction && noReductionOrParole) {
      throw new SentenceFactException(
          "sentence.limitedReduction",
          "终身监禁不得再减刑,不能同时限制减刑",
          "a sentence without reduction cannot also be limited in reduction");
    }
    offences =
        offences == null || offences.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(offences));
    if (offences.isEmpty()) {
      throw new SentenceFactException("offences", "至少写明一项罪名类别", "name at least one offence");
    }
    if (limitedReduction
        && !recidivist
        && offences.stream().noneMatch(o -> o.category() == Offence.Category.VIOLENT)) {
      // 刑法第五十条第二款: only for a recidivist or the violent offences it names
      throw new SentenceFactException(
          "sentence.limitedReduction",
          "限制减刑只适用于累犯或故意杀人等暴力性犯罪(刑法第五十条第二款)",
          "limited reduction applies only to recidivists and the violent offences of 刑法 art 50(2)");
    }
    if (noReductionOrParole && !offences.contains(Offence.CORRUPTION_BY_OFFICIAL)) {
      // 刑法第三百八十三条第四款, 第三百八十六条: 终身监禁 only for 贪污 and 受贿
      throw new SentenceFactException(
          "sentence.noReductionOrParole",
          "终身监禁只适用于贪污、受贿犯罪(刑法第三百八十三条第四款)",
          "life without reduction applies only to corruption (刑法 art 383(4))");
    }
    if (combinedSentence && kind == SentenceKind.FIXED) {
      throw new SentenceFactException(
          "sentence.combinedSentence",
          "数罪并罚从严只适用于无期徒刑、死缓（法释〔2016〕23号第九条、第十一条）；有期徒刑按各罪刑期适用第七条第二款",
          "the combined-sentence strict rule applies to life and death with reprieve only (arts 9, 11);"
              + " a fixed term follows art 7(2) by each crime's own term");
    }
    if (violentTermMonths != null) {
      if (kind != SentenceKind.FIXED
          || offences.stream().noneMatch(o -> o.category() == Offence.Category.VIOLENT)) {
        throw new SentenceFactException(
            "sentence.violentTermMonths",
            "暴力犯罪本罪刑期只适用于含暴力犯罪的有期徒刑（数罪并罚）",
            "the violent offence's own term applies only to a fixed term that includes a violent"
                + " offence");
      }
      if (violentTermMonths < 1 || violentTermMonths > months) {
        throw new SentenceFactException(
            "sentence.violentTermMonths",
            "暴力犯罪本罪刑期应为1个月至原判刑期",
            "the violent offence's own term is 1 month up to the whole term");
      }
    }
    if (twoCrimesOfTenYears && (kind != SentenceKind.FIXED || months < TEN_YEARS)) {
      // two crimes of ten years or more each cannot add up to less than ten years (刑法第六十九条)
      throw new SentenceFactException(
          "sentence.twoCrimesOfTenYears",
          "两罪以上各被判处十年以上只适用于数罪并罚决定执行十年以上的有期徒刑（法释〔2016〕23号第七条第二款）",
          "two or more crimes of ten years each apply only to a combined fixed term of ten years or"
              + " more (art 7(2))");
    }
    if (propertyPenalty == null) {
      propertyPenalty = PropertyPenalty.NONE;
    }
    List<SentenceChange> sorted = new ArrayList<>(changes == null ? List.of() : changes);
    for (int i = 0; i < sorted.size(); i++) {
      check(i, sorted.get(i), start);
    }
    sorted.sort(Comparator.comparing(SentenceChange::on));
    changes = List.copyOf(sorted);
    checkSequence(kind, changes);
  }

  private static void check(int i, SentenceChange c, LocalDate start) {
    String at = "changes[" + i + "]";
    if (c == null || c.kind() == null) {
      throw new SentenceFactException(at + ".kind", "缺少变更种类", "the kind of change is missing");
    }
    if (c.on() == null) {
      throw new SentenceFactException(at + ".on", "缺少变更日期", "the date of the change is missing");
    }
    if (c.on().isBefore(start)) {
      throw new SentenceFactException(
          at + ".on", "变更日期早于判决执行之日", "a change cannot precede the start of the sentence");
    }
    if (c.servedOn() != null) {
      if (c.kind() != ChangeKind.REDUCTION && c.kind() != ChangeKind.COMMUTATION_TO_FIXED) {
        // 第四十条第二款 defines the interval from the service of a reduction ruling; a reprieve's
        // end and a new judgment are counted from their own days (刑法第五十一条, 第二十一条)
        throw new SentenceFactException(
            at + ".servedOn",
            "只有减刑、减为有期徒刑的裁定写送达日期",
            "only a reduction or a commutation to a fixed term has a service date");
      }
      if (c.servedOn().isBefore(c.on())) {
        throw new SentenceFactException(
            at + ".servedOn", "送达日期早于裁定日期", "a ruling cannot be served before it is made");
      }
    }
    switch (c.kind()) {
      case REDUCTION -> {
        if (c.months() == null || c.months() < 1 || c.months() > MAX_FIXED_MONTHS) {
          throw new SentenceFactException(
              at + ".months", "减刑须写明减去的月数", "a reduction needs its months (1 to 300)");
        }
        if (c.toMonths() != null) {
          throw new SentenceFactException(
              at + ".toMonths", "减刑不写toMonths", "a reduction has no toMonths");
        }
      }
      case COMMUTATION_TO_FIXED -> {
        if (c.toMonths() == null || c.toMonths() < 1 || c.toMonths() > MAX_FIXED_MONTHS) {
          throw new SentenceFactException(
              at + ".toMonths", "减为有期徒刑须写明刑期(月)", "a commutation needs toMonths (1 to 300)");
        }
      }
      case COMMUTATION_TO_LIFE -> {
        if (c.months() != null || c.toMonths() != null) {
          throw new SentenceFactException(
              at + ".months", "减为无期徒刑没有月数", "a commutation to life has no months");
        }
      }
      case NEW_CRIME -> {
        if (c.months() != null && (c.months() < 1 || c.months() > MAX_FIXED_MONTHS)) {
          throw new SentenceFactException(
              at + ".months", "新罪刑期应为1至300个月", "a new crime's term is 1 to 300 months");
        }
        if (c.toMonths() != null && (c.toMonths() < 1 || c.toMonths() > MAX_FIXED_MONTHS)) {
          throw new SentenceFactException(
              at + ".toMonths", "并罚后刑期应为1至300个月", "a combined term is 1 to 300 months");
        }
      }
      default -> throw new IllegalStateException(c.kind().name());
    }
  }

  /** The changes must be possible in the order they happened: a fixed term is not commuted. */
  private static void checkSequence(SentenceKind kind, List<SentenceChange> changes) {
    SentenceKind now = kind;
    for (int i = 0; i < changes.size(); i++) {
      SentenceChange c = changes.get(i);
      String at = "changes[" + i + "].kind";
      switch (c.kind()) {
        case REDUCTION -> {
          if (now != SentenceKind.FIXED) {
            throw new SentenceFactException(
                at,
                "无期徒刑、死缓须先减为有期徒刑,才能减去月数",
                "life and death with reprieve are commuted before months are reduced");
          }
        }
        case COMMUTATION_TO_LIFE -> {
          if (now != SentenceKind.DEATH_REPRIEVE) {
            throw new SentenceFactException(
                at, "只有死缓可以减为无期徒刑", "only death with reprieve becomes life");
          }
          now = SentenceKind.LIFE;
        }
        case COMMUTATION_TO_FIXED -> {
          if (now == SentenceKind.FIXED) {
            throw new SentenceFactException(
                at, "有期徒刑不能再减为有期徒刑", "a fixed term is reduced, not commuted");
          }
          now = SentenceKind.FIXED;
        }
        case NEW_CRIME -> {
          // the term in execution may change (数罪并罚); the kind stays as the caller states it
        }
        default -> throw new IllegalStateException(c.kind().name());
      }
    }
  }

  /** A record from before the two flags existed: neither a minor while serving nor combined. */
  public SentenceRecord(
      SentenceKind kind,
      Integer months,
      LocalDate start,
      int detentionDays,
      boolean limitedReduction,
      boolean noReductionOrParole,
      Set<Offence> offences,
      boolean recidivist,
      PropertyPenalty propertyPenalty,
      boolean juvenile,
      boolean elderlyIllOrDisabled,
      List<SentenceChange> changes) {
    this(
        kind,
        months,
        start,
        detentionDays,
        limitedReduction,
        noReductionOrParole,
        offences,
        recidivist,
        propertyPenalty,
        juvenile,
        elderlyIllOrDisabled,
        false,
        false,
        null,
        false,
        changes);
  }

  public boolean has(Offence.Category category) {
    return offences.stream().anyMatch(o -> o.category() == category);
  }

  /**
   * The latest reduction ruling on record, in the order the changes were recorded (the engine's
   * order): a fixed term reduced, or life or 死缓 commuted to a fixed term — the rulings a next
   * reduction's interval counts from, from their service (法释〔2016〕23号第四十条第二款). Empty when there is
   * none.
   */
  public java.util.Optional<SentenceChange> lastReductionRuling() {
    for (int i = changes.size() - 1; i >= 0; i--) {
      SentenceChange c = changes.get(i);
      if (c.kind() == ChangeKind.REDUCTION || c.kind() == ChangeKind.COMMUTATION_TO_FIXED) {
        return java.util.Optional.of(c);
      }
    }
    return java.util.Optional.empty();
  }
}
