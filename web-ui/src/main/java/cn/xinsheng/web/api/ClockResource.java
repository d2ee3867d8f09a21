package cn.xinsheng.web.api;

import cn.xinsheng.platform.ClockAdministration;
import cn.xinsheng.platform.PlatformClock;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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

  @GET
  @Operation(summary = "The platform's time: instant, zone, the prison's day and month")
  public String now() {
    return describe(time.now());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Test platforms only (start-dev --test-clock): pin the clock at {instant}, ISO-8601 with"
              + " an offset")
  public String pin(JsonObject body) {
    JsonValue value = body == null ? null : body.get("instant");
    if (!(value instanceof JsonString text)) {
      throw Refusal.invalid("clock.error.instant");
    }
    Instant instant;
    try {
      instant = PlatformClock.parseInstant(text.getString());
    } catch (DateTimeException e) {
      throw Refusal.invalid("clock.error.instant");
    }
    return describe(administration.pin(instant));
  }

  private String describe(Instant now) {
    return Json.createObjectBuilder()
        .add("instant", now.toString())
        .add("zone", time.zone().getId())
        .add("today", time.dayOf(now).toString())
        .add("month", time.monthOf(now).toString())
        .add("prisonTime", time.format(now))
        .add("pinned", platformClock.isPinned())
        .add("demo", platformClock.isDemo())
        .add("demoOffsetDays", platformClock.demoOffsetDays())
        .build()
        .toString();
  }
}
