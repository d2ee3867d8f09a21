package cn.xinsheng.sentence.application;

import cn.xinsheng.sentence.domain.SentenceFactException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The calculator's facts, field for field as {@code docs/eligibility-calculator.md} describes them.
 * Dates are {@code yyyy-MM-dd}; codes are the names the document lists.
 */
public record CalculatorRequest(
    String asOf,
    Sentence sentence,
    List<String> offences,
    Boolean recidivist,
    String propertyPenalty,
    String performance,
    List<Change> changes,
    Boolean juvenile,
    Boolean elderlyIllOrDisabled,
    Boolean minorWhileServing) {

  /** The sentence as imposed. */
  public record Sentence(
      String kind,
      Integer months,
      String start,
      Integer detentionDays,
      Boolean limitedReduction,
      Boolean noReductionOrParole,
      Boolean combinedSentence,
      Integer violentTermMonths,
      Boolean twoCrimesOfTenYears) {}

  /**
   * A dated change to the sentence; {@code servedOn} the day a reduction's or commutation's ruling
   * was served (法释〔2016〕23号第四十条第二款), optional.
   */
  public record Change(String kind, String on, Integer months, Integer toMonths, String servedOn) {

    public Change(String kind, String on, Integer months, Integer toMonths) {
      this(kind, on, months, toMonths, null);
    }
  }

  /**
   * The facts from parsed JSON (objects as maps, whole numbers as {@link Long}), as the offline
   * command reads a file. A value of the wrong type is refused naming its field.
   */
  public static CalculatorRequest fromJson(Object json) {
    Map<?, ?> m = object(json, "body");
    Map<?, ?> s = m.get("sentence") == null ? null : object(m.get("sentence"), "sentence");
    Sentence sentence =
        s == null
            ? null
            : new Sentence(
                string(s, "kind", "sentence.kind"),
                integer(s, "months", "sentence.months"),
                string(s, "start", "sentence.start"),
                integer(s, "detentionDays", "sentence.detentionDays"),
                bool(s, "limitedReduction", "sentence.limitedReduction"),
                bool(s, "noReductionOrParole", "sentence.noReductionOrParole"),
                bool(s, "combinedSentence", "sentence.combinedSentence"),
                integer(s, "violentTermMonths", "sentence.violentTermMonths"),
                bool(s, "twoCrimesOfTenYears", "sentence.twoCrimesOfTenYears"));
    List<String> offences = null;
    if (m.get("offences") != null) {
      offences = new ArrayList<>();
      List<?> list = array(m.get("offences"), "offences");
      for (int i = 0; i < list.size(); i++) {
        if (!(list.get(i) instanceof String str)) {
          throw wrong("offences[" + i + "]", "文字", "a string");
        }
        offences.add(str);
      }
    }
    List<Change> changes = null;
    if (m.get("changes") != null) {
      changes = new ArrayList<>();
      List<?> list = array(m.get("changes"), "changes");
      for (int i = 0; i < list.size(); i++) {
        String at = "changes[" + i + "]";
        Map<?, ?> c = object(list.get(i), at);
        changes.add(
            new Change(
                string(c, "kind", at + ".kind"),
                string(c, "on", at + ".on"),
                integer(c, "months", at + ".months"),
                integer(c, "toMonths", at + ".toMonths"),
                string(c, "servedOn", at + ".servedOn")));
      }
    }
    return new CalculatorRequest(
        string(m, "asOf", "asOf"),
        sentence,
        offences,
        bool(m, "recidivist", "recidivist"),
        string(m, "propertyPenalty", "propertyPenalty"),
        string(m, "performance", "performance"),
        changes,
        bool(m, "juvenile", "juvenile"),
        bool(m, "elderlyIllOrDisabled", "elderlyIllOrDisabled"),
        bool(m, "minorWhileServing", "minorWhileServing"));
  }

  private static Map<?, ?> object(Object v, String field) {
    if (v instanceof Map<?, ?> map) {
      return map;
    }
    throw wrong(field, "JSON对象", "a JSON object");
  }

  private static List<?> array(Object v, String field) {
    if (v instanceof List<?> list) {
      return list;
    }
    throw wrong(field, "JSON数组", "a JSON array");
  }

  private static String string(Map<?, ?> m, String key, String field) {
    Object v = m.get(key);
    if (v == null || v instanceof String) {
      return (String) v;
    }
    throw wrong(field, "文字", "a string");
  }

  private static Boolean bool(Map<?, ?> m, String key, String field) {
    Object v = m.get(key);
    if (v == null || v instanceof Boolean) {
      return (Boolean) v;
    }
    throw wrong(field, "true或false", "true or false");
  }

  private static Integer integer(Map<?, ?> m, String key, String field) {
    Object v = m.get(key);
    if (v == null) {
      return null;
    }
    if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
      return l.intValue();
    }
    if (v instanceof Long || v instanceof BigDecimal) {
      throw wrong(field, "整数", "a whole number");
    }
    throw wrong(field, "整数", "a whole number");
  }

  private static SentenceFactException wrong(String field, String zh, String en) {
    return new SentenceFactException(field, "应为" + zh, "must be " + en);
  }
}
