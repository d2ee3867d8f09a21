package cn.xinsheng.music.domain.exam;

import java.util.Optional;

/**
 * Who may register for a level on an instrument. CNOS levels build on each other: level 1 is open
 * to anyone; a higher level needs the level below passed on the same instrument, or a placement
 * decision by the exam board (an inmate who already plays at that level, with the reason recorded).
 * Anything else is refused.
 */
public final class Eligibility {

  /** Why a registration is allowed. */
  public enum Basis {
    FIRST_LEVEL,
    PREVIOUS_LEVEL_PASSED,
    PLACEMENT
  }

  private Eligibility() {}

  /**
   * @param level the level applied for (1..10)
   * @param highestPassed the highest level passed on this instrument, if any
   * @param placedAt the level of a placement decision on this instrument, if any
   */
  public static Basis decide(
      int level, Optional<Integer> highestPassed, Optional<Integer> placedAt) {
    if (level < 1 || level > 10) {
      throw new ExamRefusal(ExamRefusal.Kind.INVALID, "music.exam.error.level");
    }
    if (highestPassed.filter(p -> p >= level).isPresent()) {
      throw new ExamRefusal(ExamRefusal.Kind.CONFLICT, "music.exam.error.alreadyPassed");
    }
    if (level == 1) {
      return Basis.FIRST_LEVEL;
    }
    if (highestPassed.filter(p -> p == level - 1).isPresent()) {
      return Basis.PREVIOUS_LEVEL_PASSED;
    }
    if (placedAt.filter(p -> p == level).isPresent()) {
      return Basis.PLACEMENT;
    }
    throw new ExamRefusal(ExamRefusal.Kind.CONFLICT, "music.exam.error.notEligible");
  }
}
