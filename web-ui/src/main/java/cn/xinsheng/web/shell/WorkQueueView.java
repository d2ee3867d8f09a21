package cn.xinsheng.web.shell;

import cn.xinsheng.cases.application.CaseLists;
import cn.xinsheng.cases.application.CaseSummary;
import cn.xinsheng.ledger.application.SectionLedgerQueries;
import cn.xinsheng.lms.application.AssignmentService;
import cn.xinsheng.lms.application.QuizMarking;
import cn.xinsheng.organisation.application.OrganisationQueries;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A role's home page as its work queue (issue 18): what waits for this person, counted, each with
 * the way to it. Read from the same application queries the work screens use, so a count and its
 * screen agree.
 */
@Named
@RequestScoped
public class WorkQueueView {

  /** One line of the queue: what (a bundle key), how many, and the page that holds them. */
  public record Item(String id, String label, long count, String outcome) {}

  @Inject CurrentUser currentUser;
  @Inject CaseLists caseLists;
  @Inject SectionLedgerQueries ledger;
  @Inject OrganisationQueries organisation;
  @Inject AssignmentService assignments;
  @Inject QuizMarking quizzes;
  @Inject PrisonTime time;
  @Inject cn.xinsheng.readiness.application.ReleasePlanService plans;
  @Inject cn.xinsheng.music.application.exam.ExamQueries queries;

  private static final List<String> ROLES =
      List.of(
          "OFFICER",
          "REVIEWER",
          "COMMITTEE",
          "WARDEN",
          "EXECUTION",
          "JUDGE",
          "PROSECUTOR",
          "SUPERVISOR",
          "LAWYER",
          "TEACHER",
          // issue 19: the examiner's and the exam board's counts
          "EXAMINER",
          "EDU_ADMIN",
          // issue 16's roles for life and 死缓 cases: each signs its own step
          "BUREAU",
          "HIGH_JUDGE");

  private List<Item> items;

  public List<Item> getItems() {
    if (items == null) {
      items = build();
    }
    return items;
  }

  private List<Item> build() {
    List<Item> out = new ArrayList<>();
    // the role by its name: the web reaches the identity domain only through CurrentUser
    String role = ROLES.stream().filter(currentUser::hasRole).findFirst().orElse("");
    switch (role) {
      case "OFFICER" -> {
        long returned = 0;
        long objections = 0;
        long toClose = 0;
        for (long section : organisation.mySectionIds()) {
          SectionLedgerQueries.Dashboard d =
              ledger.dashboard(section, time.thisMonth().minusMonths(1));
          SectionLedgerQueries.Dashboard now = ledger.dashboard(section, time.thisMonth());
          returned += now.returned();
          objections += now.openObjections();
          if (!"LOCKED".equals(d.closeState())) {
            toClose++;
          }
        }
        out.add(new Item("returned", "queue.officer.returned", returned, "/ledger/section"));
        out.add(
            new Item("objections", "queue.officer.objections", objections, "/ledger/objections"));
        out.add(new Item("toClose", "queue.officer.toClose", toClose, "/ledger/section"));
        out.add(cases("proposals", "queue.officer.cases", c -> "PROPOSAL".equals(c.nextStep())));
        // issue 20: release plan items late for the release date
        out.add(
            new Item("planLate", "queue.officer.planLate", plans.lateItems(), "/readiness/plans"));
      }
      case "REVIEWER" -> {
        long pending = 0;
        long objections = 0;
        for (long section : organisation.mySectionIds()) {
          SectionLedgerQueries.Dashboard now = ledger.dashboard(section, time.thisMonth());
          pending += now.pending();
          objections += now.openObjections();
        }
        out.add(new Item("pending", "queue.reviewer.pending", pending, "/ledger/section"));
        out.add(
            new Item("objections", "queue.reviewer.objections", objections, "/ledger/objections"));
        out.add(
            cases("wardMeeting", "queue.reviewer.cases", c -> "REVIEWER".equals(c.nextOwner())));
      }
      case "COMMITTEE" ->
          out.add(
              withOutcome(
                  cases("vote", "queue.committee.vote", c -> "COMMITTEE".equals(c.nextStep())),
                  "/cases/committee"));
      case "WARDEN" ->
          out.add(cases("director", "queue.warden.director", c -> "WARDEN".equals(c.nextOwner())));
      case "EXECUTION" -> {
        LocalDate soon = time.today().plusDays(7);
        out.add(cases("mine", "queue.execution.mine", c -> "EXECUTION".equals(c.nextOwner())));
        out.add(cases("overdue", "queue.execution.overdue", CaseSummary::overdue));
        out.add(
            cases(
                "postings",
                "queue.execution.postings",
                c ->
                    c.postingEnds() != null
                        && !c.postingEnds().isBefore(time.today())
                        && !c.postingEnds().isAfter(soon)));
      }
      case "JUDGE" ->
          out.add(cases("sign", "queue.judge.sign", c -> "JUDGE".equals(c.nextOwner())));
      case "PROSECUTOR" -> {
        out.add(cases("remit", "queue.external.remit", c -> c.nextStep() != null));
        out.add(
            cases(
                "opinion",
                "queue.prosecutor.opinion",
                c -> c.procuratorateDue() != null && c.nextStep() != null));
      }
      case "SUPERVISOR", "LAWYER" ->
          out.add(cases("remit", "queue.external.remit", c -> c.nextStep() != null));
      case "TEACHER" ->
          out.add(
              new Item(
                  "grade",
                  "queue.teacher.grade",
                  assignments.toGrade().size() + quizzes.essaysToGrade().size(),
                  "/teaching/grading"));
      case "EXAMINER" -> {
        java.util.Map<String, Integer> counts = queries.queueCounts();
        out.add(
            new Item(
                "toMark",
                "queue.examiner.toMark",
                counts.getOrDefault("toMark", 0),
                "/music/exams"));
        out.add(
            new Item(
                "sessions",
                "queue.examiner.sessions",
                counts.getOrDefault("sessions", 0),
                "/music/exams"));
      }
      case "EDU_ADMIN" ->
          out.add(
              new Item(
                  "toPublish",
                  "queue.eduadmin.toPublish",
                  queries.queueCounts().getOrDefault("toPublish", 0),
                  "/music/exams"));
      case "BUREAU" ->
          out.add(cases("review", "queue.bureau.review", c -> "BUREAU".equals(c.nextOwner())));
      case "HIGH_JUDGE" ->
          out.add(cases("sign", "queue.judge.sign", c -> "HIGH_JUDGE".equals(c.nextOwner())));
      default -> {
        // the administrators' homes carry their own counts; the inmate has the terminal
      }
    }
    return out;
  }

  private List<CaseSummary> all;

  private Item cases(String id, String label, Predicate<CaseSummary> which) {
    if (all == null) {
      all = caseLists.list();
    }
    return new Item(id, label, all.stream().filter(which).count(), "/cases/list");
  }

  private static Item withOutcome(Item item, String outcome) {
    return new Item(item.id(), item.label(), item.count(), outcome);
  }
}
