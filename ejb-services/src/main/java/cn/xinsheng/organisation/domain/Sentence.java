package cn.xinsheng.organisation.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * A sentence as imposed: its start and either a fixed length in months or life. The current end
 * date is kept apart on the inmate because reductions move it; this is the original term.
 */
public record Sentence(LocalDate start, Integer months, boolean life) {

  public Sentence {
    if (start == null) {
      throw new IllegalArgumentException("a sentence has a start date");
    }
    if (life && months != null) {
      throw new IllegalArgumentException("a life sentence has no length in months");
    }
    if (!life && (months == null || months < 1 || months > 12 * 25)) {
      throw new IllegalArgumentException("a fixed-term sentence is 1 to 300 months");
    }
  }

  public static Sentence fixedTerm(LocalDate start, int months) {
    return new Sentence(start, months, false);
  }

  public static Sentence life(LocalDate start) {
    return new Sentence(start, null, true);
  }

  /** The original end of a fixed term: start plus the term, less one day (the last day served). */
  public Optional<LocalDate> originalEnd() {
    return life ? Optional.empty() : Optional.of(start.plusMonths(months).minusDays(1));
  }

  /** Time served on the given day, counting the start day. */
  public Period servedOn(LocalDate day) {
    if (day.isBefore(start)) {
      return Period.ZERO;
    }
    return Period.between(start, day.plusDays(1));
  }
}
