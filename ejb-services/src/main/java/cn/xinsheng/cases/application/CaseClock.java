package cn.xinsheng.cases.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The prison's calendar day for case deadlines. In a demonstration ({@code start-dev}, setting
 * {@code xinsheng.cases.demo-clock}) it may be moved forward so a case can pass its waits; a
 * production start never sets it, and then the day is the real one.
 */
@ApplicationScoped
public class CaseClock {

  public static final ZoneId PRISON = ZoneId.of("Asia/Shanghai");

  @Inject
  @ConfigProperty(name = "xinsheng.cases.demo-clock", defaultValue = "false")
  boolean demoClock;

  private final AtomicInteger offsetDays = new AtomicInteger();

  public LocalDate today() {
    return LocalDate.now(PRISON).plusDays(offsetDays.get());
  }

  public boolean isDemo() {
    return demoClock;
  }

  public int offsetDays() {
    return offsetDays.get();
  }

  /** Forward only: a deadline once passed stays passed. */
  public int advance(int days) {
    return offsetDays.addAndGet(days);
  }
}
