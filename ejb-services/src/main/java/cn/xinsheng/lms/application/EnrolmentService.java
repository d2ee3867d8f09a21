package cn.xinsheng.lms.application;

import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.lms.domain.Cohorts;
import cn.xinsheng.lms.domain.CourseCatalogue;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The education office forms cohorts: a programme, its teacher, the inmates; each is enrolled in
 * every course of the programme (those already enrolled keep their enrolment and progress).
 */
@Stateless
public class EnrolmentService {

  public record Programme(
      long id,
      String code,
      String title,
      String kind,
      int requiredCredits,
      int passMark,
      int courses) {}

  public record Cohort(
      long id, String name, String programme, String teacher, LocalDate startsOn, int members) {}

  @Inject CourseCatalogue catalogue;
  @Inject Cohorts cohorts;
  @Inject cn.xinsheng.identity.application.AccountDirectory accounts;
  @Inject CallerScope scope;
  @Inject cn.xinsheng.organisation.application.OrganisationQueries organisation;
  @Inject Caller caller;
  @Inject PrisonTime time;
  @Inject AuditLog auditLog;

  @RolesAllowed({Role.EDU_ADMIN_NAME, Role.TEACHER_NAME})
  public List<Programme> programmes() {
    return catalogue.programmes().stream()
        .map(
            p ->
                new Programme(
                    p.id(),
                    p.code(),
                    p.title(),
                    p.kind(),
                    p.requiredCredits(),
                    p.passMark(),
                    p.courses()))
        .toList();
  }

  @RolesAllowed({Role.EDU_ADMIN_NAME, Role.TEACHER_NAME})
  public List<Cohort> cohorts() {
    return cohorts.all().stream()
        .map(
            h ->
                new Cohort(h.id(), h.name(), h.programme(), h.teacher(), h.startsOn(), h.members()))
        .toList();
  }

  /** An inmate a cohort may take in, as the picker shows him. */
  public record Learner(String prisonerNumber, String name, String section) {}

  /** The teachers a cohort may be given (issue 18, item 4: picked by name, not typed). */
  @RolesAllowed(Role.EDU_ADMIN_NAME)
  public List<cn.xinsheng.identity.application.AccountDirectory.Person> teachers() {
    return accounts.holders(Role.TEACHER);
  }

  /**
   * Inmates whose number or name contains what was typed, for the class-member picker (issue 18,
   * items 4 and 5): at most 20, by number.
   */
  @RolesAllowed(Role.EDU_ADMIN_NAME)
  public List<Learner> learners(String typed) {
    return organisation.inmatesMatching(typed).stream()
        .map(i -> new Learner(i.getPrisonerNumber().value(), i.getName(), i.getSection().getName()))
        .toList();
  }

  @RolesAllowed(Role.EDU_ADMIN_NAME)
  public long createCohort(
      String name, String programmeCode, String teacher, List<String> prisonerNumbers) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw Refusal.invalid("lms.error.cohortName");
    }
    long programme =
        catalogue
            .programmeId(programmeCode)
            .orElseThrow(() -> Refusal.notFound("lms.error.noProgramme"));
    boolean isTeacher = teacher != null && accounts.hasRoleOnRecord(teacher, Role.TEACHER);
    if (!isTeacher) {
      throw Refusal.invalid("lms.error.notTeacher", String.valueOf(teacher));
    }
    List<Inmate> inmates = new ArrayList<>();
    for (String n :
        new LinkedHashSet<>(prisonerNumbers == null ? List.<String>of() : prisonerNumbers)) {
      inmates.add(
          scope.inmate(n.strip()).orElseThrow(() -> Refusal.invalid("lms.error.unknownInmate", n)));
    }
    if (inmates.isEmpty()) {
      throw Refusal.invalid("lms.error.noMembers");
    }
    Instant now = time.now();
    long cohort =
        cohorts.insert(name.strip(), programme, teacher, time.today(), caller.name(), now);
    List<Long> courses = catalogue.courseIdsOfProgramme(programme);
    int enrolled = 0;
    for (Inmate i : inmates) {
      for (long c : courses) {
        enrolled += cohorts.enrol(i.getId(), c, cohort, caller.name(), now);
      }
    }
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("cohort", cohort);
    a.put("programme", programmeCode);
    a.put("teacher", teacher);
    a.put("inmates", inmates.stream().map(i -> i.getPrisonerNumber().value()).toList());
    a.put("enrolments", (long) enrolled);
    auditLog.record("lms.cohort.created", "cohort/" + cohort, a, List.of(), now);
    return cohort;
  }
}
