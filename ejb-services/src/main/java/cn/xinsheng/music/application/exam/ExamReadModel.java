package cn.xinsheng.music.application.exam;

import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.music.domain.exam.ExamCandidates;
import cn.xinsheng.music.domain.exam.ExamGrade;
import cn.xinsheng.music.domain.exam.ExamPanels;
import cn.xinsheng.music.domain.exam.ExamRefusal;
import cn.xinsheng.music.domain.exam.ExamRules;
import cn.xinsheng.music.domain.exam.MarkSheet;
import cn.xinsheng.organisation.application.InmateDirectory;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.Refusal;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the exam services share: a candidate as music's tables and organisation's directory hold
 * him, who may read him (the board every candidate, an examiner those on whose panel he sits), his
 * line as the screens show it and his mark sheet. Runs in the calling service's transaction; that
 * service is the security boundary. Dependent (no proxy), so its methods stay package-private.
 */
@Dependent
public class ExamReadModel {

  @Inject ExamCandidates examCandidates;
  @Inject ExamPanels panels;
  @Inject ExamSettings settings;
  @Inject Caller caller;
  @Inject InmateDirectory inmates;

  /** One candidate as the tables hold him, with his number, name and section from organisation. */
  record Candidate(
      long id,
      long sessionId,
      LocalDate date,
      String room,
      String instrument,
      String instrumentName,
      int level,
      String levelName,
      long inmateId,
      long sectionId,
      String prisonerNumber,
      String inmateName,
      String basis,
      String performanceSha,
      Long performanceTake,
      boolean published,
      ExamGrade grade,
      java.math.BigDecimal total,
      String certificateCode) {}

  /** The rows with each candidate's number, name and section. */
  List<Candidate> named(List<ExamCandidates.Candidate> rows) {
    // the candidates' names and sections from organisation's directory, one call for the list
    Map<Long, InmateDirectory.Named> named =
        inmates.inmates(rows.stream().map(ExamCandidates.Candidate::inmateId).toList());
    List<Candidate> out = new ArrayList<>();
    for (ExamCandidates.Candidate r : rows) {
      InmateDirectory.Named inmate = named.get(r.inmateId());
      out.add(
          new Candidate(
              r.id(),
              r.sessionId(),
              r.date(),
              r.room(),
              r.instrumentCode(),
              r.instrumentZh(),
              r.level(),
              r.levelZh(),
              r.inmateId(),
              inmate.sectionId(),
              inmate.prisonerNumber(),
              inmate.name(),
              r.basis().name(),
              r.performanceSha256(),
              r.performanceTake(),
              r.published(),
              r.grade(),
              r.total(),
              r.certificateCode()));
    }
    return out;
  }

  Candidate candidate(long id) {
    return named(examCandidates.find(id).stream().toList()).stream()
        .findFirst()
        .orElseThrow(() -> Refusal.notFound("music.exam.error.unknownCandidate"));
  }

  /** The board reads every candidate; an examiner only those he sits on the panel of. */
  Candidate readableCandidate(long id) {
    Candidate c = candidate(id);
    if (!caller.has(Role.EDU_ADMIN) && !sheet(id).panel().contains(caller.name())) {
      throw Refusal.notFound("music.exam.error.unknownCandidate");
    }
    return c;
  }

  List<ExamQueries.CandidateView> views(List<ExamCandidates.Candidate> rows) {
    return named(rows).stream().map(this::view).toList();
  }

  /**
   * A candidate's line: his panel, how many marks are in (and whether the caller's), his result.
   */
  ExamQueries.CandidateView view(Candidate c) {
    MarkSheet sheet = sheet(c.id);
    ExamRules rules = settings.rules();
    List<String> panel = sheet.panel();
    ExamGrade grade = c.grade;
    return new ExamQueries.CandidateView(
        c.id,
        c.sessionId,
        c.date,
        c.room,
        c.instrument,
        c.instrumentName,
        c.level,
        c.levelName,
        c.prisonerNumber,
        c.inmateName,
        c.basis,
        c.performanceSha != null,
        c.performanceSha,
        c.performanceTake,
        panel,
        sheet.marks().size(),
        sheet.marks().containsKey(caller.name()),
        sheet.thirdNeeded(rules),
        sheet.complete(rules),
        grade == null ? null : grade.name(),
        grade == null ? null : grade.zh(),
        c.total == null ? null : fmt(c.total.doubleValue()),
        c.certificateCode);
  }

  MarkSheet sheet(long candidateId) {
    return panels.sheet(candidateId);
  }

  /** A total as the screens and the certificate write it: no ".0" on a whole number. */
  static String fmt(double total) {
    return total == Math.rint(total) ? Long.toString((long) total) : Double.toString(total);
  }

  /** A rule of {@code domain.exam} broken, as the platform's refusal of the same kind. */
  static Refusal refusal(ExamRefusal r) {
    return switch (r.kind()) {
      case INVALID -> Refusal.invalid(r.key());
      case CONFLICT -> Refusal.conflict(r.key());
      case FORBIDDEN -> Refusal.forbidden(r.key());
    };
  }
}
