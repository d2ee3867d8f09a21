package cn.xinsheng.cases.application;

import static cn.xinsheng.cases.application.CaseChanges.text;

import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.application.PrisonCalendar;
import cn.xinsheng.platform.PlatformClock;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The calendar the case deadlines are counted in: the working-day calendar's holidays (and weekends
 * worked in exchange), and the demonstration's clock moved forward.
 */
@Stateless
public class CaseCalendarService {

  @Inject CaseAudit audit;
  @Inject PrisonTime time;
  @Inject PlatformClock platformClock;
  @Inject PrisonCalendar calendar;

  /** Moves the demonstration's case calendar forward; refused outside a demonstration. */
  @RolesAllowed({Role.EXECUTION_NAME, Role.SYS_ADMIN_NAME})
  public LocalDate advanceDemoClock(int days) {
    if (!platformClock.isDemo()) {
      throw Refusal.forbidden("case.error.demoClock");
    }
    if (days < 1 || days > 60) {
      throw Refusal.invalid("case.error.demoDays");
    }
    platformClock.advanceDemo(days);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("days", (long) days);
    p.put("today", time.today().toString());
    audit.append("case.demo-clock.advanced", "demo-clock", p, List.of());
    return time.today();
  }

  /** A public holiday (or a weekend worked in exchange) in the working-day calendar. */
  @RolesAllowed({Role.EXECUTION_NAME, Role.SYS_ADMIN_NAME})
  public void calendarDay(LocalDate day, boolean working, String name) {
    if (day == null) {
      throw Refusal.invalid("case.error.day");
    }
    String n = text(name, "case.error.dayName");
    if (n.length() > 100) {
      throw Refusal.invalid("case.error.dayName");
    }
    calendar.markDay(day, working, n);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("day", day.toString());
    p.put("working", working);
    p.put("name", n);
    audit.append("calendar.day", "calendar/" + day, p, List.of());
  }
}
