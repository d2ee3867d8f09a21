package cn.xinsheng.cases.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.ledger.domain.WorkingCalendar;
import cn.xinsheng.platform.AwkwardInstants;
import cn.xinsheng.platform.PrisonTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A case's deadlines when its steps are signed at the awkward instants (issue 12): the posting's 5
 * working days (司法部令第130号), the procuratorate's 10 days, the court's posting and ruling month
 * (法释〔2014〕5号), service in 7 days. A step's day is the prison's day of the moment it was signed
 * ({@link PrisonTime#today()}), so each deadline is the same whether it was signed at 00:00:01, at
 * noon or at 23:59:59, and an objection or opinion is on time to the last second of the last day.
 */
class CaseDeadlinesAtAwkwardInstantsTest {

  private static final WorkingCalendar CALENDAR =
      new WorkingCalendar(Map.of(LocalDate.of(2027, 1, 1), false));

  static Iterable<AwkwardInstants> awkward() {
    return AwkwardInstants.all();
  }

  private static LocalDate dayAt(Instant instant) {
    return PrisonTime.fixedAt(instant).today();
  }

  private static LocalDate dayAt(LocalDate day, String time) {
    return dayAt(day.atTime(LocalTime.parse(time)).atZone(PrisonTime.DEFAULT_ZONE).toInstant());
  }

  private static ReductionCase signedThrough(CaseStep last, Instant at) {
    List<CaseEvent> events = new ArrayList<>();
    long id = 0;
    for (CaseStep step : CaseStep.values()) {
      if (step == CaseStep.COMMITTEE) {
        for (int m = 1; m <= 9; m++) {
          events.add(event(++id, CaseEventType.VOTE, step, "AGREE", null, "committee" + m));
        }
      }
      events.add(
          event(
              ++id,
              CaseEventType.STEP,
              step,
              step == CaseStep.COMMITTEE ? "APPROVED" : null,
              dayAt(at),
              null));
      if (step == last) {
        break;
      }
    }
    return new ReductionCase(CaseKind.REDUCTION, 9, 5, false, events);
  }

  private static CaseEvent event(
      long id, CaseEventType type, CaseStep step, String choice, LocalDate on, String party) {
    return new CaseEvent(
        id,
        type,
        step,
        "someone",
        "ROLE",
        Instant.EPOCH,
        "note",
        choice,
        null,
        on,
        party,
        null,
        false);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("awkward")
  void thePostingEndsOnTheSameDayWhetherItBeganAtMidnightOrNoon(AwkwardInstants a) {
    ReductionCase awkward = signedThrough(CaseStep.POSTING, a.instant());
    ReductionCase noon = signedThrough(CaseStep.POSTING, a.noonSameDay());
    LocalDate ends = awkward.postingEnds(CALENDAR).orElseThrow();
    assertEquals(CALENDAR.addWorkingDays(a.prisonDay(), 5), ends);
    assertEquals(noon.postingEnds(CALENDAR), awkward.postingEnds(CALENDAR));
    assertEquals(noon.nextDeadline(CALENDAR), awkward.nextDeadline(CALENDAR));
    // an inmate's objection at the last second of the last day counts; a second later it does not
    awkward.checkPostingObjection(dayAt(ends, "23:59:59"), CALENDAR, "异议");
    assertThrows(
        CaseRuleException.class,
        () -> awkward.checkPostingObjection(dayAt(ends.plusDays(1), "00:00:01"), CALENDAR, "异议"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("awkward")
  void theProcuratorateIsLateOnlyFromTheDayAfterItsTenthDay(AwkwardInstants a) {
    ReductionCase awkward = signedThrough(CaseStep.SUBMISSION, a.instant());
    LocalDate due = awkward.procuratorateDue().orElseThrow();
    assertEquals(a.prisonDay().plusDays(ReductionCase.PROCURATORATE_DAYS), due);
    assertEquals(
        signedThrough(CaseStep.SUBMISSION, a.noonSameDay()).procuratorateDue(),
        awkward.procuratorateDue());
    assertFalse(awkward.checkOpinion(dayAt(due, "23:59:59"), "AGREE", null));
    assertTrue(awkward.checkOpinion(dayAt(due.plusDays(1), "00:00:01"), "AGREE", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("awkward")
  void theCourtsMonthAndTheServiceDaysCountFromThePrisonDay(AwkwardInstants a) {
    ReductionCase received = signedThrough(CaseStep.COURT_RECEIPT, a.instant());
    // 29 February + one month is 29 March; 31 December + one month is 31 January
    assertEquals(a.prisonDay().plusMonths(1), received.rulingDue().orElseThrow());
    assertEquals(
        signedThrough(CaseStep.COURT_RECEIPT, a.noonSameDay()).rulingDue(), received.rulingDue());
    ReductionCase ruled = signedThrough(CaseStep.RULING, a.instant());
    assertEquals(
        a.prisonDay().plusDays(ReductionCase.SERVICE_DAYS), ruled.serviceDue().orElseThrow());
  }
}
