package cn.xinsheng.readiness.infrastructure;

import cn.xinsheng.readiness.domain.RiskLevel;
import cn.xinsheng.readiness.domain.RiskOverride;
import cn.xinsheng.readiness.domain.RiskRecords;
import cn.xinsheng.readiness.domain.RiskScore;
import cn.xinsheng.readiness.domain.ValidationReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@link RiskRecords} in native SQL through the caller's transaction; rows are only added. */
@ApplicationScoped
public class RiskRecordStore implements RiskRecords {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  private static final String ASSESSMENT =
      "SELECT id, inmate_id, instrument_id, factor_values, sources, log_odds, probability, level,"
          + " assessed_by, assessed_at FROM risk_assessment";

  private static final String OVERRIDE =
      "SELECT o.id, o.assessment_id, o.scored_level, o.decided_level, o.reason, o.requested_by,"
          + " o.second_officer, o.requested_at, s.signed_by, s.signed_at FROM risk_override o"
          + " LEFT JOIN risk_override_signature s ON s.override_id = o.id";

  @Override
  public StoredAssessment addAssessment(
      long inmateId,
      String instrumentId,
      Map<String, String> values,
      Map<String, String> sources,
      RiskScore score,
      String by,
      Instant at) {
    em.createNativeQuery(
            "INSERT INTO risk_assessment (inmate_id, instrument_id, factor_values, sources,"
                + " log_odds, probability, level, assessed_by, assessed_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .setParameter(1, inmateId)
        .setParameter(2, instrumentId)
        .setParameter(3, lines(values))
        .setParameter(4, lines(sources))
        .setParameter(5, score.logOdds())
        .setParameter(6, score.probability())
        .setParameter(7, score.level().name())
        .setParameter(8, by)
        .setParameter(9, Timestamp.from(at))
        .executeUpdate();
    long id = lastId();
    return new StoredAssessment(
        id,
        inmateId,
        instrumentId,
        new TreeMap<>(values),
        new TreeMap<>(sources),
        score.logOdds(),
        score.probability(),
        score.level(),
        by,
        at);
  }

  @Override
  public Optional<StoredAssessment> assessment(long id) {
    return assessments(ASSESSMENT + " WHERE id = " + id).stream().findFirst();
  }

  @Override
  public List<StoredAssessment> assessmentsOf(long inmateId) {
    return assessments(ASSESSMENT + " WHERE inmate_id = " + inmateId + " ORDER BY id DESC");
  }

  @Override
  public StoredOverride addOverride(long assessmentId, RiskOverride o, Instant at) {
    em.createNativeQuery(
            "INSERT INTO risk_override (assessment_id, scored_level, decided_level, reason,"
                + " requested_by, second_officer, requested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .setParameter(1, assessmentId)
        .setParameter(2, o.scored().name())
        .setParameter(3, o.decided().name())
        .setParameter(4, o.reason())
        .setParameter(5, o.officer())
        .setParameter(6, o.secondOfficer())
        .setParameter(7, Timestamp.from(at))
        .executeUpdate();
    return override(lastId(), false).orElseThrow();
  }

  @Override
  public Optional<StoredOverride> override(long id, boolean lock) {
    if (lock) {
      // two countersignatures at once: the second waits here and then finds the first
      em.createNativeQuery("SELECT id FROM risk_override WHERE id = ?1 FOR UPDATE")
          .setParameter(1, id)
          .getResultList();
    }
    return overrides(OVERRIDE + " WHERE o.id = " + id).stream().findFirst();
  }

  @Override
  public List<StoredOverride> overridesOf(long assessmentId) {
    return overrides(OVERRIDE + " WHERE o.assessment_id = " + assessmentId + " ORDER BY o.id");
  }

  @Override
  public List<StoredOverride> awaitingSignatureOf(String login) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                OVERRIDE
                    + " WHERE s.override_id IS NULL AND o.second_officer = ?1"
                    + " ORDER BY o.id")
            .setParameter(1, login)
            .getResultList();
    return rows.stream().map(RiskRecordStore::override).toList();
  }

  @Override
  public void sign(long overrideId, String by, Instant at) {
    em.createNativeQuery(
            "INSERT INTO risk_override_signature (override_id, signed_by, signed_at)"
                + " VALUES (?1, ?2, ?3)")
        .setParameter(1, overrideId)
        .setParameter(2, by)
        .setParameter(3, Timestamp.from(at))
        .executeUpdate();
  }

  @Override
  public StoredValidation addValidation(
      String instrumentId,
      String source,
      String sha256,
      ValidationReport report,
      String reportJson,
      String by,
      Instant at) {
    Double auc = Double.isNaN(report.auc()) ? null : report.auc();
    em.createNativeQuery(
            "INSERT INTO risk_validation (instrument_id, source, file_sha256, cases, reoffended,"
                + " auc, report, imported_by, imported_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .setParameter(1, instrumentId)
        .setParameter(2, source)
        .setParameter(3, sha256)
        .setParameter(4, report.cases())
        .setParameter(5, report.reoffended())
        .setParameter(6, auc)
        .setParameter(7, reportJson)
        .setParameter(8, by)
        .setParameter(9, Timestamp.from(at))
        .executeUpdate();
    return new StoredValidation(
        lastId(),
        instrumentId,
        source,
        sha256,
        report.cases(),
        report.reoffended(),
        auc,
        reportJson,
        by,
        at);
  }

  @Override
  public List<StoredValidation> validations() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, instrument_id, source, file_sha256, cases, reoffended, auc, report,"
                    + " imported_by, imported_at FROM risk_validation ORDER BY id DESC")
            .getResultList();
    List<StoredValidation> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(
          new StoredValidation(
              ((Number) r[0]).longValue(),
              (String) r[1],
              (String) r[2],
              (String) r[3],
              ((Number) r[4]).intValue(),
              ((Number) r[5]).intValue(),
              r[6] == null ? null : ((Number) r[6]).doubleValue(),
              (String) r[7],
              (String) r[8],
              instant(r[9])));
    }
    return out;
  }

  private long lastId() {
    return ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
  }

  private List<StoredAssessment> assessments(String sql) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery(sql).getResultList();
    List<StoredAssessment> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(
          new StoredAssessment(
              ((Number) r[0]).longValue(),
              ((Number) r[1]).longValue(),
              (String) r[2],
              parse((String) r[3]),
              parse((String) r[4]),
              ((Number) r[5]).doubleValue(),
              ((Number) r[6]).doubleValue(),
              RiskLevel.valueOf((String) r[7]),
              (String) r[8],
              instant(r[9])));
    }
    return out;
  }

  private List<StoredOverride> overrides(String sql) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery(sql).getResultList();
    return rows.stream().map(RiskRecordStore::override).toList();
  }

  private static StoredOverride override(Object[] r) {
    return new StoredOverride(
        ((Number) r[0]).longValue(),
        ((Number) r[1]).longValue(),
        RiskLevel.valueOf((String) r[2]),
        RiskLevel.valueOf((String) r[3]),
        (String) r[4],
        (String) r[5],
        (String) r[6],
        instant(r[7]),
        (String) r[8],
        r[9] == null ? null : instant(r[9]));
  }

  /** FACTOR=VALUE per line, sorted; values and sources never hold a line break or '='. */
  static String lines(Map<String, String> m) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(m).entrySet()) {
      b.append(e.getKey()).append('=').append(e.getValue().replace('\n', ' ')).append('\n');
    }
    return b.toString();
  }

  static Map<String, String> parse(String text) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        m.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return m;
  }

  private static Instant instant(Object o) {
    if (o instanceof Timestamp t) {
      return t.toInstant();
    }
    if (o instanceof java.time.LocalDateTime l) {
      return Timestamp.valueOf(l).toInstant();
    }
    return (Instant) o;
  }
}
