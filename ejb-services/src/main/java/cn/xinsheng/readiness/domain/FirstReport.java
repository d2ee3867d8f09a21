package cn.xinsheng.readiness.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A released person's first report to the community corrections office, as the office records it.
 * It is due within ten days: "裁定假释的社区矫正对象，应当自判决、裁定生效之日起十日内到执行地社区矫正机构报到" (《中华人民共和国社区矫正法》第二十一条第一款) —
 * counted from the parole ruling taking effect where that date is known, otherwise from release.
 * Later than that it is recorded, and marked late.
 */
public record FirstReport(LocalDate due, LocalDate reportedOn, boolean late) {

  /** Days the law allows between the ruling taking effect (or release) and the first report. */
  public static final int DAYS = 10;

  /** The last day of the first report. */
  public static LocalDate due(LocalDate release, Optional<LocalDate> paroleRuling) {
    return paroleRuling.orElse(release).plusDays(DAYS);
  }

  /**
   * A report on {@code reportedOn}, recorded on {@code today}: refused when it would be before the
   * person was released or in the future.
   */
  public static FirstReport of(
      LocalDate release, Optional<LocalDate> paroleRuling, LocalDate reportedOn, LocalDate today) {
    if (reportedOn == null) {
      throw new ReadinessRefusal("report.error.date", "reportedOn");
    }
    if (reportedOn.isAfter(today)) {
      throw new ReadinessRefusal("report.error.future", reportedOn.toString());
    }
    if (release != null && reportedOn.isBefore(paroleRuling.orElse(release))) {
      throw new ReadinessRefusal("report.error.beforeRelease", reportedOn.toString());
    }
    LocalDate due = release == null ? null : due(release, paroleRuling);
    return new FirstReport(due, reportedOn, due != null && reportedOn.isAfter(due));
  }
}
