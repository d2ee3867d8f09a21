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
public record CalculatorAnswer(
    @org.eclipse.microprofile.openapi.annotations.media.Schema(
            description = "the rule table's version, 2016-23/v2")
        String rules,
    @org.eclipse.microprofile.openapi.annotations.media.Schema(
            description = "the day evaluated, yyyy-MM-dd")
        String asOf,
    @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "reduction (减刑)")
        Reduction reduction,
    @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "parole (假释)")
        Parole parole) {

  /** A reason: its key, the article it rests on, the text in Chinese and English. */
  @JsonbNillable
  @JsonbPropertyOrder({"key", "article", "zh", "en"})
  public record Reason(
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description = "a stable key of the rule table")
          String key,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description = "the article the reason rests on")
          String article,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description = "the reason in Chinese")
          String zh,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description = "the reason in English")
          String en) {}

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
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description = "a reduction may be proposed on asOf")
          boolean eligible,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description =
                  "the first day the time rules are met; null when never or the term has ended")
          String eligibleFrom,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description =
                  "the most one reduction of a fixed term may take now; null for life and 死缓")
          Integer maxMonths,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description = "life or 死缓: the shortest fixed term it may be commuted to")
          Integer commuteToMinMonths,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description = "life or 死缓: the longest fixed term it may be commuted to")
          Integer commuteToMaxMonths,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description =
                  "REPRIEVE_END (a 死缓 in its reprieve: to life, or 25 years with major merit, 刑法第五十条), LIFE_TO_FIXED, or null for a fixed term")
          String commutation,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description =
                  "whole months from asOf until the earliest day the sentence may end (刑法第七十八条第二款); null while a reprieve runs")
          Integer minMonthsToServeAfter,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description = "the first day of liberty of the term in execution; null for life")
          String termEnds,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description =
                  "第十九条/第二十条: the larger amount the court may allow instead of shorter waits")
          Integer lenientMaxMonths,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description =
                  "第十九条/第二十条: the earlier day the court may allow instead of a larger amount")
          String lenientEligibleFrom,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description = "every rule that shaped the answer, with its article")
          List<Reason> reasons) {}

  /** Parole (假释). */
  @JsonbNillable
  @JsonbPropertyOrder({"eligible", "eligibleFrom", "barred", "lenient", "reasons"})
  public record Parole(
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description = "parole may be proposed on asOf")
          boolean eligible,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description =
                  "the first day parole may be granted; null when barred or the term ends first")
          String eligibleFrom,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description =
                  "a rule forbids parole whatever the time served (刑法第八十一条第二款, 第二十七条, 终身监禁)")
          boolean barred,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description =
                  "grounds to grant parole leniently (第二十六条): PAROLE_LENIENT_JUVENILE, PAROLE_LENIENT_ELDERLY")
          List<String> lenient,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description = "every rule that shaped the answer, with its article")
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
