package cn.xinsheng.ledger.application;

import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.domain.AssessmentPart;
import cn.xinsheng.ledger.domain.AssessmentRules;
import cn.xinsheng.ledger.domain.CycleProgress;
import cn.xinsheng.ledger.domain.LabourExcusal;
import cn.xinsheng.ledger.domain.MonthBasis;
import cn.xinsheng.ledger.domain.MonthClose;
import cn.xinsheng.ledger.domain.MonthCloses;
import cn.xinsheng.ledger.domain.MonthResult;
import cn.xinsheng.ledger.domain.MonthScore;
import cn.xinsheng.ledger.domain.MonthlyAssessment;
import cn.xinsheng.ledger.domain.Points;
import cn.xinsheng.ledger.domain.ScoredItem;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.organisation.domain.InmateRepository;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * Computing a section's monthly assessment (月度考核): every inmate's month from the approved entries
 * (a batch job with progress), his balance and his 600-point cycle carried on from the last locked
 * month. Refused for a future month, once the month is published, and while entries of the month
 * wait for review. The close's next steps are {@link MonthCloseSteps}.
 */
@Stateless
public class MonthComputation {

  @Inject LedgerRecords records;
  @Inject MonthCloses closes;
  @Inject LedgerSettings settings;
  @Inject LedgerAudit audit;
  @Inject CallerScope scope;
  @Inject Caller caller;
  @Inject JobProgress progress;
  @Inject InmateRepository inmates;
  @Inject PrisonTime time;

  public static String jobKey(long sectionId, YearMonth month) {
    return "close:" + sectionId + ":" + month;
  }

  /** The close as a job: the page polls {@link JobProgress} under {@link #jobKey}. */
  @Asynchronous
  @RolesAllowed(Role.OFFICER_NAME)
  public Future<Long> computeInBackground(long sectionId, YearMonth month) {
    String job = jobKey(sectionId, month);
    try {
      long id = compute(sectionId, month);
      return new AsyncResult<>(id);
    } catch (Refusal r) {
      progress.fail(job, r.messageKey());
      throw r;
    }
  }

  /** Computes the section's month; returns the close. Refused once the month is published. */
  @RolesAllowed(Role.OFFICER_NAME)
  public long compute(long sectionId, YearMonth month) {
    scope.requireSection(sectionId);
    String job = jobKey(sectionId, month);
    if (records.ledgerCalendar().isFutureMonth(month)) {
      throw Refusal.invalid("ledger.error.futureMonth", month.toString());
    }
    if (records.isClosedForEntries(sectionId, month)) {
      throw Refusal.conflict("ledger.error.closeLocked", month.toString());
    }
    long open = closes.openEntries(sectionId, month);
    if (open > 0) {
      throw Refusal.conflict("ledger.error.closePending", open);
    }
    AssessmentRules rules = settings.rules();
    List<Inmate> people = inmates.findBySections(List.of(sectionId));
    progress.start(job, people.size());

    List<Long> ids = people.stream().map(Inmate::getId).toList();
    Map<Long, List<ScoredItem>> items = closes.approvedItems(sectionId, month);
    Map<Long, MonthCloses.LockedBalance> previous = closes.lockedBalances(ids, month);
    Map<Long, Long> specialThisYear = closes.specialCountedThisYear(ids, month);
    // issue 16: approved excusals from labour (the 50/50 split)
    Map<Long, List<LabourExcusal>> excused = closes.approvedExcusals(sectionId);

    Instant now = time.now();
    MonthClose close =
        new MonthClose(sectionId, month.toString(), rules.split().toString(), caller.name(), now);
    closes.store(close);
    int done = 0;
    for (Inmate inmate : people) {
      List<ScoredItem> mine = items.getOrDefault(inmate.getId(), List.of());
      MonthScore score =
          MonthlyAssessment.compute(
              mine,
              rules,
              new Points(specialThisYear.getOrDefault(inmate.getId(), 0L)),
              MonthBasis.of(
                  mine,
                  inmate.getAdmissionDate(),
                  month,
                  LabourExcusal.excused(excused.getOrDefault(inmate.getId(), List.of()), month)));
      MonthCloses.LockedBalance prev =
          previous.getOrDefault(inmate.getId(), new MonthCloses.LockedBalance(0, 0));
      Points total = score.total();
      CycleProgress cycle =
          CycleProgress.advance(new Points(prev.cycleCarryTenths()), total, rules.cyclePoints());
      long balance = prev.balanceTenths() + total.tenths();
      MonthResult result =
          new MonthResult(
              close.getId(),
              inmate.getId(),
              tenths(score.part(AssessmentPart.SUPERVISION)),
              tenths(score.part(AssessmentPart.EDUCATION)),
              tenths(score.part(AssessmentPart.LABOUR)),
              tenths(score.specialCounted()),
              tenths(score.sanctions().plus(score.corrections())),
              tenths(score.discarded()),
              tenths(total),
              balance,
              cycle.carry().tenths(),
              cycle.cyclesClosed(),
              score.entries());
      closes.store(result);
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("inmate", inmate.getPrisonerNumber().value());
      p.put("month", month.toString());
      p.put("close", close.getId());
      p.put("split", rules.split().toString());
      p.put("supervision", score.part(AssessmentPart.SUPERVISION).toString());
      p.put("education", score.part(AssessmentPart.EDUCATION).toString());
      p.put("labour", score.part(AssessmentPart.LABOUR).toString());
      p.put("special", score.specialCounted().toString());
      p.put("sanctions", score.sanctions().toString());
      p.put("corrections", score.corrections().toString());
      p.put("discarded", score.discarded().toString());
      p.put("total", total.toString());
      p.put("balance", new Points(balance).toString());
      p.put("cycleCarry", cycle.carry().toString());
      p.put("entries", score.entries());
      audit.append(
          "ledger.month.result", "month-result/" + close.getId() + "/" + inmate.getId(), p);
      if (++done % 100 == 0) {
        progress.advance(job, done);
      }
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("section", sectionId);
    p.put("month", month.toString());
    p.put("close", close.getId());
    p.put("inmates", people.size());
    audit.append("ledger.month.computed", "month-close/" + close.getId(), p);
    progress.finish(job, close.getId());
    return close.getId();
  }

  private static int tenths(Points p) {
    return Math.toIntExact(p.tenths());
  }
}
