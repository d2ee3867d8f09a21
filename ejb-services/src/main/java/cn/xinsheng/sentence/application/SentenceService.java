package cn.xinsheng.sentence.application;

import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.organisation.application.SentenceRecords;
import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.sentence.domain.ChangeKind;
import cn.xinsheng.sentence.domain.EligibilityEngine;
import cn.xinsheng.sentence.domain.Offence;
import cn.xinsheng.sentence.domain.Performance;
import cn.xinsheng.sentence.domain.PropertyPenalty;
import cn.xinsheng.sentence.domain.SentenceChange;
import cn.xinsheng.sentence.domain.SentenceFactException;
import cn.xinsheng.sentence.domain.SentenceKind;
import cn.xinsheng.sentence.domain.SentenceRecord;
import cn.xinsheng.sentence.infrastructure.SentenceStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The sentence record as the penalty-execution department enters it from the judgment (issue 16,
 * deliverable 1): the kind of sentence and its facts, and every later change from the court's
 * papers (a reduction, a commutation, a new judgment). The domain's {@link SentenceRecord} checks
 * the facts and names the field it refuses, in Chinese and English; nothing is written then. Every
 * entry is a new row and an audit entry; the inmate's current end follows.
 */
@Stateless
@RolesAllowed(Role.EXECUTION_NAME)
public class SentenceService {

  private static final EligibilityEngine ENGINE = EligibilityEngine.standard();
  private static final int MAX_NOTE = 500;

  /** The facts of a judgment as a form or a request gives them. */
  public record SentenceInput(
      String kind,
      Integer months,
      LocalDate start,
      Integer detentionDays,
      boolean limitedReduction,
      boolean noReductionOrParole,
      List<String> offences,
      boolean recidivist,
      String propertyPenalty,
      boolean juvenile,
      boolean elderlyIllOrDisabled,
      boolean minorWhileServing,
      boolean combinedSentence,
      Integer violentTermMonths,
      boolean twoCrimesOfTenYears,
      String note) {}

  /**
   * A later change as the court's papers give it.
   *
   * @param servedOn the day the ruling was served (送达) on the prison, when the papers show it: the
   *     interval to the next reduction counts from it (法释〔2016〕23号第四十条第二款); optional, for a
   *     reduction or a commutation to a fixed term only
   */
  public record ChangeInput(
      String kind,
      LocalDate on,
      Integer months,
      Integer toMonths,
      LocalDate servedOn,
      String note) {

    /** A change whose service is not known. */
    public ChangeInput(String kind, LocalDate on, Integer months, Integer toMonths, String note) {
      this(kind, on, months, toMonths, null, note);
    }
  }

  /** One change as the page lists it, with the day its ruling was served when recorded. */
  public record ChangeLine(
      String kind, LocalDate on, Integer months, Integer toMonths, LocalDate servedOn) {}

  /** The record in force, or why it cannot be built. */
  public record SentenceView(
      String prisonerNumber,
      String name,
      String kind,
      Integer months,
      LocalDate start,
      int detentionDays,
      boolean limitedReduction,
      boolean noReductionOrParole,
      List<String> offences,
      boolean recidivist,
      String propertyPenalty,
      boolean juvenile,
      boolean elderlyIllOrDisabled,
      boolean minorWhileServing,
      boolean combinedSentence,
      Integer violentTermMonths,
      boolean twoCrimesOfTenYears,
      List<ChangeLine> changes,
      LocalDate currentEnd,
      String errorField,
      String errorZh,
      String errorEn) {}

  @Inject SentenceStore store;
  @Inject SentenceRecords inmates;
  @Inject CallerScope scope;
  @Inject Caller caller;
  @Inject PrisonTime time;
  @Inject AuditLog audit;

  private Inmate inmate(String prisonerNumber) {
    return scope
        .inmate(prisonerNumber == null ? "" : prisonerNumber.strip())
        .orElseThrow(() -> Refusal.notFound("error.unknownInmate"));
  }

  /** The record in force of an inmate, with its changes. */
  public SentenceView view(String prisonerNumber) {
    Inmate i = inmate(prisonerNumber);
    long section = i.getSection().getId();
    SentenceStore.Loaded l =
        store.record(i.getId(), section).orElseThrow(() -> Refusal.notFound("error.unknownInmate"));
    LocalDate end = inmates.currentSentenceEnd(i.getId());
    String number = i.getPrisonerNumber().value();
    if (l.error() != null) {
      return new SentenceView(
          number,
          i.getName(),
          null,
          null,
          null,
          0,
          false,
          false,
          List.of(),
          false,
          null,
          false,
          false,
          false,
          false,
          null,
          false,
          List.of(),
          end,
          l.error().field(),
          l.error().zh(),
          l.error().en());
    }
    SentenceRecord r = l.record();
    return new SentenceView(
        number,
        i.getName(),
        r.kind().name(),
        r.months(),
        r.start(),
        r.detentionDays(),
        r.limitedReduction(),
        r.noReductionOrParole(),
        r.offences().stream().map(Enum::name).sorted().toList(),
        r.recidivist(),
        r.propertyPenalty().name(),
        r.juvenile(),
        r.elderlyIllOrDisabled(),
        r.minorWhileServing(),
        r.combinedSentence(),
        r.violentTermMonths(),
        r.twoCrimesOfTenYears(),
        r.changes().stream()
            .map(
                c ->
                    new ChangeLine(c.kind().name(), c.on(), c.months(), c.toMonths(), c.servedOn()))
            .toList(),
        end,
        null,
        null,
        null);
  }

  /**
   * Enters the judgment's facts (the latest row is in force); the inmate's start, term and end
   * follow. Refused, naming the field, when the facts do not hold together.
   */
  public SentenceView record(String prisonerNumber, SentenceInput in) {
    Inmate i = inmate(prisonerNumber);
    if (in == null) {
      throw Refusal.invalid("error.body.empty");
    }
    String note = note(in.note());
    SentenceKind kind = parse(SentenceKind.class, in.kind(), "sentence.kind");
    Set<Offence> offences = EnumSet.noneOf(Offence.class);
    for (String o : in.offences() == null ? List.<String>of() : in.offences()) {
      offences.add(parse(Offence.class, o, "offences"));
    }
    PropertyPenalty property =
        in.propertyPenalty() == null || in.propertyPenalty().isBlank()
            ? PropertyPenalty.NONE
            : parse(PropertyPenalty.class, in.propertyPenalty(), "propertyPenalty");
    List<SentenceChange> changes = existingChanges(i);
    SentenceRecord r =
        checked(
            () ->
                new SentenceRecord(
                    kind,
                    in.months(),
                    in.start(),
                    in.detentionDays() == null ? 0 : in.detentionDays(),
                    in.limitedReduction(),
                    in.noReductionOrParole(),
                    offences,
                    in.recidivist(),
                    property,
                    in.juvenile(),
                    in.elderlyIllOrDisabled(),
                    in.minorWhileServing(),
                    in.combinedSentence(),
                    in.violentTermMonths(),
                    in.twoCrimesOfTenYears(),
                    changes));
    if (r.start().isAfter(time.today())) {
      throw Refusal.invalid("sentence.error.future", "sentence.start");
    }
    LocalDate end = end(r);
    store.recordSentence(i.getId(), r, note, caller.name());
    inmates.setSentence(i.getId(), r.start(), r.months(), kind != SentenceKind.FIXED, end);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("inmate", i.getPrisonerNumber().value());
    p.put("kind", kind.name());
    if (r.months() != null) {
      p.put("months", r.months().longValue());
    }
    p.put("start", r.start().toString());
    p.put("detentionDays", (long) r.detentionDays());
    p.put("limitedReduction", r.limitedReduction());
    p.put("noReductionOrParole", r.noReductionOrParole());
    p.put("offences", r.offences().stream().map(Enum::name).sorted().toList());
    p.put("recidivist", r.recidivist());
    p.put("propertyPenalty", r.propertyPenalty().name());
    p.put("juvenile", r.juvenile());
    p.put("elderlyIllOrDisabled", r.elderlyIllOrDisabled());
    p.put("minorWhileServing", r.minorWhileServing());
    p.put("combinedSentence", r.combinedSentence());
    if (r.violentTermMonths() != null) {
      p.put("violentTermMonths", r.violentTermMonths().longValue());
    }
    p.put("twoCrimesOfTenYears", r.twoCrimesOfTenYears());
    p.put("note", note);
    if (end != null) {
      p.put("end", end.toString());
    }
    audit.record("sentence.recorded", "sentence/" + i.getPrisonerNumber().value(), p, List.of());
    return view(prisonerNumber);
  }

  /**
   * Enters a change from the court's papers (a ruling from before this system, a commutation, a new
   * judgment); refused, naming the field, when it does not fit the record.
   */
  public SentenceView change(String prisonerNumber, ChangeInput in) {
    Inmate i = inmate(prisonerNumber);
    if (in == null) {
      throw Refusal.invalid("error.body.empty");
    }
    String note = note(in.note());
    ChangeKind kind = parse(ChangeKind.class, in.kind(), "changes.kind");
    if (in.on() == null) {
      throw Refusal.invalid("sentence.error.changeDate");
    }
    if (in.on().isAfter(time.today())) {
      throw Refusal.invalid("sentence.error.future", "changes.on");
    }
    served(kind, in.on(), in.servedOn());
    SentenceStore.Loaded l = store.record(i.getId(), i.getSection().getId()).orElseThrow();
    if (l.error() != null) {
      throw Refusal.invalid(
          "sentence.error.fact", l.error().field(), l.error().zh(), l.error().en());
    }
    SentenceRecord before = l.record();
    SentenceChange c = new SentenceChange(kind, in.on(), in.months(), in.toMonths(), in.servedOn());
    List<SentenceChange> all = new ArrayList<>(before.changes());
    all.add(c);
    SentenceRecord after =
        checked(
            () ->
                new SentenceRecord(
                    before.kind(),
                    before.months(),
                    before.start(),
                    before.detentionDays(),
                    before.limitedReduction(),
                    before.noReductionOrParole(),
                    before.offences(),
                    before.recidivist(),
                    before.propertyPenalty(),
                    before.juvenile(),
                    before.elderlyIllOrDisabled(),
                    before.minorWhileServing(),
                    before.combinedSentence(),
                    before.violentTermMonths(),
                    before.twoCrimesOfTenYears(),
                    all));
    LocalDate previous = inmates.currentSentenceEnd(i.getId());
    LocalDate end = end(after);
    long changeId = store.recordChange(i.getId(), c, previous, end, caller.name());
    if (in.servedOn() != null) {
      // append-only beside the change, as a case's service step writes it
      store.recordChangeService(changeId, in.servedOn(), caller.name());
    }
    inmates.setSentence(
        i.getId(), after.start(), after.months(), after.kind() != SentenceKind.FIXED, end);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("inmate", i.getPrisonerNumber().value());
    p.put("kind", kind.name());
    p.put("on", in.on().toString());
    if (in.months() != null) {
      p.put("months", in.months().longValue());
    }
    if (in.toMonths() != null) {
      p.put("toMonths", in.toMonths().longValue());
    }
    if (in.servedOn() != null) {
      p.put("servedOn", in.servedOn().toString());
    }
    if (previous != null) {
      p.put("previousEnd", previous.toString());
    }
    if (end != null) {
      p.put("newEnd", end.toString());
    }
    p.put("note", note);
    // issue 15: the change row is bound to its entry, like a ruling's, so an edit of it is caught
    audit.record(
        "sentence.changed",
        "sentence/" + i.getPrisonerNumber().value(),
        p,
        List.of(),
        time.now(),
        List.of(AuditLog.Bind.of("sentence_change", changeId)));
    return view(prisonerNumber);
  }

  /**
   * The day a ruling entered by hand was served (送达), when given: the interval to the next
   * reduction counts from it (法释〔2016〕23号第四十条第二款). Only a ruling that takes months off or sets a
   * fixed term starts that interval (as a case's service step dates only those); it is served on or
   * after the day it was made, and not after the prison's today by the platform's clock.
   */
  private void served(ChangeKind kind, LocalDate on, LocalDate servedOn) {
    LocalDate today = time.today();
    SentenceChange.serviceRefusal(kind, on, servedOn, today)
        .ifPresent(
            key -> {
              // the days in the message, so the officer sees which one is wrong
              throw Refusal.invalid(
                  key,
                  String.valueOf(servedOn),
                  key.endsWith("Future") ? today.toString() : on.toString());
            });
  }

  /** The codes a form offers: kinds of sentence, offences, property penalties, changes. */
  public record Codes(
      List<String> kinds, List<String> offences, List<String> properties, List<String> changes) {}

  public Codes codes() {
    return new Codes(
        names(SentenceKind.values()),
        names(Offence.values()).stream().filter(o -> !"STRICT_OTHER".equals(o)).toList(),
        names(PropertyPenalty.values()),
        names(ChangeKind.values()));
  }

  private static List<String> names(Enum<?>[] values) {
    return java.util.Arrays.stream(values).map(Enum::name).toList();
  }

  private List<SentenceChange> existingChanges(Inmate i) {
    SentenceStore.Loaded l = store.record(i.getId(), i.getSection().getId()).orElseThrow();
    return l.record() == null ? List.of() : l.record().changes();
  }

  /** The last day of the term in execution (the engine's end is exclusive); null for life. */
  private LocalDate end(SentenceRecord r) {
    try {
      LocalDate ends =
          ENGINE.evaluate(r, Performance.REPENTANCE, time.today()).reduction().termEnds();
      return ends == null ? null : ends.minusDays(1);
    } catch (SentenceFactException e) {
      throw Refusal.invalid("sentence.error.fact", e.field(), e.zh(), e.en());
    }
  }

  private interface Build {
    SentenceRecord build();
  }

  private SentenceRecord checked(Build b) {
    try {
      SentenceRecord r = b.build();
      // the engine checks what the record's own constructor cannot: the changes in their order
      ENGINE.evaluate(r, Performance.REPENTANCE, time.today());
      return r;
    } catch (SentenceFactException e) {
      throw Refusal.invalid("sentence.error.fact", e.field(), e.zh(), e.en());
    }
  }

  private static String note(String note) {
    if (note == null || note.isBlank()) {
      throw Refusal.invalid("sentence.error.note");
    }
    if (note.length() > MAX_NOTE) {
      throw Refusal.invalid("sentence.error.note");
    }
    return note.strip();
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
    try {
      return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("sentence.error.value", field, value == null ? "" : value);
    }
  }
}
