package cn.xinsheng.ledger.infrastructure;

import cn.xinsheng.ledger.domain.AssessmentCycle;
import cn.xinsheng.ledger.domain.AssessmentCycles;
import cn.xinsheng.ledger.domain.CycleDecision;
import cn.xinsheng.ledger.domain.Grading;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The assessment cycles and their grading on the ledger's tables. */
@ApplicationScoped
public class SqlAssessmentCycles implements AssessmentCycles {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @Override
  public Optional<AssessmentCycle> find(long cycleId) {
    return Optional.ofNullable(em.find(AssessmentCycle.class, cycleId));
  }

  @Override
  public void store(AssessmentCycle cycle) {
    em.persist(cycle);
    em.flush();
  }

  @Override
  public void store(CycleDecision decision) {
    em.persist(decision);
  }

  @Override
  public LastCycle last(long inmateId) {
    Object[] last =
        (Object[])
            em.createNativeQuery(
                    "SELECT COALESCE(MAX(number), 0), MAX(closed_month) FROM assessment_cycle"
                        + " WHERE inmate_id = ?1")
                .setParameter(1, inmateId)
                .getSingleResult();
    return new LastCycle(
        ((Number) last[0]).intValue(), last[1] == null ? null : last[1].toString());
  }

  @Override
  public String firstEntryMonth(long inmateId, String orElse) {
    return (String)
        em.createNativeQuery(
                "SELECT COALESCE(MIN(month), ?2) FROM point_entry WHERE inmate_id = ?1")
            .setParameter(1, inmateId)
            .setParameter(2, orElse)
            .getSingleResult();
  }

  @Override
  public void attachApprovedEntries(long cycleId, long inmateId, String from, String to) {
    em.createNativeQuery(
            "INSERT INTO cycle_entry (cycle_id, entry_id) SELECT ?1, e.id FROM point_entry e"
                + " JOIN entry_review v ON v.entry_id = e.id AND v.decision = 'APPROVED'"
                + " WHERE e.inmate_id = ?2 AND e.month >= ?3 AND e.month <= ?4")
        .setParameter(1, cycleId)
        .setParameter(2, inmateId)
        .setParameter(3, from)
        .setParameter(4, to)
        .executeUpdate();
  }

  @Override
  public boolean decided(long cycleId) {
    return em.createQuery("SELECT COUNT(d) FROM CycleDecision d WHERE d.cycleId = :c", Long.class)
            .setParameter("c", cycleId)
            .getSingleResult()
        > 0;
  }

  @Override
  public Grading.CycleFacts facts(long cycleId) {
    Object[] counts =
        (Object[])
            em.createNativeQuery(
                    "SELECT COALESCE(SUM(CASE WHEN c.part = 'SANCTION' THEN 1 ELSE 0 END), 0),"
                        + " COALESCE(SUM(CASE WHEN e.amount_tenths < 0 THEN 1 ELSE 0 END), 0)"
                        + " FROM cycle_entry x JOIN point_entry e ON e.id = x.entry_id"
                        + " JOIN rule_clause c ON c.id = e.clause_id WHERE x.cycle_id = ?1")
                .setParameter(1, cycleId)
                .getSingleResult();
    return new Grading.CycleFacts(((Number) counts[0]).intValue(), ((Number) counts[1]).intValue());
  }

  @Override
  public Optional<GradingProposal> pendingProposal(long cycleId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT p.id, p.cycle_id, p.result, p.reason, p.proposed_by FROM grading_proposal p"
                    + " WHERE p.cycle_id = ?1 AND NOT EXISTS (SELECT 1 FROM grading_approval a"
                    + " WHERE a.proposal_id = p.id) ORDER BY p.id DESC")
            .setParameter(1, cycleId)
            .getResultList();
    return rows.stream().findFirst().map(SqlAssessmentCycles::proposal);
  }

  @Override
  public List<GradingProposal> pendingProposals() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT p.id, p.cycle_id, p.result, p.reason, p.proposed_by FROM grading_proposal p"
                    + " WHERE NOT EXISTS (SELECT 1 FROM grading_approval a WHERE a.proposal_id ="
                    + " p.id) ORDER BY p.id")
            .getResultList();
    return rows.stream().map(SqlAssessmentCycles::proposal).toList();
  }

  private static GradingProposal proposal(Object[] r) {
    return new GradingProposal(
        ((Number) r[0]).longValue(),
        ((Number) r[1]).longValue(),
        r[2].toString(),
        r[3].toString(),
        r[4].toString());
  }

  @Override
  public void propose(long cycleId, String result, String reason, String proposedBy, Instant at) {
    em.createNativeQuery(
            "INSERT INTO grading_proposal (cycle_id, result, reason, proposed_by, proposed_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, cycleId)
        .setParameter(2, result)
        .setParameter(3, reason)
        .setParameter(4, proposedBy)
        .setParameter(5, Timestamp.from(at))
        .executeUpdate();
  }

  @Override
  public void answer(
      long proposalId, String decision, String reason, String answeredBy, Instant at) {
    em.createNativeQuery(
            "INSERT INTO grading_approval (proposal_id, decision, reason, approved_by, approved_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, proposalId)
        .setParameter(2, decision)
        .setParameter(3, reason)
        .setParameter(4, answeredBy)
        .setParameter(5, Timestamp.from(at))
        .executeUpdate();
  }

  @Override
  public List<AssessmentCycle> ungraded(Collection<Long> inmateIds) {
    List<AssessmentCycle> out = new ArrayList<>();
    for (List<Long> chunk : SqlMonthCloses.chunks(inmateIds)) {
      @SuppressWarnings("unchecked")
      List<AssessmentCycle> rows =
          em.createNativeQuery(
                  "SELECT c.* FROM assessment_cycle c WHERE c.inmate_id IN ("
                      + SqlMonthCloses.inList(chunk)
                      + ") AND NOT EXISTS (SELECT 1 FROM cycle_decision d WHERE d.cycle_id = c.id)"
                      + " AND NOT EXISTS (SELECT 1 FROM grading_proposal p WHERE p.cycle_id = c.id"
                      + " AND NOT EXISTS (SELECT 1 FROM grading_approval a WHERE a.proposal_id ="
                      + " p.id))",
                  AssessmentCycle.class)
              .getResultList();
      out.addAll(rows);
    }
    return out;
  }
}
