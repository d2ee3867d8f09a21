package cn.xinsheng.music.infrastructure.exam;

import cn.xinsheng.readiness.application.MusicCertificates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;

/**
 * The folk-music grading certificates a person holds, for the handover to community corrections
 * (issue 20 reads them through its {@link MusicCertificates} port; the music context owns the
 * tables). A certificate is issued only for a published pass, so every row here is one; the day is
 * the exam's, the number the certificate's verification code.
 */
@ApplicationScoped
public class ExamCertificates implements MusicCertificates {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @Override
  public List<Certificate> of(long inmateId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT i.name_zh, i.name_en, l.name_zh, s.exam_date, mc.code"
                    + " FROM music_certificate mc"
                    + " JOIN music_exam_candidate c ON c.id = mc.candidate_id"
                    + " JOIN music_exam_session s ON s.id = c.session_id"
                    + " JOIN music_instrument i ON i.code = s.instrument_code"
                    + " JOIN music_level l ON l.level = s.level"
                    + " WHERE c.inmate_id = ?1 ORDER BY s.exam_date, mc.id")
            .setParameter(1, inmateId)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Certificate(
                    (String) r[0],
                    (String) r[1],
                    (String) r[2],
                    r[3] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[3],
                    (String) r[4]))
        .toList();
  }
}
