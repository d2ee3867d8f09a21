package cn.xinsheng.web.api;

import cn.xinsheng.platform.ClockAdministration;
import cn.xinsheng.platform.PlatformClock;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The platform's clock as the prison reads it: the moment, the prison's zone, today and this month.
 * On a test platform ({@code start-dev --test-clock}) the administrator may pin it at another
 * instant; every other platform refuses that.
 */
@Path("/clock")
@Produces(MediaType.APPLICATION_JSON)
public class ClockResource {

  @Inject PlatformClock platformClock;
  @Inject PrisonTime time;
  @Inject ClockAdministration administration;

  /** The platform's time as the prison reads it. */
  @JsonbPropertyOrder({
    "instant",
    "zone",
    "today",
    "month",
    "prisonTime",
    "pinned",
    "demo",
    "demoOffsetDays"
  })
  public record ClockView(
      String instant,
      String zone,
      String today,
      String month,
      String prisonTime,
      boolean pinned,
      boolean demo,
      long demoOffsetDays) {}

  /** The instant a test platform's clock is pinned at: ISO-8601 with an offset. */
  public record ClockPin(
      @NotNull(message = "clock.error.instant")
          @Size(max = 40, message = "clock.error.instant")
          @OneLine
          String instant) {}

  @GET
  @Operation(summary = "The platform's time: instant, zone, the prison's day and month")
  public ClockView now() {
    return describe(time.now());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Test platforms only (start-dev --test-clock): pin the clock at {instant}, ISO-8601 with"
              + " an offset")
  public ClockView pin(@NotNull(message = "clock.error.instant") @Valid ClockPin body) {
    return describe(administration.pin(instantOf(body)));
  }

  @POST
  @Path("/history")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "A demo prison's first start only (start-dev): replay an instant of its past while its"
              + " history is written; forward only, never past the real clock (ADR 0010)")
  public ClockView replayHistory(@NotNull(message = "clock.error.instant") @Valid ClockPin body) {
    return describe(administration.replayHistory(instantOf(body)));
  }

  @POST
  @Path("/history/end")
  @Operation(summary = "End the demo's replay: the platform reads its real (or test) clock again")
  public ClockView endHistory() {
    return describe(administration.endHistory());
  }

  private ClockView describe(Instant now) {
    return new ClockView(
        now.toString(),
        time.zone().getId(),
        time.dayOf(now).toString(),
        time.monthOf(now).toString(),
        time.format(now),
        platformClock.isPinned(),
        platformClock.isDemo(),
        platformClock.demoOffsetDays());
  }

  /** The instant a request names, or the refusal that says how to write one. */
  private static Instant instantOf(ClockPin body) {
    try {
      return PlatformClock.parseInstant(body.instant());
    } catch (DateTimeException e) {
      throw Refusal.invalid("clock.error.instant");
    }
  }
}
