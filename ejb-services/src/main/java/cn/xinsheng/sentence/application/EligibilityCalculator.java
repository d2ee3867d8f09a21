package cn.xinsheng.sentence.application;

import cn.xinsheng.sentence.domain.ChangeKind;
import cn.xinsheng.sentence.domain.EligibilityEngine;
import cn.xinsheng.sentence.domain.Evaluation;
import cn.xinsheng.sentence.domain.Offence;
import cn.xinsheng.sentence.domain.Performance;
import cn.xinsheng.sentence.domain.PropertyPenalty;
import cn.xinsheng.sentence.domain.SentenceChange;
import cn.xinsheng.sentence.domain.SentenceFactException;
import cn.xinsheng.sentence.domain.SentenceKind;
import cn.xinsheng.sentence.domain.SentenceRecord;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The calculator: facts in, the engine's answer out, nothing read or written elsewhere. Missing or
 * contradictory facts raise {@link SentenceFactException} naming the field.
 */
public final class EligibilityCalculator {

  private final EligibilityEngine engine;

  public EligibilityCalculator(EligibilityEngine engine) {
    this.engine = engine;
  }

  public static EligibilityCalculator standard() {
    return new EligibilityCalculator(EligibilityEngine.standard());
  }

  public CalculatorAnswer evaluate(CalculatorRequest q) {
    if (q == null) {
      throw new SentenceFactException("body", "缺少请求内容", "the request body is missing");
    }
    LocalDate asOf = date(q.asOf(), "asOf");
    CalculatorRequest.Sentence s = q.sentence();
    if (s == null) {
      throw new SentenceFactException("sentence", "缺少刑罚", "the sentence is missing");
    }
    SentenceKind kind = code(SentenceKind.class, s.kind(), "sentence.kind");
    LocalDate start = date(s.start(), "sentence.start");
    if (q.offences() == null || q.offences().isEmpty()) {
      throw new SentenceFactException("offences", "至少写明一项罪名类别", "name at least one offence");
    }
    Set<Offence> offences = EnumSet.noneOf(Offence.class);
    for (int i = 0; i < q.offences().size(); i++) {
      offences.add(code(Offence.class, q.offences().get(i), "offences[" + i + "]"));
    }
    PropertyPenalty property =
        q.propertyPenalty() == null
            ? PropertyPenalty.NONE
            : code(PropertyPenalty.class, q.propertyPenalty(), "propertyPenalty");
    Performance performance = code(Performance.class, q.performance(), "performance");
    List<SentenceChange> changes = new ArrayList<>();
    if (q.changes() != null) {
      if (q.changes().size() > 100) {
        throw new SentenceFactException("changes", "变更最多100条", "at most 100 changes");
      }
      for (int i = 0; i < q.changes().size(); i++) {
        CalculatorRequest.Change c = q.changes().get(i);
        String at = "changes[" + i + "]";
        if (c == null) {
          throw new SentenceFactException(at, "缺少变更", "the change is missing");
        }
        changes.add(
            new SentenceChange(
                code(ChangeKind.class, c.kind(), at + ".kind"),
                date(c.on(), at + ".on"),
                c.months(),
                c.toMonths(),
                c.servedOn() == null ? null : date(c.servedOn(), at + ".servedOn")));
      }
    }
    SentenceRecord record =
        new SentenceRecord(
            kind,
            s.months(),
            start,
            s.detentionDays() == null ? 0 : s.detentionDays(),
            Boolean.TRUE.equals(s.limitedReduction()),
            Boolean.TRUE.equals(s.noReductionOrParole()),
            offences,
            Boolean.TRUE.equals(q.recidivist()),
            property,
            Boolean.TRUE.equals(q.juvenile()),
            Boolean.TRUE.equals(q.elderlyIllOrDisabled()),
            Boolean.TRUE.equals(q.minorWhileServing()),
            Boolean.TRUE.equals(s.combinedSentence()),
            s.violentTermMonths(),
            Boolean.TRUE.equals(s.twoCrimesOfTenYears()),
            changes);
    return answer(engine.evaluate(record, performance, asOf));
  }

  /** The engine's answer in the calculator's shape. */
  public static CalculatorAnswer answer(Evaluation e) {
    Evaluation.Reduction r = e.reduction();
    Evaluation.Parole p = e.parole();
    return new CalculatorAnswer(
        e.rules(),
        e.asOf().toString(),
        new CalculatorAnswer.Reduction(
            r.eligible(),
            text(r.eligibleFrom()),
            r.maxMonths(),
            r.commuteToMinMonths(),
            r.commuteToMaxMonths(),
            r.commutation() == null ? null : r.commutation().name(),
            r.minMonthsToServeAfter(),
            text(r.termEnds()),
            r.lenientMaxMonths(),
            text(r.lenientEligibleFrom()),
            reasons(r.reasons())),
        new CalculatorAnswer.Parole(
            p.eligible(), text(p.eligibleFrom()), p.barred(), p.lenient(), reasons(p.reasons())));
  }

  private static List<CalculatorAnswer.Reason> reasons(List<cn.xinsheng.sentence.domain.Reason> l) {
    return l.stream()
        .map(x -> new CalculatorAnswer.Reason(x.key(), x.article(), x.zh(), x.en()))
        .toList();
  }

  private static String text(LocalDate d) {
    return d == null ? null : d.toString();
  }

  private static LocalDate date(String text, String field) {
    if (text == null || text.isBlank()) {
      throw new SentenceFactException(field, "缺少日期", "the date is missing");
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new SentenceFactException(field, "日期格式应为yyyy-MM-dd", "a date is written yyyy-MM-dd");
    }
  }

  private static <E extends Enum<E>> E code(Class<E> type, String text, String field) {
    String names =
        Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(" "));
    if (text == null || text.isBlank()) {
      throw new SentenceFactException(field, "缺少,可选:" + names, "missing; one of: " + names);
    }
    try {
      return Enum.valueOf(type, text.strip());
    } catch (IllegalArgumentException e) {
      throw new SentenceFactException(field, "无效,可选:" + names, "unknown; one of: " + names);
    }
  }
}
