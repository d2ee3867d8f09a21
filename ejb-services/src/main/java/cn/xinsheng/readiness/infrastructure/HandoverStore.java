package cn.xinsheng.readiness.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Community corrections offices, the handovers issued to them and the first reports they record, in
 * native SQL through the caller's transaction. Handovers and reports are only added.
 */
@ApplicationScoped
public class HandoverStore {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  public record Office(long id, String code, String nameZh, String nameEn) {}

  /** A handover without its documents (the list). */
  public record HandoverRow(
      long id,
      long inmateId,
      String prisonerNumber,
      long officeId,
      LocalDate releaseOn,
      LocalDate reportDue,
      String jsonSha256,
      String pdfSha256,
      String issuedBy,
      Instant issuedAt) {}

  public record ReportRow(
      long id,
      long handoverId,
      LocalDate reportedOn,
      boolean late,
      String note,
      String recordedBy,
      Instant recordedAt) {}

  private static final String HANDOVER =
      "SELECT id, inmate_id, prisoner_number, office_id, release_on, report_due, json_sha256,"
          + " pdf_sha256, issued_by, issued_at FROM handover";

  @SuppressWarnings("unchecked")
  public List<Office> offices() {
    List<Office> out = new ArrayList<>();
    for (Object[] r :
        (List<Object[]>)
            em.createNativeQuery("SELECT id, code, name_zh, name_en FROM cc_office ORDER BY id")
                .getResultList()) {
      out.add(new Office(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3]));
    }
    return out;
  }

  public Optional<Office> office(long id) {
    return offices().stream().filter(o -> o.id() == id).findFirst();
  }

  /** The offices an account works for. */
  @SuppressWarnings("unchecked")
  public List<Long> officesOf(String username) {
    return ((List<Object>)
            em.createNativeQuery("SELECT office_id FROM cc_office_member WHERE username = ?1")
                .setParameter(1, username)
                .getResultList())
        .stream().map(o -> ((Number) o).longValue()).toList();
  }

  public long add(
      long inmateId,
      String prisonerNumber,
      long officeId,
      LocalDate releaseOn,
      LocalDate reportDue,
      String document,
      byte[] pdf,
      String jsonSha,
      String pdfSha,
      String by,
      Instant at) {
    em.createNativeQuery(
            "INSERT INTO handover (inmate_id, prisoner_number, office_id, release_on, report_due,"
                + " document, pdf, json_sha256, pdf_sha256, issued_by, issued_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
        .setParameter(1, inmateId)
        .setParameter(2, prisonerNumber)
        .setParameter(3, officeId)
        .setParameter(4, releaseOn)
        .setParameter(5, reportDue)
        .setParameter(6, document)
        .setParameter(7, pdf)
        .setParameter(8, jsonSha)
        .setParameter(9, pdfSha)
        .setParameter(10, by)
        .setParameter(11, Timestamp.from(at))
        .executeUpdate();
    return ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
  }

  public Optional<HandoverRow> handover(long id) {
    return rows(HANDOVER + " WHERE id = " + id).stream().findFirst();
  }

  public List<HandoverRow> ofOffices(Collection<Long> officeIds) {
    if (officeIds.isEmpty()) {
      return List.of();
    }
    // ids from our own rows, joined as literals (never text)
    String in = officeIds.stream().map(String::valueOf).collect(Collectors.joining(","));
    return rows(HANDOVER + " WHERE office_id IN (" + in + ") ORDER BY issued_at DESC, id DESC");
  }

  public List<HandoverRow> ofInmate(long inmateId) {
    return rows(HANDOVER + " WHERE inmate_id = " + inmateId + " ORDER BY issued_at DESC, id DESC");
  }

  public List<HandoverRow> all() {
    return rows(HANDOVER + " ORDER BY issued_at DESC, id DESC");
  }

  /** The issued JSON text and PDF bytes of a handover. */
  public record Documents(String json, byte[] pdf) {}

  public Documents documents(long id) {
    Object[] r =
        (Object[])
            em.createNativeQuery("SELECT document, pdf FROM handover WHERE id = ?1")
                .setParameter(1, id)
                .getSingleResult();
    return new Documents((String) r[0], (byte[]) r[1]);
  }

  /** A document any handover of the inmate issued, by its SHA-256 (an earlier handover's files). */
  @SuppressWarnings("unchecked")
  public byte[] documentBySha(long inmateId, String sha) {
    for (Object[] r :
        (List<Object[]>)
            em.createNativeQuery(
                    "SELECT document, pdf, json_sha256, pdf_sha256 FROM handover"
                        + " WHERE inmate_id = ?1 AND (json_sha256 = ?2 OR pdf_sha256 = ?2)")
                .setParameter(1, inmateId)
                .setParameter(2, sha)
                .getResultList()) {
      return sha.equals(r[2])
          ? ((String) r[0]).getBytes(java.nio.charset.StandardCharsets.UTF_8)
          : (byte[]) r[1];
    }
    return null;
  }

  public long addReport(
      long handoverId, LocalDate reportedOn, boolean late, String note, String by, Instant at) {
    em.createNativeQuery(
            "INSERT INTO first_report (handover_id, reported_on, late, note, recorded_by,"
                + " recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .setParameter(1, handoverId)
        .setParameter(2, reportedOn)
        .setParameter(3, late)
        .setParameter(4, note)
        .setParameter(5, by)
        .setParameter(6, Timestamp.from(at))
        .executeUpdate();
    return ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
  }

  /** First reports of these handovers, oldest first (the latest stands). */
  @SuppressWarnings("unchecked")
  public List<ReportRow> reports(Collection<Long> handoverIds) {
    if (handoverIds.isEmpty()) {
      return List.of();
    }
    String in = handoverIds.stream().map(String::valueOf).collect(Collectors.joining(","));
    List<ReportRow> out = new ArrayList<>();
    for (Object[] r :
        (List<Object[]>)
            em.createNativeQuery(
                    "SELECT id, handover_id, reported_on, late, note, recorded_by, recorded_at"
                        + " FROM first_report WHERE handover_id IN ("
                        + in
                        + ") ORDER BY id")
                .getResultList()) {
      out.add(
          new ReportRow(
              ((Number) r[0]).longValue(),
              ((Number) r[1]).longValue(),
              PlanStore.date(r[2]),
              r[3] instanceof Boolean b ? b : ((Number) r[3]).intValue() != 0,
              (String) r[4],
              (String) r[5],
              PlanStore.instant(r[6])));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private List<HandoverRow> rows(String sql) {
    List<HandoverRow> out = new ArrayList<>();
    for (Object[] r : (List<Object[]>) em.createNativeQuery(sql).getResultList()) {
      out.add(
          new HandoverRow(
              ((Number) r[0]).longValue(),
              ((Number) r[1]).longValue(),
              (String) r[2],
              ((Number) r[3]).longValue(),
              PlanStore.date(r[4]),
              PlanStore.date(r[5]),
              (String) r[6],
              (String) r[7],
              (String) r[8],
              PlanStore.instant(r[9])));
    }
    return out;
  }
}
