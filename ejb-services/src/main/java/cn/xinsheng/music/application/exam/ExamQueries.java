package cn.xinsheng.music.application.exam;

import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.lms.application.TaughtLearners;
import cn.xinsheng.music.domain.exam.ExamCandidates;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.platform.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reading CNOS exams (issue 19): the examiner's queue and candidates (the board's all), the
 * inmate's own published results, the published results of those a teacher or an external reader
 * may see, and the statistics.
 */
@Stateless
@RolesAllowed(Role.EDU_ADMIN_NAME)
public class ExamQueries {

  @Inject ExamCandidates examCandidates;
  @Inject CallerScope scope;
  @Inject Caller caller;
  @Inject TaughtLearners taught;
  @Inject jakarta.enterprise.inject.Instance<cn.xinsheng.cases.application.CaseLists> cases;
  @Inject ExamReadModel model;

  public record CandidateView(
      long id,
      long sessionId,
      LocalDate date,
      String room,
      String instrument,
      String instrumentName,
      int level,
      String levelName,
      String prisonerNumber,
      String inmateName,
      String basis,
      boolean performanceRecorded,
      String performanceSha256,
      Long performanceTake,
      List<String> panel,
      int marksIn,
      boolean markedByMe,
      boolean thirdNeeded,
      boolean complete,
      String grade,
      String gradeName,
      String total,
      String certificateCode) {}

  public record StatLine(
      int year, String instrument, String instrumentName, int level, int candidates, int passes) {}

  /** The examiner's queue: the candidates he sits on the panel of. */
  @RolesAllowed({Role.EXAMINER_NAME, Role.EDU_ADMIN_NAME})
  public List<CandidateView> candidates(long sessionId) {
    return model.views(
        caller.has(Role.EDU_ADMIN)
            ? examCandidates.inSession(sessionId)
            : examCandidates.inSessionOnPanelOf(sessionId, caller.name()));
  }

  /** The examiner's own candidates (all, for the board), newest session first. */
  @RolesAllowed({Role.EXAMINER_NAME, Role.EDU_ADMIN_NAME})
  public List<CandidateView> myCandidates() {
    return model.views(
        caller.has(Role.EDU_ADMIN)
            ? examCandidates.all()
            : examCandidates.onPanelOf(caller.name()));
  }

  @RolesAllowed({Role.EXAMINER_NAME, Role.EDU_ADMIN_NAME})
  public CandidateView candidateView(long candidateId) {
    return model.view(model.readableCandidate(candidateId));
  }

  /** The inmate's own published results. */
  @RolesAllowed(Role.INMATE_NAME)
  public List<CandidateView> myResults() {
    long me = scope.ownInmate().getId();
    return published(Set.of(me));
  }

  /**
   * Published results of the inmates the reader may see: a teacher his cohorts' learners; an
   * external reader (prosecutor, judge, supervisor, lawyer) the inmates whose case file he may
   * read; the board everyone.
   */
  @RolesAllowed({
    Role.TEACHER_NAME,
    Role.EDU_ADMIN_NAME,
    Role.PROSECUTOR_NAME,
    Role.JUDGE_NAME,
    Role.SUPERVISOR_NAME,
    Role.LAWYER_NAME,
    Role.HIGH_JUDGE_NAME
  })
  public List<CandidateView> results() {
    if (caller.has(Role.EDU_ADMIN)) {
      return published(null);
    }
    Set<Long> who = new HashSet<>();
    if (caller.has(Role.TEACHER)) {
      who.addAll(taught.inmateIdsTaughtBy(caller.name()));
    }
    if (caller.roles().stream().anyMatch(Role::isExternal)) {
      // the case context decides whose file an external reader may open; his results follow it
      for (cn.xinsheng.cases.application.CaseSummary s : cases.get().list()) {
        scope.inmate(s.prisonerNumber()).ifPresent(i -> who.add(i.getId()));
      }
    }
    return published(who);
  }

  /** The published results of these inmates; null: of everyone. */
  private List<CandidateView> published(Set<Long> inmates) {
    return model.views(
        inmates == null ? examCandidates.published() : examCandidates.publishedOf(inmates));
  }

  /** Candidates and passes by year, instrument and level (published results). */
  public List<StatLine> statistics() {
    return examCandidates.tallies().stream()
        .map(
            t ->
                new StatLine(
                    t.year(),
                    t.instrumentCode(),
                    t.instrumentZh(),
                    t.level(),
                    t.candidates(),
                    t.passes()))
        .toList();
  }

  /** The statistics as a spreadsheet (the platform's XLSX library, as the gradebook uses). */
  public void statisticsXlsx(java.io.OutputStream out) throws IOException {
    List<StatLine> lines = statistics();
    org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "Xinsheng", "1.0");
    org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("民乐考级统计 Exam statistics");
    String[] head = {
      "年度 Year", "乐器 Instrument", "级别 Level", "考生 Candidates", "通过 Passes", "通过率 Pass rate %"
    };
    for (int c = 0; c < head.length; c++) {
      ws.value(0, c, head[c]);
      ws.style(0, c).bold().set();
    }
    int r = 1;
    for (StatLine l : lines) {
      ws.value(r, 0, l.year());
      ws.value(r, 1, l.instrumentName());
      ws.value(r, 2, l.level());
      ws.value(r, 3, l.candidates());
      ws.value(r, 4, l.passes());
      ws.value(
          r, 5, l.candidates() == 0 ? 0 : Math.round(1000.0 * l.passes() / l.candidates()) / 10.0);
      r++;
    }
    wb.finish();
  }

  /** Counts for the examiner's home: candidates waiting for his marks, and his sessions. */
  @RolesAllowed({Role.EXAMINER_NAME, Role.EDU_ADMIN_NAME})
  public Map<String, Integer> queueCounts() {
    List<CandidateView> mine = myCandidates();
    Map<String, Integer> out = new LinkedHashMap<>();
    out.put("sessions", (int) mine.stream().mapToLong(CandidateView::sessionId).distinct().count());
    out.put(
        "toMark",
        (int)
            mine.stream()
                .filter(
                    v -> v.grade() == null && v.panel().contains(caller.name()) && !v.markedByMe())
                .count());
    out.put(
        "toPublish",
        caller.has(Role.EDU_ADMIN)
            ? (int) mine.stream().filter(v -> v.grade() == null && v.complete()).count()
            : 0);
    return out;
  }
}
