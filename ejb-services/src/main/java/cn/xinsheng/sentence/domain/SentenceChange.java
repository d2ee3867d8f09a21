package cn.xinsheng.sentence.domain;

import java.time.LocalDate;

/**
 * One dated change to a sentence, as the court's ruling gives it.
 *
 * @param on the ruling's date; for {@link ChangeKind#COMMUTATION_TO_LIFE} the day the reprieve
 *     ended, for {@link ChangeKind#COMMUTATION_TO_FIXED} the day the new term is counted from
 *     (刑法第八十条, 第五十一条)
 * @param months a reduction's amount; for a new crime the new term (null when the new crime was
 *     sentenced to life)
 * @param toMonths the fixed term a commutation sets; for a new crime the combined term (数罪并罚)
 *     counted from {@code on}, or null when the term in execution is unchanged
 * @param servedOn for a reduction or a commutation to a fixed term, the day the ruling was served
 *     (送达); null when not known (yet). The interval to the next reduction runs from it, not from
 *     the ruling (法释〔2016〕23号第四十条第二款: "减刑间隔时间，是指前一次减刑裁定送达之日起至本次减刑报请之日止的期间"); the term itself still
 *     moves from the ruling (刑法第八十条)
 */
public record SentenceChange(
    ChangeKind kind, LocalDate on, Integer months, Integer toMonths, LocalDate servedOn) {

  /** A change whose service date is not known: the interval runs from {@code on}. */
  public SentenceChange(ChangeKind kind, LocalDate on, Integer months, Integer toMonths) {
    this(kind, on, months, toMonths, null);
  }

  /** The same change, served on {@code day}. */
  public SentenceChange served(LocalDate day) {
    return new SentenceChange(kind, on, months, toMonths, day);
  }

  /**
   * The day the interval to the next reduction, and the wait before parole, run from: the service
   * when known (第四十条第二款), else the ruling.
   */
  public LocalDate effectiveFrom() {
    return servedOn != null ? servedOn : on;
  }

  /**
   * Why a service day given for a ruling cannot be taken, as the message key of the refusal; empty
   * when it can. Only a reduction or a commutation to a fixed term starts the interval to the next
   * reduction from its service (法释〔2016〕23号第四十条第二款), so only those carry one; a ruling is served on
   * or after the day it was made, and no later than {@code today}, the prison's day by the
   * platform's clock (a service not yet made is not recorded).
   */
  public static java.util.Optional<String> serviceRefusal(
      ChangeKind kind, LocalDate on, LocalDate servedOn, LocalDate today) {
    if (servedOn == null) {
      return java.util.Optional.empty();
    }
    if (kind != ChangeKind.REDUCTION && kind != ChangeKind.COMMUTATION_TO_FIXED) {
      return java.util.Optional.of("sentence.error.servedKind");
    }
    if (on != null && servedOn.isBefore(on)) {
      return java.util.Optional.of("sentence.error.servedBeforeRuling");
    }
    if (servedOn.isAfter(today)) {
      return java.util.Optional.of("sentence.error.servedFuture");
    }
    return java.util.Optional.empty();
  }

  public static SentenceChange reduction(LocalDate on, int months) {
    return new SentenceChange(ChangeKind.REDUCTION, on, months, null);
  }

  public static SentenceChange toLife(LocalDate on) {
    return new SentenceChange(ChangeKind.COMMUTATION_TO_LIFE, on, null, null);
  }

  public static SentenceChange toFixed(LocalDate on, int toMonths) {
    return new SentenceChange(ChangeKind.COMMUTATION_TO_FIXED, on, null, toMonths);
  }

  public static SentenceChange newCrime(LocalDate on, Integer months, Integer toMonths) {
    return new SentenceChange(ChangeKind.NEW_CRIME, on, months, toMonths);
  }
}
