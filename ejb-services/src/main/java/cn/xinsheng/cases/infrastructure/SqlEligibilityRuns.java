package cn.xinsheng.cases.infrastructure;

import static cn.xinsheng.platform.SqlValues.bool;
import static cn.xinsheng.platform.SqlValues.date;
import static cn.xinsheng.platform.SqlValues.integer;
import static cn.xinsheng.platform.SqlValues.num;

import cn.xinsheng.cases.domain.CaseKind;
import cn.xinsheng.cases.domain.Eligibility;
import cn.xinsheng.cases.domain.EligibilityRuns;
import cn.xinsheng.cases.domain.SentenceFacts;
import cn.xinsheng.organisation.application.InmateDirectory;
import cn.xinsheng.organisation.application.SentenceRecords;
import cn.xinsheng.organisation.domain.Sentence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The eligibility runs on {@code eligibility_run} and {@code eligibility_result}, and the inmates'
 * facts a run rests on from the cases' {@code sentence_change} and {@code sentence_fact}, through
 * the caller's transaction: {@link EligibilityRuns} in native SQL with typed rows (ADR 0013). The
 * inmates' terms come from organisation's {@link SentenceRecords}, their names from its {@link
 * InmateDirectory}: no SQL here names organisation's tables (issue 13).
 */
@ApplicationScoped
public class SqlEligibilityRuns implements EligibilityRuns {

  @Inject Clock clock;
  @Inject InmateDirectory directory;
  @Inject SentenceRecords sentences;

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  /** An older fact's row as far as eligibility reads it: whether it stands, and since when. */
  private record Fact(boolean active, LocalDate effectiveOn) {}

  /** A result's own columns, before organisation's port names the inmate. */
  private record Stored(
      long id,
      long runId,
      long inmateId,
      long sectionId,
      CaseKind kind,
      String outcome,
      LocalDate eligibleOn,
      Integer maxMonths,
      String reasonKey,
      List<String> reasonArgs) {

    static Stored of(Object[] r) {
      String args = (String) r[9];
      return new Stored(
          num(r[0]),
          num(r[1]),
          num(r[2]),
          num(r[3]),
          CaseKind.valueOf((String) r[4]),
          (String) r[5],
          date(r[6]),
          integer(r[7]),
          (String) r[8],
          args.isEmpty() ? List.of() : List.of(args.split("\\|", -1)));
    }
  }

  // --- the inmates -----------------------------------------------------------------------------

  /** Every inmate with the facts his eligibility rests on, in three queries. */
  @Override
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
    Map<Long, Map<String, Fact>> facts = new HashMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> factRows =
        em.createNativeQuery(
                "SELECT inmate_id, kind, active, effective_on FROM sentence_fact"
                    + " WHERE kind IN ('PROPERTY_UNPAID','MAJOR_MERIT','STRICT','LIFE_COMMUTED')"
                    + " ORDER BY id")
            .getResultList();
    for (Object[] r : factRows) {
      facts
          .computeIfAbsent(num(r[0]), k -> new HashMap<>())
          .put((String) r[1], new Fact(bool(r[2]), date(r[3])));
    }
    List<SentenceRecords.Term> terms = sentences.terms(sectionId);
    List<InmateRow> out = new ArrayList<>(terms.size());
    for (SentenceRecords.Term t : terms) {
      long id = t.inmateId();
      boolean life = t.life();
      Sentence sentence = new Sentence(t.start(), life ? null : t.months(), life);
      Map<String, Fact> f = facts.getOrDefault(id, Map.of());
      Fact commuted = f.get("LIFE_COMMUTED");
      SentenceFacts sf =
          new SentenceFacts(
              sentence,
              t.currentEnd(),
              reductions.getOrDefault(id, List.of()),
              commuted != null && commuted.active() ? commuted.effectiveOn() : null,
              active(f, "MAJOR_MERIT"),
              active(f, "PROPERTY_UNPAID"),
              active(f, "STRICT"));
      out.add(new InmateRow(id, t.prisonerNumber(), t.name(), t.sectionId(), sf));
    }
    return out;
  }

  private static boolean active(Map<String, Fact> facts, String kind) {
    Fact f = facts.get(kind);
    return f != null && f.active();
  }

  @Override
  public Optional<InmateRow> inmateForEligibility(long inmateId) {
    return inmatesForEligibility(null).stream().filter(i -> i.id() == inmateId).findFirst();
  }

  // --- the runs and their results --------------------------------------------------------------

  @Override
  public Optional<ResultRow> result(long id) {
    return results(" WHERE r.id = ?1", id).stream().findFirst();
  }

  @Override
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
    List<Object[]> raw = q.getResultList();
    List<Stored> rows = raw.stream().map(Stored::of).toList();
    Map<Long, InmateDirectory.Named> inmates =
        directory.inmates(rows.stream().map(Stored::inmateId).collect(Collectors.toSet()));
    List<ResultRow> out = new ArrayList<>(rows.size());
    for (Stored r : rows) {
      InmateDirectory.Named inmate = inmates.get(r.inmateId());
      if (inmate == null) {
        // the foreign key rules it out; left out as the join to organisation's table did
        continue;
      }
      out.add(
          new ResultRow(
              r.id(),
              r.runId(),
              r.inmateId(),
              inmate.prisonerNumber(),
              inmate.name(),
              r.sectionId(),
              r.kind(),
              r.outcome(),
              r.eligibleOn(),
              r.maxMonths(),
              r.reasonKey(),
              r.reasonArgs()));
    }
    return out;
  }

  @Override
  public Optional<Long> latestRunId(Long sectionId) {
    @SuppressWarnings("unchecked")
    List<Object> rows =
        em.createNativeQuery(
                "SELECT id FROM eligibility_run WHERE scope IN (?1, ?2) ORDER BY id DESC LIMIT 1")
            .setParameter(1, EligibilityRuns.runScope(null))
            .setParameter(2, EligibilityRuns.runScope(sectionId))
            .getResultList();
    return rows.stream().findFirst().map(cn.xinsheng.platform.SqlValues::num);
  }

  @Override
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
    return num(em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult());
  }

  /**
   * Results as one JDBC batch on the transaction's own connection: a prison of 5,000 is 10,000
   * rows, which the MariaDB driver sends in bulk rather than statement by statement.
   */
  @Override
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
}
