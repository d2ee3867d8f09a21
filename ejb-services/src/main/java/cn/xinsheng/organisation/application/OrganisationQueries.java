package cn.xinsheng.organisation.application;

import cn.xinsheng.identity.domain.Account;
import cn.xinsheng.identity.domain.AccountRepository;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.organisation.domain.InmateRepository;
import cn.xinsheng.organisation.domain.PrisonerNumber;
import cn.xinsheng.organisation.domain.Section;
import cn.xinsheng.organisation.domain.SectionRepository;
import cn.xinsheng.organisation.domain.UnknownInmateException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads of the organisation and its inmates. An officer or reviewer sees only the inmates of the
 * sections he is assigned to; an inmate sees only himself. The rule is enforced here so that every
 * view and endpoint gets it without repeating it.
 */
@Stateless
public class OrganisationQueries {

  @Inject InmateRepository inmates;
  @Inject SectionRepository sections;
  @Inject AccountRepository accounts;
  @Resource SessionContext context;

  /** The inmates of the caller's sections. */
  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME})
  public List<Inmate> inmatesOfMySections() {
    return inmates.findBySections(caller().getSectionIds());
  }

  /** One inmate, if he is in the caller's sections; otherwise as if he did not exist. */
  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME})
  public Inmate inmateInMySections(String prisonerNumber) {
    PrisonerNumber number;
    try {
      number = new PrisonerNumber(prisonerNumber);
    } catch (IllegalArgumentException e) {
      throw new UnknownInmateException(String.valueOf(prisonerNumber));
    }
    Set<Long> mine = caller().getSectionIds();
    return inmates
        .findByPrisonerNumber(number)
        .filter(i -> mine.contains(i.getSection().getId()))
        .orElseThrow(() -> new UnknownInmateException(prisonerNumber));
  }

  /** {@link #inmatesOfMySections()} as officers see them. */
  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME})
  public List<InmateView> inmateViewsOfMySections() {
    return inmatesOfMySections().stream().map(InmateView::of).toList();
  }

  /**
   * {@link #inmateInMySections(String)} as officers see him; any other is refused as if he did not
   * exist ({@code error.unknownInmate}).
   */
  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME})
  public InmateView inmateViewInMySections(String prisonerNumber) {
    try {
      return InmateView.of(inmateInMySections(prisonerNumber));
    } catch (UnknownInmateException e) {
      throw cn.xinsheng.platform.Refusal.notFound("error.unknownInmate");
    }
  }

  /** The sections the caller is assigned to. */
  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME})
  public List<Section> mySections() {
    Set<Long> mine = caller().getSectionIds();
    return sections.findAll().stream().filter(s -> mine.contains(s.getId())).toList();
  }

  /**
   * Inmates by id, for education staff who see results of learners their cohorts hold (issue 20:
   * simulation results); the caller passes ids his own context scoped.
   */
  @RolesAllowed({Role.TEACHER_NAME, Role.EDU_ADMIN_NAME})
  public List<Inmate> inmatesByIds(java.util.Collection<Long> ids) {
    return inmates.findByIds(ids);
  }

  /**
   * Inmates whose number or name contains what was typed, for the education office's class-member
   * picker (issue 18, item 4): at most 20, by number; nothing for an empty or overlong text.
   */
  @RolesAllowed(Role.EDU_ADMIN_NAME)
  public List<Inmate> inmatesMatching(String typed) {
    String q = typed == null ? "" : typed.strip();
    if (q.isEmpty() || q.length() > 40) {
      return List.of();
    }
    return inmates.findByNumberOrNameContaining(q, 20);
  }

  /**
   * The inmates the caller may choose on a screen, whose number or name contains what was typed
   * (issue 18, item 5: inmates by name or number wherever one is chosen), at most 20, by number;
   * nothing for an empty or overlong text. An officer or reviewer is offered his sections' inmates
   * only, as every ledger, excusal and risk read scopes him; the external readers, the prison's
   * leadership and the administrator, whose screens already take any inmate's number (an inmate's
   * ledger, the audit export), the prison's.
   */
  @RolesAllowed({
    Role.OFFICER_NAME,
    Role.REVIEWER_NAME,
    Role.PROSECUTOR_NAME,
    Role.JUDGE_NAME,
    Role.SUPERVISOR_NAME,
    Role.WARDEN_NAME,
    Role.COMMITTEE_NAME,
    Role.HIGH_JUDGE_NAME,
    Role.SYS_ADMIN_NAME
  })
  public List<InmateDirectory.Named> inmatesToChoose(String typed) {
    return inmatesToChoose(typed, null);
  }

  /**
   * As {@link #inmatesToChoose(String)}, within one section when a screen works on one (the section
   * must be the caller's, or nobody is offered).
   */
  @RolesAllowed({
    Role.OFFICER_NAME,
    Role.REVIEWER_NAME,
    Role.PROSECUTOR_NAME,
    Role.JUDGE_NAME,
    Role.SUPERVISOR_NAME,
    Role.WARDEN_NAME,
    Role.COMMITTEE_NAME,
    Role.HIGH_JUDGE_NAME,
    Role.SYS_ADMIN_NAME
  })
  public List<InmateDirectory.Named> inmatesToChoose(String typed, Long sectionId) {
    String q = typed == null ? "" : typed.strip();
    if (q.isEmpty() || q.length() > 40) {
      return List.of();
    }
    List<Inmate> found;
    if (context.isCallerInRole(Role.OFFICER_NAME) || context.isCallerInRole(Role.REVIEWER_NAME)) {
      String lower = q.toLowerCase(java.util.Locale.ROOT);
      found =
          inmatesOfMySections().stream()
              .filter(i -> sectionId == null || sectionId.equals(i.getSection().getId()))
              .filter(
                  i ->
                      i.getPrisonerNumber()
                              .value()
                              .toLowerCase(java.util.Locale.ROOT)
                              .contains(lower)
                          || i.getName().toLowerCase(java.util.Locale.ROOT).contains(lower))
              .sorted(java.util.Comparator.comparing(i -> i.getPrisonerNumber().value()))
              .limit(20)
              .toList();
    } else {
      found =
          inmates.findByNumberOrNameContaining(q, 20).stream()
              .filter(i -> sectionId == null || sectionId.equals(i.getSection().getId()))
              .toList();
    }
    return found.stream()
        .map(
            i ->
                new InmateDirectory.Named(
                    i.getId(), i.getPrisonerNumber().value(), i.getName(), i.getSection().getId()))
        .toList();
  }

  /** The ids of the sections the caller is assigned to (issue 18: a home page's counts). */
  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME})
  public List<Long> mySectionIds() {
    return mySections().stream().map(Section::getId).toList();
  }

  /** The inmate's own record. */
  @RolesAllowed(Role.INMATE_NAME)
  public Optional<Inmate> myOwnRecord() {
    return inmates.findByAccount(caller().getId());
  }

  /** Every section with its head count: for the prison's leadership and administrators. */
  @RolesAllowed({
    Role.COMMITTEE_NAME,
    Role.WARDEN_NAME,
    Role.SYS_ADMIN_NAME,
    Role.EDU_ADMIN_NAME,
    Role.OFFICER_NAME,
    Role.REVIEWER_NAME,
    Role.EXECUTION_NAME
  })
  public List<SectionOverview> sectionOverview() {
    Map<Long, Long> counts = inmates.countBySection();
    return sections.findAll().stream()
        .map(
            s ->
                new SectionOverview(
                    s.getId(),
                    s.getWard().getName(),
                    s.getName(),
                    counts.getOrDefault(s.getId(), 0L)))
        .toList();
  }

  /** All sections, for administrators assigning officers. */
  @RolesAllowed(Role.SYS_ADMIN_NAME)
  public List<Section> allSections() {
    return sections.findAll();
  }

  private Account caller() {
    String name = context.getCallerPrincipal().getName();
    return accounts.findByUsername(name).orElseThrow(() -> new EJBAccessException("no account"));
  }
}
