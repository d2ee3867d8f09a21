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
 */
public record SentenceChange(ChangeKind kind, LocalDate on, Integer months, Integer toMonths) {

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
