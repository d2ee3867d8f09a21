package cn.xinsheng.web.api;

import static cn.xinsheng.web.api.RequestValues.date;

import cn.xinsheng.cases.application.CaseCalendarService;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The case calendar over HTTP: holidays and weekend days worked in exchange, and the demonstration
 * clock of start-dev. Shares the root {@code /} (see {@link ProposalResource}).
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class CaseCalendarResource {

  @Inject CaseCalendarService caseCalendar;

  /** A holiday, or a weekend day worked in exchange. */
  @JsonbPropertyOrder({"day", "working", "name"})
  public record CalendarDayRequest(
      @Size(max = 10, message = "case.error.date") @OneLine String day,
      Boolean working,
      @Size(max = 100, message = "case.error.dayName") @OneLine String name) {}

  /** Demonstration only: days to move the case calendar on. */
  public record DemoClockRequest(Integer days) {}

  /** The demonstration calendar's day. */
  public record DemoToday(String today) {}

  @POST
  @Path("/calendar/days")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "A holiday or a worked weekend day: {day, working, name}")
  @APIResponse(responseCode = "201", description = "Recorded; no body")
  @StatusCode(201)
  public void calendarDay(@NotNull(message = "case.error.day") @Valid CalendarDayRequest body) {
    caseCalendar.calendarDay(
        date(body.day(), "day"), Boolean.TRUE.equals(body.working()), body.name());
  }

  @POST
  @Path("/cases/demo-clock")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Demonstration only (start-dev): move the case calendar forward {days}")
  public DemoToday demoClock(@NotNull(message = "error.body.empty") @Valid DemoClockRequest body) {
    LocalDate today = caseCalendar.advanceDemoClock(body.days() == null ? 0 : body.days());
    return new DemoToday(today.toString());
  }
}
