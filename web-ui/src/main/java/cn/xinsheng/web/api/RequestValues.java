package cn.xinsheng.web.api;

import cn.xinsheng.platform.Refusal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The few readings of a request's values that the ledger's, the cases' and learning's resources
 * share: an enum by its name, a missing list, a date. One place, so a wrong value is refused with
 * the same message whichever resource reads it.
 */
final class RequestValues {

  private RequestValues() {}

  /** An enum constant by its exact name, or the refusal that names what is allowed. */
  static <E extends Enum<E>> E parse(Class<E> type, String name, String refusalKey) {
    try {
      return Enum.valueOf(type, name == null ? "" : name);
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid(refusalKey);
    }
  }

  /** A list the body left out is an empty one. */
  static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /**
   * A case's date (yyyy-MM-dd), or nothing when the body left it out; anything else is refused with
   * {@code case.error.date} naming the field.
   */
  static LocalDate date(String text, String field) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw Refusal.invalid("case.error.date", field);
    }
  }
}
