package cn.xinsheng.music.infrastructure.exam;

import java.time.LocalDate;

/** Column values of the exam tables' rows that {@code SqlValues} does not answer as they need. */
final class ExamRows {

  private ExamRows() {}

  /** An exam day as the driver answers it: a date, a local date, or text starting with one. */
  static LocalDate date(Object o) {
    if (o instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (o instanceof LocalDate d) {
      return d;
    }
    return LocalDate.parse(o.toString().substring(0, 10));
  }
}
