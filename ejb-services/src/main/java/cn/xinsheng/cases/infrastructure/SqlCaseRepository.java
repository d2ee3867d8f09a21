package cn.xinsheng.cases.infrastructure;

import static cn.xinsheng.platform.SqlValues.bool;
import static cn.xinsheng.platform.SqlValues.date;
import static cn.xinsheng.platform.SqlValues.instant;
import static cn.xinsheng.platform.SqlValues.integer;
import static cn.xinsheng.platform.SqlValues.num;

import cn.xinsheng.cases.domain.CaseEvent;
import cn.xinsheng.cases.domain.CaseEventType;
import cn.xinsheng.cases.domain.CaseKind;
import cn.xinsheng.cases.domain.CaseRepository;
import cn.xinsheng.cases.domain.CaseStep;
import cn.xinsheng.cases.domain.CaseTrack;
import cn.xinsheng.organisation.application.InmateDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The cases' own rows, through the caller's transaction: {@link CaseRepository} in native SQL with
 * typed rows (ADR 0013) on {@code reduction_case}, {@code case_event}, {@code case_cycle} and
 * {@code case_serial}. Rows are only ever inserted (the tables are append-only for the
 * application's account). The names of inmates and sections come from organisation's {@link
 * InmateDirectory}: no SQL here names organisation's tables (issue 13).
 */
@ApplicationScoped
public class SqlCaseRepository implements CaseRepository {

  @Inject InmateDirectory directory;

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  private static final String CASE_SELECT =
      "SELECT c.id, c.number, c.inmate_id, c.section_id, c.kind, c.proposed_months, c.max_months,"
          + " c.rationale, c.eligibility_id, c.rule_version, c.posting_days, c.hearing_required,"
          + " c.created_by, c.created_at, c.court_track FROM reduction_case c";

  /** A case's own columns, before organisation's port names who and where. */
  private record Stored(
      long id,
      String number,
      long inmateId,
      long sectionId,
      CaseKind kind,
      Integer proposedMonths,
      Integer maxMonths,
      String rationale,
      long eligibilityId,
      String ruleVersion,
      int postingDays,
      boolean hearingByFacts,
      String createdBy,
      Instant createdAt,
      CaseTrack track) {

    static Stored of(Object[] r) {
      return new Stored(
          num(r[0]),
          (String) r[1],
          num(r[2]),
          num(r[3]),
          CaseKind.valueOf((String) r[4]),
          integer(r[5]),
          integer(r[6]),
          (String) r[7],
          num(r[8]),
          (String) r[9],
          integer(r[10]),
          bool(r[11]),
          (String) r[12],
          instant(r[13]),
          CaseTrack.valueOf((String) r[14]));
    }
  }

  // --- reading ---------------------------------------------------------------------------------

  @Override
  public Optional<CaseRow> find(long id) {
    return rows(CASE_SELECT + " WHERE c.id = ?1", id).stream().findFirst();
  }

  @Override
  public List<CaseRow> all() {
    return rows(CASE_SELECT + " ORDER BY c.id DESC");
  }

  @Override
  public List<CaseRow> ofInmate(long inmateId) {
    return rows(CASE_SELECT + " WHERE c.inmate_id = ?1 ORDER BY c.id DESC", inmateId);
  }

  private List<CaseRow> rows(String sql, Object... params) {
    var q = em.createNativeQuery(sql);
    for (int i = 0; i < params.length; i++) {
      q.setParameter(i + 1, params[i]);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> raw = q.getResultList();
    List<Stored> rows = raw.stream().map(Stored::of).toList();
    // who and where by organisation's port, for all the rows at once
    Map<Long, InmateDirectory.Named> inmates =
        directory.inmates(rows.stream().map(Stored::inmateId).collect(Collectors.toSet()));
    Map<Long, String> sections =
        directory.sectionNames(rows.stream().map(Stored::sectionId).collect(Collectors.toSet()));
    List<CaseRow> out = new ArrayList<>(rows.size());
    for (Stored r : rows) {
      InmateDirectory.Named inmate = inmates.get(r.inmateId());
      String section = sections.get(r.sectionId());
      if (inmate == null || section == null) {
        // the foreign keys rule it out; left out as the join to organisation's tables did
        continue;
      }
      out.add(
          new CaseRow(
              r.id(),
              r.number(),
              r.inmateId(),
              inmate.prisonerNumber(),
              inmate.name(),
              r.sectionId(),
              section,
              r.kind(),
              r.proposedMonths(),
              r.maxMonths(),
              r.rationale(),
              r.eligibilityId(),
              r.ruleVersion(),
              r.postingDays(),
              r.hearingByFacts(),
              r.createdBy(),
              r.createdAt(),
              r.track()));
    }
    return out;
  }

  @Override
  public Map<Long, Long> attachments(long caseId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, attachment_id FROM case_event"
                    + " WHERE case_id = ?1 AND attachment_id IS NOT NULL")
            .setParameter(1, caseId)
            .getResultList();
    Map<Long, Long> out = new HashMap<>();
    for (Object[] r : rows) {
      out.put(num(r[0]), num(r[1]));
    }
    return out;
  }

  @Override
  public List<Long> citedCycleIds(long caseId) {
    @SuppressWarnings("unchecked")
    List<Object> ids =
        em.createNativeQuery("SELECT cycle_id FROM case_cycle WHERE case_id = ?1 ORDER BY cycle_id")
            .setParameter(1, caseId)
            .getResultList();
    return ids.stream().map(cn.xinsheng.platform.SqlValues::num).toList();
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Long> eventIds(long caseId) {
    return ((List<Object>)
            em.createNativeQuery("SELECT id FROM case_event WHERE case_id = ?1 ORDER BY id")
                .setParameter(1, caseId)
                .getResultList())
        .stream().map(o -> ((Number) o).longValue()).toList();
  }

  @Override
  public List<CaseEvent> events(long caseId) {
    return eventsOf(List.of(caseId)).getOrDefault(caseId, List.of());
  }

  @Override
  public Map<Long, List<CaseEvent>> eventsOf(Collection<Long> caseIds) {
    Map<Long, List<CaseEvent>> out = new HashMap<>();
    if (caseIds.isEmpty()) {
      return out;
    }
    String ids = caseIds.stream().map(String::valueOf).collect(Collectors.joining(","));
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, case_id, type, step, signed_by, signed_role, signed_at, note, choice,"
                    + " months, on_date, party, meeting_id, late FROM case_event WHERE case_id IN ("
                    + ids
                    + ") ORDER BY id")
            .getResultList();
    for (Object[] r : rows) {
      out.computeIfAbsent(num(r[1]), k -> new ArrayList<>())
          .add(
              new CaseEvent(
                  num(r[0]),
                  CaseEventType.valueOf((String) r[2]),
                  r[3] == null ? null : CaseStep.valueOf((String) r[3]),
                  (String) r[4],
                  (String) r[5],
                  instant(r[6]),
                  (String) r[7],
                  (String) r[8],
                  integer(r[9]),
                  date(r[10]),
                  (String) r[11],
                  r[12] == null ? null : num(r[12]),
                  bool(r[13])));
    }
    return out;
  }

  // --- writing ---------------------------------------------------------------------------------

  private long lastId() {
    return num(em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult());
  }

  @Override
  public long insertCase(
      String number,
      long inmateId,
      long sectionId,
      CaseKind kind,
      Integer proposedMonths,
      Integer maxMonths,
      String rationale,
      long eligibilityId,
      String ruleVersion,
      int postingDays,
      boolean hearingByFacts,
      CaseTrack track,
      String by,
      Instant at) {
    em.createNativeQuery(
            "INSERT INTO reduction_case (number, inmate_id, section_id, kind, proposed_months,"
                + " max_months, rationale, eligibility_id, rule_version, posting_days,"
                + " hearing_required, created_by, created_at, court_track)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)")
        .setParameter(1, number)
        .setParameter(2, inmateId)
        .setParameter(3, sectionId)
        .setParameter(4, kind.name())
        .setParameter(5, proposedMonths)
        .setParameter(6, maxMonths)
        .setParameter(7, rationale)
        .setParameter(8, eligibilityId)
        .setParameter(9, ruleVersion)
        .setParameter(10, postingDays)
        .setParameter(11, hearingByFacts)
        .setParameter(12, by)
        .setParameter(13, Timestamp.from(at))
        .setParameter(14, track.name())
        .executeUpdate();
    return lastId();
  }

  @Override
  public long takeCaseSerial(int year) {
    em.createNativeQuery(
            "INSERT INTO case_serial (year, last_serial) VALUES (?1, 1)"
                + " ON DUPLICATE KEY UPDATE last_serial = last_serial + 1")
        .setParameter(1, year)
        .executeUpdate();
    return num(
        em.createNativeQuery("SELECT last_serial FROM case_serial WHERE year = ?1 FOR UPDATE")
            .setParameter(1, year)
            .getSingleResult());
  }

  @Override
  public void citeCycles(long caseId, List<Long> cycleIds) {
    for (Long c : cycleIds) {
      em.createNativeQuery("INSERT INTO case_cycle (case_id, cycle_id) VALUES (?1, ?2)")
          .setParameter(1, caseId)
          .setParameter(2, c)
          .executeUpdate();
    }
  }

  @Override
  public long insertEvent(long caseId, CaseEvent e, Long attachmentId) {
    em.createNativeQuery(
            "INSERT INTO case_event (case_id, type, step, signed_by, signed_role, signed_at, note,"
                + " choice, months, on_date, party, meeting_id, attachment_id, late)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)")
        .setParameter(1, caseId)
        .setParameter(2, e.type().name())
        .setParameter(3, e.step() == null ? null : e.step().name())
        .setParameter(4, e.signedBy())
        .setParameter(5, e.signedRole())
        .setParameter(6, Timestamp.from(e.signedAt()))
        .setParameter(7, e.note() == null ? "" : e.note())
        .setParameter(8, e.choice())
        .setParameter(9, e.months())
        .setParameter(10, e.onDate() == null ? null : java.sql.Date.valueOf(e.onDate()))
        .setParameter(11, e.party())
        .setParameter(12, e.meetingId())
        .setParameter(13, attachmentId)
        .setParameter(14, e.late())
        .executeUpdate();
    return lastId();
  }
}
