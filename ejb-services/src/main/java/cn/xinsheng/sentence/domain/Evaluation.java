package cn.xinsheng.sentence.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * The engine's answer for one sentence on one day: the calculator's response, the eligibility
 * page's reasons and the ruling's lawful maximum all come from this.
 */
public record Evaluation(String rules, LocalDate asOf, Reduction reduction, Parole parole) {

  /** What a granted ruling on a life or 死缓 term does, beyond taking months off a fixed term. */
  public enum Commutation {
    /**
     * 死缓 at the end of its reprieve (刑法第五十条第一款): to life, or to 25 years with major merit, counted
     * from the reprieve's end (刑法第五十一条); {@code eligibleFrom} is that day.
     */
    REPRIEVE_END,
    /** Life (imposed, or reached from 死缓) to a fixed term (第八条 to 第十一条), from the ruling. */
    LIFE_TO_FIXED
  }

  /**
   * Reduction (减刑).
   *
   * @param eligibleFrom the first day the time rules are met; null when never
   * @param maxMonths the most one reduction of a fixed term may take now; null for a commutation
   * @param commuteToMinMonths for a life term: the shortest fixed term it may be commuted to
   * @param commuteToMaxMonths for a life term: the longest
   * @param minMonthsToServeAfter months from {@code asOf} the inmate must serve whatever the
   *     reductions (刑法第七十八条第二款); null when no minimum applies yet
   * @param termEnds the day the term in execution ends (exclusive); null for life and 死缓
   * @param lenientMaxMonths arts 19 and 20: the larger amount a court may allow instead of the
   *     shorter wait; null when they do not apply
   * @param lenientEligibleFrom arts 19 and 20: the earlier day instead of the larger amount
   * @param limitArticle the article the maximum (or the commutation's range) rests on, for a
   *     refusal above it
   * @param commutation what a granted ruling does: null for a fixed term's reduction
   */
  public record Reduction(
      boolean eligible,
      LocalDate eligibleFrom,
      Integer maxMonths,
      Integer commuteToMinMonths,
      Integer commuteToMaxMonths,
      Integer minMonthsToServeAfter,
      LocalDate termEnds,
      Integer lenientMaxMonths,
      LocalDate lenientEligibleFrom,
      List<Reason> reasons,
      String limitArticle,
      Commutation commutation) {

    public Reduction {
      reasons = List.copyOf(reasons);
    }
  }

  /**
   * Parole (假释).
   *
   * @param barred a rule forbids parole whatever the time served
   * @param lenient grounds for leniency (第二十六条), as reason keys
   */
  public record Parole(
      boolean eligible,
      LocalDate eligibleFrom,
      boolean barred,
      List<String> lenient,
      List<Reason> reasons) {

    public Parole {
      lenient = List.copyOf(lenient);
      reasons = List.copyOf(reasons);
    }
  }
}
