package cn.xinsheng.readiness.application;

import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.cases.application.RulingHistory;
import cn.xinsheng.evidence.application.EvidenceCatalogue;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.organisation.application.OrganisationQueries;
import cn.xinsheng.organisation.application.SentenceRecords;
import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.readiness.domain.ItemStatus;
import cn.xinsheng.readiness.domain.ItemUpdate;
import cn.xinsheng.readiness.domain.PlanTemplate;
import cn.xinsheng.readiness.domain.ReadinessRefusal;
import cn.xinsheng.readiness.domain.ReleasePlan;
import cn.xinsheng.readiness.domain.ScenarioAttempts;
import cn.xinsheng.readiness.infrastructure.PlanStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The release plan (issue 20, deliverable 3): every inmate has one from admission, counted down to
 * the release date the sentence record holds now, so a ruling moves the countdown and every
 * deadline. Section officers and reviewers see the plans of their sections and append updates (a
 * new row each, never an edit, and an audit entry naming the evidence by its hash); the inmate sees
 * his own at the terminal.
 */
@Stateless
public class ReleasePlanService {

  @Inject PlanStore store;
  @Inject CallerScope scope;
  @Inject OrganisationQueries organisation;
  @Inject SentenceRecords sentences;
  @Inject RulingHistory rulings;
  @Inject EvidenceCatalogue evidence;
  @Inject cn.xinsheng.evidence.application.EvidenceService evidenceService;
  @Inject ScenarioAttempts attempts;
  @Inject Caller caller;
  @Inject PrisonTime time;
  @Inject AuditLog auditLog;

  /** One earlier update of an item, as the history shows it. */
  public record HistoryLine(
      String statusZh, String statusEn, String note, Long evidenceId, String by, Instant at) {}

  /** One item of the checklist on today's date. */
  public record ItemLine(
      String code,
      String pathway,
      String pathwayZh,
      String pathwayEn,
      String zh,
      String en,
      String ownerZh,
      String ownerEn,
      String basis,
      LocalDate deadline,
      String status,
      String statusZh,
      String statusEn,
      boolean late,
      boolean dueSoon,
      String note,
      Long evidenceId,
      List<HistoryLine> history) {}

  /** A ruling that moved the release date. */
  public record RulingLine(
      String kind, String caseNumber, LocalDate ruledOn, int months, LocalDate newEnd) {}

  /** The plan page. {@code release} is null for a life sentence not yet commuted. */
  public record PlanPage(
      String prisonerNumber,
      String name,
      String section,
      LocalDate admission,
      LocalDate release,
      Long daysToRelease,
      LocalDate releaseEducationFrom,
      boolean inReleaseEducation,
      boolean parole,
      int settled,
      int total,
      int late,
      List<ItemLine> items,
      List<ItemLine> alerts,
      List<RulingLine> rulings,
      int simulationAttempts,
      int simulationsPassed) {}

  /** One plan on the section's list. */
  public record PlanLine(
      String prisonerNumber,
      String name,
      String section,
      LocalDate release,
      Long daysToRelease,
      boolean inReleaseEducation,
      boolean parole,
      int settled,
      int total,
      int late,
      int dueSoon) {}

  /** The facts a plan is counted from. */
  public record Basis(LocalDate release, Optional<LocalDate> paroleRuling, boolean parole) {}

  /**
   * The release date and parole of an inmate the caller's service has already found readable (no
   * role of its own: it takes an inmate, not a number a request could name).
   */
  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME})
  public Basis basis(Inmate i) {
    Optional<LocalDate> paroleRuling =
        rulings.of(i.getId()).stream()
            .filter(r -> "PAROLE".equals(r.kind()))
            .map(RulingHistory.Ruling::ruledOn)
            .reduce((a, b) -> b);
    // a paroled person leaves on the ruling; otherwise at the end of the sentence as rulings left
    // it
    LocalDate release = paroleRuling.orElseGet(() -> sentences.currentSentenceEnd(i.getId()));
    return new Basis(
        release, paroleRuling, paroleRuling.isPresent() || rulings.paroleProposed(i.getId()));
  }

  /**
   * The domain plan for an inmate. A life sentence has no release date: its items are counted from
   * a date a century away, and the page shows no deadlines.
   */
  ReleasePlan planOf(Basis b, List<ItemUpdate> updates) {
    LocalDate release = b.release() == null ? time.today().plusYears(100) : b.release();
    return new ReleasePlan(release, b.paroleRuling(), PlanTemplate.standard(b.parole()), updates);
  }

  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME})
  public List<PlanLine> plans(Long sectionId, boolean lateOnly, String text) {
    List<Inmate> inmates = organisation.inmatesOfMySections();
    Map<Long, PlanStore.StoredPlan> plans =
        store.plans(inmates.stream().map(Inmate::getId).toList());
    Map<Long, List<PlanStore.StoredUpdate>> updates =
        store.updatesOf(plans.values().stream().map(PlanStore.StoredPlan::id).toList());
    String q = text == null ? "" : text.strip();
    LocalDate today = time.today();
    List<PlanLine> out = new ArrayList<>();
    for (Inmate i : inmates) {
      if (sectionId != null && !sectionId.equals(i.getSection().getId())) {
        continue;
      }
      if (!q.isEmpty() && !i.getNumber().contains(q) && !i.getName().contains(q)) {
        continue;
      }
      PlanStore.StoredPlan p = plans.get(i.getId());
      List<ItemUpdate> u =
          p == null
              ? List.of()
              : updates.getOrDefault(p.id(), List.of()).stream()
                  .map(PlanStore.StoredUpdate::update)
                  .toList();
      Basis b = basis(i);
      ReleasePlan.PlanView v = planOf(b, u).on(today);
      int late =
          b.release() == null
              ? 0
              : (int) v.items().stream().filter(ReleasePlan.ItemView::late).count();
      int soon =
          b.release() == null
              ? 0
              : (int) v.items().stream().filter(ReleasePlan.ItemView::dueSoon).count();
      if (lateOnly && late == 0) {
        continue;
      }
      out.add(
          new PlanLine(
              i.getNumber(),
              i.getName(),
              i.getSection().getFullName(),
              b.release(),
              b.release() == null ? null : v.daysToRelease(),
              b.release() != null && v.inReleaseEducation(),
              b.parole(),
              v.settled(),
              v.items().size(),
              late,
              soon));
    }
    // the nearest release first; life sentences last
    out.sort(
        Comparator.comparing(
                PlanLine::daysToRelease, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(PlanLine::prisonerNumber));
    return out;
  }

  /** A section the caller may filter the list by. */
  public record SectionOption(long id, String name) {}

  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME})
  public List<SectionOption> mySections() {
    return organisation.mySections().stream()
        .map(s -> new SectionOption(s.getId(), s.getFullName()))
        .toList();
  }

  /** A stored evidence file as the plan page cites it. */
  public record EvidenceRef(long id, String name) {}

  /**
   * Stores a file as evidence of the inmate's section through the evidence context (its type
   * checked by content, its size limited, its upload audited), for an update to rest on.
   */
  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME})
  public EvidenceRef uploadEvidence(
      String prisonerNumber, java.io.InputStream content, String name, String source, String what) {
    Inmate i = scope.inmateInMySections(prisonerNumber == null ? "" : prisonerNumber.strip());
    cn.xinsheng.evidence.domain.Evidence e =
        evidenceService.upload(content, name, source, what, i.getSection().getId());
    return new EvidenceRef(e.getId(), e.getOriginalName());
  }

  /** How many items are late in the caller's sections: the officer's alert. */
  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME})
  public long lateItems() {
    return plans(null, true, null).stream().mapToLong(PlanLine::late).sum();
  }

  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME})
  public PlanPage plan(String prisonerNumber) {
    return page(scope.inmateInMySections(prisonerNumber == null ? "" : prisonerNumber.strip()));
  }

  @RolesAllowed(Role.INMATE_NAME)
  public PlanPage mine() {
    return page(scope.ownInmate());
  }

  /** Appends an update to an item of the plan; answers the plan as it now stands. */
  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME})
  public PlanPage update(
      String prisonerNumber, String itemCode, String status, String note, Long evidenceId) {
    Inmate i = scope.inmateInMySections(prisonerNumber == null ? "" : prisonerNumber.strip());
    ItemStatus s;
    try {
      s = ItemStatus.valueOf(String.valueOf(status));
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("plan.error.status");
    }
    String sha = null;
    if (evidenceId != null) {
      EvidenceCatalogue.FileRef f = evidence.files(List.of(evidenceId)).get(evidenceId);
      // a file of another section is as if it did not exist
      if (f == null || f.sectionId() != i.getSection().getId()) {
        throw Refusal.invalid("plan.error.evidence");
      }
      sha = f.sha256();
    }
    Instant now = time.now();
    PlanStore.StoredPlan p = opened(i);
    List<ItemUpdate> before =
        store.updates(p.id()).stream().map(PlanStore.StoredUpdate::update).toList();
    ItemUpdate u;
    try {
      u = new ItemUpdate(itemCode, s, note, evidenceId, caller.name(), now);
      // the plan refuses an item it does not hold (a parole item for a non-parolee, a typo)
      planOf(basis(i), before).with(u);
    } catch (ReadinessRefusal r) {
      throw Refusal.invalid("readiness.refused", r.zh(), r.en());
    }
    long id = store.add(p.id(), u);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("inmate", i.getNumber());
    payload.put("plan", p.id());
    payload.put("update", id);
    payload.put("item", u.item());
    payload.put("status", u.status().name());
    payload.put("note", u.note());
    if (evidenceId != null) {
      payload.put("evidence", evidenceId);
    }
    auditLog.record(
        "readiness.plan.item.updated",
        "release-plan/" + i.getNumber(),
        payload,
        sha == null ? List.of() : List.of(sha),
        now);
    return page(i);
  }

  private PlanStore.StoredPlan opened(Inmate i) {
    return store
        .plan(i.getId())
        .orElseGet(
            () ->
                store.open(
                    i.getId(),
                    i.getAdmissionDate() == null ? time.today() : i.getAdmissionDate(),
                    caller.name(),
                    time.now()));
  }

  /** The plan page of an inmate the caller's service has already found readable. */
  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME})
  public PlanPage page(Inmate i) {
    Optional<PlanStore.StoredPlan> p = store.plan(i.getId());
    List<ItemUpdate> updates =
        p.map(x -> store.updates(x.id()).stream().map(PlanStore.StoredUpdate::update).toList())
            .orElse(List.of());
    Basis b = basis(i);
    ReleasePlan.PlanView v = planOf(b, updates).on(time.today());
    boolean dated = b.release() != null;
    List<ItemLine> items = new ArrayList<>();
    for (ReleasePlan.ItemView iv : v.items()) {
      List<HistoryLine> history =
          updates.stream()
              .filter(u -> u.item().equals(iv.item().code()))
              .map(
                  u ->
                      new HistoryLine(
                          u.status().zh(), u.status().en(), u.note(), u.evidence(), u.by(), u.at()))
              .toList();
      Optional<ItemUpdate> last = iv.latest();
      items.add(
          new ItemLine(
              iv.item().code(),
              iv.item().pathway().name(),
              iv.item().pathway().zh(),
              iv.item().pathway().en(),
              iv.item().zh(),
              iv.item().en(),
              iv.item().ownerZh(),
              iv.item().ownerEn(),
              iv.item().basis(),
              dated ? iv.deadline() : null,
              iv.status().name(),
              iv.status().zh(),
              iv.status().en(),
              dated && iv.late(),
              dated && iv.dueSoon(),
              last.map(ItemUpdate::note).orElse(""),
              last.map(ItemUpdate::evidence).orElse(null),
              history));
    }
    List<RulingLine> rl =
        rulings.of(i.getId()).stream()
            .map(r -> new RulingLine(r.kind(), r.caseNumber(), r.ruledOn(), r.months(), r.newEnd()))
            .toList();
    List<ScenarioAttempts.StoredAttempt> tried = attempts.ofInmate(i.getId());
    return new PlanPage(
        i.getNumber(),
        i.getName(),
        i.getSection().getFullName(),
        i.getAdmissionDate(),
        b.release(),
        dated ? v.daysToRelease() : null,
        dated ? v.releaseEducationFrom() : null,
        dated && v.inReleaseEducation(),
        b.parole(),
        v.settled(),
        items.size(),
        (int) items.stream().filter(ItemLine::late).count(),
        items,
        items.stream().filter(x -> x.late() || x.dueSoon()).toList(),
        rl,
        tried.size(),
        (int)
            tried.stream()
                .filter(ScenarioAttempts.StoredAttempt::passed)
                .map(ScenarioAttempts.StoredAttempt::scenarioId)
                .distinct()
                .count());
  }
}
