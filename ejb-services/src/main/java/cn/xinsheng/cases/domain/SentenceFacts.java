package cn.xinsheng.cases.domain;

import cn.xinsheng.organisation.domain.Sentence;
import java.time.LocalDate;
import java.util.List;

/**
 * What eligibility rests on for one inmate: the sentence as imposed, its current end, the rulings
 * that reduced it, and the facts the judgments and execution records give.
 *
 * @param currentEnd the end after earlier reductions; null for a life term not yet commuted
 * @param reductions the days earlier reductions were ruled, oldest first
 * @param commutedOn the day a life term was commuted to a fixed term, or null
 */
public record SentenceFacts(
    Sentence sentence,
    LocalDate currentEnd,
    List<LocalDate> reductions,
    LocalDate commutedOn,
    boolean majorMerit,
    boolean propertyUnpaid,
    boolean strict) {

  public SentenceFacts {
    if (sentence == null) {
      throw new IllegalArgumentException("facts need the sentence");
    }
    reductions = reductions.stream().sorted().toList();
  }

  public static SentenceFacts of(Sentence sentence, LocalDate currentEnd) {
    return new SentenceFacts(sentence, currentEnd, List.of(), null, false, false, false);
  }

  public SentenceFacts withReductions(LocalDate... days) {
    return new SentenceFacts(
        sentence, currentEnd, List.of(days), commutedOn, majorMerit, propertyUnpaid, strict);
  }

  public SentenceFacts withMajorMerit() {
    return new SentenceFacts(
        sentence, currentEnd, reductions, commutedOn, true, propertyUnpaid, strict);
  }

  public SentenceFacts withPropertyUnpaid() {
    return new SentenceFacts(
        sentence, currentEnd, reductions, commutedOn, majorMerit, true, strict);
  }

  public SentenceFacts withStrict() {
    return new SentenceFacts(
        sentence, currentEnd, reductions, commutedOn, majorMerit, propertyUnpaid, true);
  }

  public SentenceFacts withCommutation(LocalDate on, LocalDate newEnd) {
    return new SentenceFacts(sentence, newEnd, reductions, on, majorMerit, propertyUnpaid, strict);
  }
}
