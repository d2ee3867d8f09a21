package cn.xinsheng.ledger.infrastructure;

import cn.xinsheng.ledger.application.CycleView;
import cn.xinsheng.ledger.application.EntryView;
import cn.xinsheng.ledger.application.LedgerReads;
import cn.xinsheng.ledger.application.MonthView;
import cn.xinsheng.ledger.domain.AssessmentPart;
import cn.xinsheng.ledger.domain.EntryStatus;
import cn.xinsheng.ledger.domain.Points;
import cn.xinsheng.ledger.domain.ReviewDecision;
import cn.xinsheng.organisation.application.InmateDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The ledger's read side in native SQL on the ledger's own tables. Prisoner numbers and names come
 * from organisation's {@link InmateDirectory} for the ids the rows hold, one call per list (issue
 * 13: no join to another context's tables).
 */
@ApplicationScoped
public class SqlLedgerReads implements LedgerReads {

  private static final String ENTRY_SELECT =
      "SELECT e.id, e.inmate_id, NULL, e.section_id, c.code, c.text, k.version, c.part,"
          + " e.amount_tenths, e.fact, e.occurred_at, e.month, e.recorded_by, e.recorded_at,"
          + " r.decision, r.reviewed_by, r.reason, r.reviewed_at, e.supersedes_id, e.reverses_id,"
          + " e.reason, (SELECT COUNT(*) FROM point_entry n WHERE n.supersedes_id = e.id), r.id"
          + " FROM point_entry e"
          + " JOIN rule_clause c ON c.id = e.clause_id JOIN rule_catalogue k ON k.id = c.catalogue_id"
          + " LEFT JOIN entry_review r ON r.entry_id = e.id ";

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @Inject InmateDirectory inmates;

  @Override
  public List<EntryRow> returnedTo(String officer) {
    return entries(
        "WHERE e.recorded_by = ?1 AND r.decision = 'RETURNED'"
            + " AND NOT EXISTS (SELECT 1 FROM point_entry n WHERE n.supersedes_id = e.id)"
            + " ORDER BY r.reviewed_at DESC",
        officer);
  }

  @Override
  public List<EntryRow> awaitingReview(Collection<Long> sectionIds, String notRecordedBy) {
    return entries(
        "WHERE e.section_id IN ("
            + inList(sectionIds)
            + ") AND r.id IS NULL"
            + " AND e.recorded_by <> ?1 ORDER BY e.recorded_at",
        notRecordedBy);
  }

  @Override
  public List<EntryRow> sectionMonth(long sectionId, YearMonth month) {
    return entries(
        "WHERE e.section_id = ?1 AND e.month = ?2 ORDER BY e.id DESC", sectionId, month.toString());
  }

  @Override
  public List<EntryRow> ofInmate(long inmateId) {
    return entries("WHERE e.inmate_id = ?1 ORDER BY e.occurred_at DESC, e.id DESC", inmateId);
  }

  @Override
  public List<EntryRow> approvedOfInmate(long inmateId) {
    return entries(
        "WHERE e.inmate_id = ?1 AND r.decision = 'APPROVED' ORDER BY e.occurred_at DESC", inmateId);
  }

  @Override
  public List<MonthView> monthsOfInmate(long inmateId) {
    return months("WHERE r.inmate_id = ?1", inmateId);
  }

  @Override
  public List<MonthView> monthsOfClose(long closeId) {
    return months("WHERE r.close_id = ?1", closeId);
  }

  @Override
  public List<CycleView> cyclesOf(long inmateId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT c.id, c.inmate_id, c.number, c.first_month, c.closed_month,"
                    + " (SELECT COUNT(*) FROM cycle_entry x WHERE x.cycle_id = c.id),"
                    + " d.result, d.reason, d.decided_by, d.decided_at FROM assessment_cycle c"
                    + " LEFT JOIN cycle_decision d ON d.cycle_id = c.id"
                    + " WHERE c.inmate_id = ?1 ORDER BY c.number DESC")
            .setParameter(1, inmateId)
            .getResultList();
    Map<Long, InmateDirectory.Named> named = named(rows, 1);
    List<CycleView> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(
          new CycleView(
              ((Number) r[0]).longValue(),
              who(named, r[1]).prisonerNumber(),
              ((Number) r[2]).intValue(),
              r[3].toString(),
              r[4].toString(),
              ((Number) r[5]).longValue(),
              r[6] == null ? null : r[6].toString(),
              r[7] == null ? null : r[7].toString(),
              r[8] == null ? null : r[8].toString(),
              r[9] == null ? null : instant(r[9]),
              null));
    }
    return out;
  }

  @Override
  public List<ObjectionRow> objectionsOfSections(Collection<Long> sectionIds) {
    return objections("WHERE o.section_id IN (" + inList(sectionIds) + ")");
  }

  @Override
  public List<ObjectionRow> objectionsOfInmate(long inmateId) {
    return objections("WHERE o.inmate_id = ?1", inmateId);
  }

  @Override
  public List<ObjectionRow> objectionsRaisedBy(String account) {
    return objections("WHERE o.raised_by = ?1", account);
  }

  @Override
  public List<ObjectionStepRow> objectionSteps(long objectionId) {
    @SuppressWarnings("unchecked")
    List<Object[]> steps =
        em.createNativeQuery(
                "SELECT step, owner, done_by, done_at, note, outcome, id FROM objection_step"
                    + " WHERE objection_id = ?1 ORDER BY id")
            .setParameter(1, objectionId)
            .getResultList();
    List<ObjectionStepRow> out = new ArrayList<>(steps.size());
    for (Object[] s : steps) {
      out.add(
          new ObjectionStepRow(
              ((Number) s[6]).longValue(),
              s[0].toString(),
              s[1] == null ? null : s[1].toString(),
              s[2] == null ? null : s[2].toString(),
              instant(s[3]),
              s[4] == null ? null : s[4].toString(),
              s[5] == null ? null : s[5].toString()));
    }
    return out;
  }

  @Override
  public long objectionsWithoutFeedback(long sectionId) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM objection o WHERE o.section_id = ?1 AND NOT EXISTS"
                        + " (SELECT 1 FROM objection_step s WHERE s.objection_id = o.id"
                        + " AND s.step = 'FEEDBACK')")
                .setParameter(1, sectionId)
                .getSingleResult())
        .longValue();
  }

  /** The objections a condition selects; every value the caller gives is bound, never spliced. */
  private List<ObjectionRow> objections(String where, Object... params) {
    var query =
        em.createNativeQuery(
            "SELECT o.id, o.inmate_id, NULL, o.target_type, o.entry_id,"
                + " o.month, o.text, o.raised_by, o.raised_role, o.raised_at, o.case_id FROM objection o "
                + where
                + " ORDER BY o.id DESC");
    for (int i = 0; i < params.length; i++) {
      query.setParameter(i + 1, params[i]);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    Map<Long, InmateDirectory.Named> named = named(rows, 1);
    List<ObjectionRow> out = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      InmateDirectory.Named n = who(named, r[1]);
      out.add(
          new ObjectionRow(
              ((Number) r[0]).longValue(),
              n.prisonerNumber(),
              n.name(),
              r[3].toString(),
              r[4] == null ? null : ((Number) r[4]).longValue(),
              r[5] == null ? null : r[5].toString(),
              r[6].toString(),
              r[7].toString(),
              r[8].toString(),
              instant(r[9]),
              r[10] == null ? null : ((Number) r[10]).longValue()));
    }
    return out;
  }

  private List<MonthView> months(String where, Object... params) {
    var q =
        em.createNativeQuery(
            "SELECT r.close_id, c.month, r.inmate_id, NULL, r.supervision_tenths,"
                + " r.education_tenths, r.labour_tenths, r.special_tenths, r.sanction_tenths,"
                + " r.discarded_tenths, r.total_tenths, r.balance_tenths, r.cycle_carry_tenths,"
                + " r.cycles_closed, r.entries FROM month_result r"
                + " JOIN month_close c ON c.id = r.close_id "
                + where
                + " AND c.id = (SELECT MAX(c2.id) FROM month_close c2 WHERE c2.section_id ="
                + " c.section_id AND c2.month = c.month)");
    for (int i = 0; i < params.length; i++) {
      q.setParameter(i + 1, params[i]);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = q.getResultList();
    Map<Long, InmateDirectory.Named> named = named(rows, 2);
    List<MonthView> out = new ArrayList<>();
    for (Object[] r : rows) {
      InmateDirectory.Named n = who(named, r[2]);
      out.add(
          new MonthView(
              ((Number) r[0]).longValue(),
              r[1].toString(),
              n.prisonerNumber(),
              n.name(),
              points(r[4]),
              points(r[5]),
              points(r[6]),
              points(r[7]),
              points(r[8]),
              points(r[9]),
              points(r[10]),
              points(r[11]),
              points(r[12]),
              ((Number) r[13]).intValue(),
              ((Number) r[14]).intValue(),
              null,
              null));
    }
    // the newest month first, then by prisoner number (ten digits: as the database ordered them)
    out.sort(
        Comparator.comparing(MonthView::month).reversed().thenComparing(MonthView::prisonerNumber));
    return out;
  }

  /** Who the rows' inmate ids are, asked once for the whole list; none asked for no rows. */
  private Map<Long, InmateDirectory.Named> named(List<Object[]> rows, int idColumn) {
    if (rows.isEmpty()) {
      return Map.of();
    }
    return inmates.inmates(
        rows.stream().map(r -> ((Number) r[idColumn]).longValue()).collect(Collectors.toSet()));
  }

  private static InmateDirectory.Named who(Map<Long, InmateDirectory.Named> named, Object id) {
    InmateDirectory.Named n = named.get(((Number) id).longValue());
    if (n == null) {
      // inmate ids are foreign keys: a row cannot name an inmate organisation does not know
      throw new IllegalStateException("no inmate " + id);
    }
    return n;
  }

  /** The entries, each with its review's id. */
  private List<EntryRow> entries(String where, Object... params) {
    var q = em.createNativeQuery(ENTRY_SELECT + where);
    for (int i = 0; i < params.length; i++) {
      q.setParameter(i + 1, params[i]);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = q.getResultList();
    Map<Long, List<Long>> evidence =
        evidenceOf(rows.stream().map(r -> ((Number) r[0]).longValue()).toList());
    Map<Long, InmateDirectory.Named> named = named(rows, 1);
    List<EntryRow> out = new ArrayList<>();
    for (Object[] r : rows) {
      long id = ((Number) r[0]).longValue();
      InmateDirectory.Named n = who(named, r[1]);
      ReviewDecision decision = r[14] == null ? null : ReviewDecision.valueOf(r[14].toString());
      boolean superseded = ((Number) r[21]).longValue() > 0;
      out.add(
          new EntryRow(
              new EntryView(
                  id,
                  n.prisonerNumber(),
                  n.name(),
                  ((Number) r[3]).longValue(),
                  r[4].toString(),
                  r[5].toString(),
                  ((Number) r[6]).intValue(),
                  AssessmentPart.valueOf(r[7].toString()),
                  points(r[8]),
                  r[9].toString(),
                  instant(r[10]),
                  r[11].toString(),
                  r[12].toString(),
                  instant(r[13]),
                  EntryStatus.of(decision, superseded),
                  r[15] == null ? null : r[15].toString(),
                  r[16] == null ? null : r[16].toString(),
                  r[17] == null ? null : instant(r[17]),
                  r[18] == null ? null : ((Number) r[18]).longValue(),
                  r[19] == null ? null : ((Number) r[19]).longValue(),
                  r[20] == null ? null : r[20].toString(),
                  evidence.getOrDefault(id, List.of()),
                  null),
              r[22] == null ? null : ((Number) r[22]).longValue()));
    }
    return out;
  }

  private Map<Long, List<Long>> evidenceOf(List<Long> entryIds) {
    Map<Long, List<Long>> out = new HashMap<>();
    if (entryIds.isEmpty()) {
      return out;
    }
    for (int from = 0; from < entryIds.size(); from += 1000) {
      List<Long> chunk = entryIds.subList(from, Math.min(entryIds.size(), from + 1000));
      @SuppressWarnings("unchecked")
      List<Object[]> rows =
          em.createNativeQuery(
                  "SELECT entry_id, evidence_id FROM point_entry_evidence WHERE entry_id IN ("
                      + inList(chunk)
                      + ") ORDER BY evidence_id")
              .getResultList();
      for (Object[] r : rows) {
        out.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>())
            .add(((Number) r[1]).longValue());
      }
    }
    return out;
  }

  private static String inList(Collection<Long> ids) {
    return ids.isEmpty()
        ? "-1"
        : ids.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  private static Points points(Object o) {
    return new Points(((Number) o).longValue());
  }

  private static Instant instant(Object o) {
    if (o instanceof Timestamp t) {
      return t.toInstant();
    }
    if (o instanceof java.time.LocalDateTime l) {
      return Timestamp.valueOf(l).toInstant();
    }
    if (o instanceof java.time.OffsetDateTime odt) {
      return odt.toInstant();
    }
    return Instant.parse(o.toString());
  }
}
