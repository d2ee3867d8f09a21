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
import cn.xinsheng.cases.domain.Eligibility;
import cn.xinsheng.cases.domain.SentenceFacts;
import cn.xinsheng.organisation.application.InmateDirectory;
import cn.xinsheng.organisation.application.SentenceRecords;
import cn.xinsheng.organisation.domain.Sentence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The case tables, through the caller's transaction: {@link CaseRepository} in native SQL with
 * typed rows (ADR 0013). Rows are only ever inserted (the tables are append-only for the
 * application's account). The names of inmates and sections come from organisation's {@link
 * InmateDirectory} and the inmates' terms from its {@link SentenceRecords}: no SQL here names
 * organisation's tables (issue 13).
 */
@ApplicationScoped
public class CaseStore implements CaseRepository {

  @jakarta.inject.Inject java.time.Clock clock;
  @jakarta.inject.Inject InmateDirectory directory;
  @jakarta.inject.Inject SentenceRecords sentences;

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  private static final String CASE_SELECT =
      "SELECT c.id, c.number, c.inmate_id, c.section_id, c.kind, c.proposed_months, c.max_months,"
          + " c.rationale, c.eligibility_id, c.rule_version, c.posting_days, c.hearing_required,"
          + " c.created_by, c.created_at, c.court_track FROM reduction_case c";

  // --- reading ---------------------------------------------------------------------------------

  public Optional<CaseRow> find(long id) {
    return rows(CASE_SELECT + " WHERE c.id = ?1", id).stream().findFirst();
  }

  public List<CaseRow> all() {
    return rows(CASE_SELECT + " ORDER BY c.id DESC");
  }

  public List<CaseRow> ofInmate(long inmateId) {
    return rows(CASE_SELECT + " WHERE c.inmate_id = ?1 ORDER BY c.id DESC", inmateId);
  }

  private List<CaseRow> rows(String sql, Object... params) {
    var q = em.createNativeQuery(sql);
    for (int i = 0; i < params.length; i++) {
      q.setParameter(i + 1, params[i]);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = q.getResultList();
    // who and where by organisation's port, for all the rows at once
    Map<Long, InmateDirectory.Named> inmates =
        directory.inmates(rows.stream().map(r -> num(r[2])).collect(Collectors.toSet()));
    Map<Long, String> sections =
        directory.sectionNames(rows.stream().map(r -> num(r[3])).collect(Collectors.toSet()));
    List<CaseRow> out = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      InmateDirectory.Named inmate = inmates.get(num(r[2]));
      String section = sections.get(num(r[3]));
      if (inmate == null || section == null) {
        // the foreign keys rule it out; left out as the join to organisation's tables did
        continue;
      }
      out.add(
          new CaseRow(
              num(r[0]),
              (String) r[1],
              num(r[2]),
              inmate.prisonerNumber(),
              inmate.name(),
              num(r[3]),
              section,
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
              cn.xinsheng.cases.domain.CaseTrack.valueOf((String) r[14])));
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
  public List<Long> sentenceChangeIds(long caseId) {
    @SuppressWarnings("unchecked")
    List<Object> ids =
        em.createNativeQuery("SELECT id FROM sentence_change WHERE case_id = ?1 ORDER BY id")
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

  public List<CaseEvent> events(long caseId) {
    return eventsOf(List.of(caseId)).getOrDefault(caseId, List.of());
  }

  /** The histories of many cases in one query, for lists. */
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

  /** Every inmate with the facts his eligibility rests on, in three queries. */
  public List<InmateRow> inmatesForEligibility(Long sectionId) {
    Map<Long, List<LocalDate>> reductions = new HashMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> changes =
        em.createNativeQuery(
                "SELECT inmate_id, ruled_on FROM sentence_change WHERE kind = 'REDUCTION'"
                    + " UNION ALL SELECT inmate_id, effective_on FROM sentence_fact"
                    + " WHERE kind = 'PRIOR_REDUCTION' AND active")
            .getResultList();
    for (Object[] r : changes) {
      reductions.computeIfAbsent(num(r[0]), k -> new ArrayList<>()).add(date(r[1]));
    }
    // the latest row of each kind is in force
    Map<Long, Map<String, Object[]>> facts = new HashMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> factRows =
        em.createNativeQuery(
                "SELECT inmate_id, kind, active, effective_on FROM sentence_fact"
                    + " WHERE kind IN ('PROPERTY_UNPAID','MAJOR_MERIT','STRICT','LIFE_COMMUTED')"
                    + " ORDER BY id")
            .getResultList();
    for (Object[] r : factRows) {
      facts.computeIfAbsent(num(r[0]), k -> new HashMap<>()).put((String) r[1], r);
    }
    List<SentenceRecords.Term> terms = sentences.terms(sectionId);
    List<InmateRow> out = new ArrayList<>(terms.size());
    for (SentenceRecords.Term t : terms) {
      long id = t.inmateId();
      boolean life = t.life();
      Sentence sentence = new Sentence(t.start(), life ? null : t.months(), life);
      Map<String, Object[]> f = facts.getOrDefault(id, Map.of());
      Object[] commuted = f.get("LIFE_COMMUTED");
      SentenceFacts sf =
          new SentenceFacts(
              sentence,
              t.currentEnd(),
              reductions.getOrDefault(id, List.of()),
              commuted != null && bool(commuted[2]) ? date(commuted[3]) : null,
              active(f, "MAJOR_MERIT"),
              active(f, "PROPERTY_UNPAID"),
              active(f, "STRICT"));
      out.add(new InmateRow(id, t.prisonerNumber(), t.name(), t.sectionId(), sf));
    }
    return out;
  }

  private static boolean active(Map<String, Object[]> facts, String kind) {
    Object[] r = facts.get(kind);
    return r != null && bool(r[2]);
  }

  public Optional<InmateRow> inmateForEligibility(long inmateId) {
    return inmatesForEligibility(null).stream().filter(i -> i.id() == inmateId).findFirst();
  }

  public Optional<ResultRow> result(long id) {
    return results(" WHERE r.id = ?1", id).stream().findFirst();
  }

  public List<ResultRow> resultsOfRun(long runId, Long sectionId) {
    // by section, prisoner number and kind, as the lists show them; the number is organisation's,
    // so the order is made here (ten digits: the same as the database's)
    Comparator<ResultRow> byNumberAndKind =
        Comparator.comparing(ResultRow::prisonerNumber).thenComparing(r -> r.kind().name());
    List<ResultRow> rows =
        sectionId == null
            ? results(" WHERE r.run_id = ?1", runId)
            : results(" WHERE r.run_id = ?1 AND r.section_id = ?2", runId, sectionId);
    return rows.stream()
        .sorted(Comparator.comparingLong(ResultRow::sectionId).thenComparing(byNumberAndKind))
        .toList();
  }

  private List<ResultRow> results(String where, Object... params) {
    var q =
        em.createNativeQuery(
            "SELECT r.id, r.run_id, r.inmate_id, r.section_id, r.kind, r.outcome, r.eligible_on,"
                + " r.max_months, r.reason_key, r.reason_args FROM eligibility_result r"
                + where);
    for (int i = 0; i < params.length; i++) {
      q.setParameter(i + 1, params[i]);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = q.getResultList();
    Map<Long, InmateDirectory.Named> inmates =
        directory.inmates(rows.stream().map(r -> num(r[2])).collect(Collectors.toSet()));
    List<ResultRow> out = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      InmateDirectory.Named inmate = inmates.get(num(r[2]));
      if (inmate == null) {
        // the foreign key rules it out; left out as the join to organisation's table did
        continue;
      }
      String args = (String) r[9];
      out.add(
          new ResultRow(
              num(r[0]),
              num(r[1]),
              num(r[2]),
              inmate.prisonerNumber(),
              inmate.name(),
              num(r[3]),
              CaseKind.valueOf((String) r[4]),
              (String) r[5],
              date(r[6]),
              integer(r[7]),
              (String) r[8],
              args.isEmpty() ? List.of() : List.of(args.split("\\|", -1))));
    }
    return out;
  }

  @Override
  public Optional<Long> latestRunId(Long sectionId) {
    @SuppressWarnings("unchecked")
    List<Object> rows =
        em.createNativeQuery(
                "SELECT id FROM eligibility_run WHERE scope IN (?1, ?2) ORDER BY id DESC LIMIT 1")
            .setParameter(1, CaseRepository.runScope(null))
            .setParameter(2, CaseRepository.runScope(sectionId))
            .getResultList();
    return rows.stream().findFirst().map(cn.xinsheng.platform.SqlValues::num);
  }

  /** The meeting with its members and agenda, or null; for the two reads below. */
  private Meeting meeting(long id) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery("SELECT id, held_on, title FROM committee_meeting WHERE id = ?1")
            .setParameter(1, id)
            .getResultList();
    if (rows.isEmpty()) {
      return null;
    }
    Object[] r = rows.get(0);
    @SuppressWarnings("unchecked")
    List<Object> members =
        em.createNativeQuery(
                "SELECT username FROM committee_member WHERE meeting_id = ?1 ORDER BY username")
            .setParameter(1, id)
            .getResultList();
    @SuppressWarnings("unchecked")
    List<Object> agenda =
        em.createNativeQuery(
                "SELECT case_id FROM committee_agenda WHERE meeting_id = ?1 ORDER BY case_id")
            .setParameter(1, id)
            .getResultList();
    return new Meeting(
        id,
        date(r[1]),
        (String) r[2],
        members.stream().map(String::valueOf).collect(Collectors.toCollection(LinkedHashSet::new)),
        agenda.stream().map(cn.xinsheng.platform.SqlValues::num).toList());
  }

  /** The latest meeting whose agenda holds the case: the one its votes belong to. */
  public Optional<Meeting> meetingOf(long caseId) {
    @SuppressWarnings("unchecked")
    List<Object> ids =
        em.createNativeQuery("SELECT MAX(meeting_id) FROM committee_agenda WHERE case_id = ?1")
            .setParameter(1, caseId)
            .getResultList();
    return ids.isEmpty() || ids.get(0) == null
        ? Optional.empty()
        : Optional.ofNullable(meeting(num(ids.get(0))));
  }

  public List<Meeting> meetings() {
    @SuppressWarnings("unchecked")
    List<Object> ids =
        em.createNativeQuery("SELECT id FROM committee_meeting ORDER BY id DESC LIMIT 50")
            .getResultList();
    return ids.stream().map(i -> meeting(num(i))).toList();
  }

  // --- writing ---------------------------------------------------------------------------------

  private long lastId() {
    return num(em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult());
  }

  public long insertRun(LocalDate asOf, String ruleVersion, String scope, int inmates, String by) {
    em.createNativeQuery(
            "INSERT INTO eligibility_run (as_of, rule_version, scope, inmates, run_by, run_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .setParameter(1, java.sql.Date.valueOf(asOf))
        .setParameter(2, ruleVersion)
        .setParameter(3, scope)
        .setParameter(4, inmates)
        .setParameter(5, by)
        .setParameter(6, Timestamp.from(clock.instant()))
        .executeUpdate();
    return lastId();
  }

  /**
   * Results as one JDBC batch on the transaction's own connection: a prison of 5,000 is 10,000
   * rows, which the MariaDB driver sends in bulk rather than statement by statement.
   */
  public void insertResults(long runId, List<InmateRow> inmates, List<List<Eligibility>> results) {
    java.sql.Connection c = em.unwrap(java.sql.Connection.class);
    try (java.sql.PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO eligibility_result (run_id, inmate_id, section_id, kind, outcome,"
                + " eligible_on, max_months, reason_key, reason_args) VALUES (?,?,?,?,?,?,?,?,?)")) {
      int rows = 0;
      for (int i = 0; i < inmates.size(); i++) {
        for (Eligibility e : results.get(i)) {
          ps.setLong(1, runId);
          ps.setLong(2, inmates.get(i).id());
          ps.setLong(3, inmates.get(i).sectionId());
          ps.setString(4, e.kind().name());
          ps.setString(5, e.outcome().name());
          ps.setObject(6, e.eligibleOn() == null ? null : java.sql.Date.valueOf(e.eligibleOn()));
          if (e.maxMonths() == null) {
            ps.setNull(7, java.sql.Types.INTEGER);
          } else {
            ps.setInt(7, e.maxMonths());
          }
          ps.setString(8, e.reasonKey());
          ps.setString(9, String.join("|", e.reasonArgs()));
          ps.addBatch();
          if (++rows % 1_000 == 0) {
            ps.executeBatch();
          }
        }
      }
      ps.executeBatch();
    } catch (java.sql.SQLException e) {
      throw new jakarta.persistence.PersistenceException("eligibility results not written", e);
    }
  }

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
      cn.xinsheng.cases.domain.CaseTrack track,
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

  /**
   * Takes the year's next case serial under the lock of its counter row, held until the transaction
   * ends: proposals made at once get distinct numbers, one after the other.
   */
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

  public void citeCycles(long caseId, List<Long> cycleIds) {
    for (Long c : cycleIds) {
      em.createNativeQuery("INSERT INTO case_cycle (case_id, cycle_id) VALUES (?1, ?2)")
          .setParameter(1, caseId)
          .setParameter(2, c)
          .executeUpdate();
    }
  }

  /** Appends one event; answers its id. */
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

  public long insertMeeting(
      LocalDate heldOn, String title, String by, Set<String> members, List<Long> cases) {
    em.createNativeQuery(
            "INSERT INTO committee_meeting (held_on, title, created_by, created_at) VALUES (?1, ?2, ?3, ?4)")
        .setParameter(1, java.sql.Date.valueOf(heldOn))
        .setParameter(2, title)
        .setParameter(3, by)
        .setParameter(4, Timestamp.from(clock.instant()))
        .executeUpdate();
    long id = lastId();
    for (String m : members) {
      em.createNativeQuery("INSERT INTO committee_member (meeting_id, username) VALUES (?1, ?2)")
          .setParameter(1, id)
          .setParameter(2, m)
          .executeUpdate();
    }
    for (Long c : cases) {
      em.createNativeQuery("INSERT INTO committee_agenda (meeting_id, case_id) VALUES (?1, ?2)")
          .setParameter(1, id)
          .setParameter(2, c)
          .executeUpdate();
    }
    return id;
  }

  public void insertFact(
      long inmateId,
      String kind,
      boolean active,
      LocalDate on,
      Integer months,
      String note,
      String by) {
    em.createNativeQuery(
            "INSERT INTO sentence_fact (inmate_id, kind, active, effective_on, months, note,"
                + " recorded_by, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .setParameter(1, inmateId)
        .setParameter(2, kind)
        .setParameter(3, active)
        .setParameter(4, java.sql.Date.valueOf(on))
        .setParameter(5, months)
        .setParameter(6, note)
        .setParameter(7, by)
        .setParameter(8, Timestamp.from(clock.instant()))
        .executeUpdate();
  }

  /**
   * A ruling's change of sentence. The inmate's current end is organisation's projection: the
   * service moves it through {@code SentenceRecords} beside this row.
   */
  public long recordSentenceChange(
      long inmateId,
      long caseId,
      CaseKind kind,
      LocalDate ruledOn,
      int months,
      LocalDate previousEnd,
      LocalDate newEnd,
      String by) {
    em.createNativeQuery(
            "INSERT INTO sentence_change (inmate_id, case_id, kind, ruled_on, months, previous_end,"
                + " new_end, recorded_by, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .setParameter(1, inmateId)
        .setParameter(2, caseId)
        .setParameter(3, kind.name())
        .setParameter(4, java.sql.Date.valueOf(ruledOn))
        .setParameter(5, months)
        .setParameter(6, previousEnd == null ? null : java.sql.Date.valueOf(previousEnd))
        .setParameter(7, newEnd == null ? null : java.sql.Date.valueOf(newEnd))
        .setParameter(8, by)
        .setParameter(9, Timestamp.from(clock.instant()))
        .executeUpdate();
    return lastId();
  }
}
