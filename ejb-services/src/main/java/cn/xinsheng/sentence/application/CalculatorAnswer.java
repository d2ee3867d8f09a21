package cn.xinsheng.sentence.application;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The calculator's answer; dates as {@code yyyy-MM-dd}. A field without a value is written as null,
 * never left out, so that the API and the offline command give the same document.
 */
@JsonbNillable
@JsonbPropertyOrder({"rules", "asOf", "reduction", "parole"})
public record CalculatorAnswer(String rules, String asOf, Reduction reduction, Parole parole) {

  /** A reason: its key, the article it rests on, the text in Chinese and English. */
  @JsonbNillable
  @JsonbPropertyOrder({"key", "article", "zh", "en"})
  public record Reason(String key, String article, String zh, String en) {}

  /** Reduction (减刑). */
  @JsonbNillable
  @JsonbPropertyOrder({
    "eligible",
    "eligibleFrom",
    "maxMonths",
    "commuteToMinMonths",
    "commuteToMaxMonths",
    "commutation",
    "minMonthsToServeAfter",
    "termEnds",
    "lenientMaxMonths",
    "lenientEligibleFrom",
    "reasons"
  })
  public record Reduction(
      boolean eligible,
      String eligibleFrom,
      Integer maxMonths,
      Integer commuteToMinMonths,
      Integer commuteToMaxMonths,
      String commutation,
      Integer minMonthsToServeAfter,
      String termEnds,
      Integer lenientMaxMonths,
      String lenientEligibleFrom,
      List<Reason> reasons) {}

  /** Parole (假释). */
  @JsonbNillable
  @JsonbPropertyOrder({"eligible", "eligibleFrom", "barred", "lenient", "reasons"})
  public record Parole(
      boolean eligible,
      String eligibleFrom,
      boolean barred,
      List<String> lenient,
      List<Reason> reasons) {}

  /** The answer as ordered maps and lists, for the offline command's JSON. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rules", rules);
    m.put("asOf", asOf);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("eligible", reduction.eligible());
    r.put("eligibleFrom", reduction.eligibleFrom());
    r.put("maxMonths", num(reduction.maxMonths()));
    r.put("commuteToMinMonths", num(reduction.commuteToMinMonths()));
    r.put("commuteToMaxMonths", num(reduction.commuteToMaxMonths()));
    r.put("commutation", reduction.commutation());
    r.put("minMonthsToServeAfter", num(reduction.minMonthsToServeAfter()));
    r.put("termEnds", reduction.termEnds());
    r.put("lenientMaxMonths", num(reduction.lenientMaxMonths()));
    r.put("lenientEligibleFrom", reduction.lenientEligibleFrom());
    r.put("reasons", reasons(reduction.reasons()));
    m.put("reduction", r);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("eligible", parole.eligible());
    p.put("eligibleFrom", parole.eligibleFrom());
    p.put("barred", parole.barred());
    p.put("lenient", List.copyOf(parole.lenient()));
    p.put("reasons", reasons(parole.reasons()));
    m.put("parole", p);
    return m;
  }

  private static Long num(Integer i) {
    return i == null ? null : i.longValue();
  }

  private static List<Object> reasons(List<Reason> list) {
    return list.stream()
        .map(
            x -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("key", x.key());
              m.put("article", x.article());
              m.put("zh", x.zh());
              m.put("en", x.en());
              return (Object) m;
            })
        .toList();
  }
}
