package cn.xinsheng.music.infrastructure.exam;

import cn.xinsheng.music.domain.exam.ExamGrade;
import cn.xinsheng.music.domain.exam.GradeRecord;
import cn.xinsheng.readiness.application.MusicGrades;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The folk-music grades a person holds, for the release-readiness risk assessment (issue 20 reads
 * them through its {@link MusicGrades} port; the music context owns the tables), from the exam
 * board's published results only. The platform keeps the programme's whole exam record, so a person
 * without a published pass is answered "no grade" (the factor's 未参加 / not graded, scored as the
 * reference), never left unknown.
 */
@ApplicationScoped
public class ExamGrades implements MusicGrades {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @Override
  public Optional<Boolean> passedAGrade(long inmateId) {
    return Optional.of(recordOf(inmateId).passedAGrade());
  }

  /** The person's published results, oldest first. */
  public GradeRecord recordOf(long inmateId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT s.instrument_code, s.level, s.exam_date, r.grade"
                    + " FROM music_exam_result r"
                    + " JOIN music_exam_candidate c ON c.id = r.candidate_id"
                    + " JOIN music_exam_session s ON s.id = c.session_id"
                    + " WHERE c.inmate_id = ?1 ORDER BY s.exam_date, r.id")
            .setParameter(1, inmateId)
            .getResultList();
    return new GradeRecord(
        rows.stream()
            .map(
                r ->
                    new GradeRecord.Result(
                        (String) r[0],
                        ((Number) r[1]).intValue(),
                        r[2] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[2],
                        ExamGrade.valueOf((String) r[3])))
            .toList());
  }
}
