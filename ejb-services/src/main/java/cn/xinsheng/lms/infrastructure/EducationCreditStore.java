package cn.xinsheng.lms.infrastructure;

import static cn.xinsheng.lms.infrastructure.NativeSql.exists;
import static cn.xinsheng.lms.infrastructure.NativeSql.list;
import static cn.xinsheng.platform.SqlValues.integer;
import static cn.xinsheng.platform.SqlValues.num;

import cn.xinsheng.lms.domain.EducationCredits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * {@link EducationCredits} in native SQL (ADR 0013). The candidates still join organisation's
 * {@code inmate} for the section, prisoner number and name (listed in the table-ownership guard).
 */
@ApplicationScoped
public class EducationCreditStore implements EducationCredits {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  private static final String CANDIDATES =
      "SELECT i.id, i.prisoner_number, i.name, c.id, c.title, p.kind, c.credits FROM enrolment e"
          + " JOIN inmate i ON i.id = e.inmate_id JOIN course c ON c.id = e.course_id JOIN programme p ON p.id = c.programme_id";

  private static Candidate candidate(Object[] r) {
    return new Candidate(
        num(r[0]),
        (String) r[1],
        (String) r[2],
        num(r[3]),
        (String) r[4],
        (String) r[5],
        integer(r[6]));
  }

  @Override
  public List<Candidate> candidatesIn(Collection<Long> sections) {
    if (sections.isEmpty()) {
      return List.of();
    }
    // the ids are numbers the caller's scope gave, not text from a request
    String in = sections.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("0");
    return list(
        em,
        CANDIDATES + " WHERE i.section_id IN (" + in + ") ORDER BY i.prisoner_number, c.title",
        EducationCreditStore::candidate);
  }

  @Override
  public List<Candidate> candidate(long inmateId, long courseId) {
    return list(
        em,
        CANDIDATES + " WHERE i.id = ?1 AND c.id = ?2 ORDER BY i.prisoner_number, c.title",
        EducationCreditStore::candidate,
        inmateId,
        courseId);
  }

  @Override
  public boolean credited(long inmateId, long courseId, long quizId) {
    return exists(
        em,
        "SELECT 1 FROM education_credit WHERE inmate_id = ?1 AND course_id = ?2 AND quiz_id = ?3",
        inmateId,
        courseId,
        quizId);
  }

  @Override
  public long insert(
      long inmateId, long courseId, long quizId, long entryId, String by, Instant at) {
    return NativeSql.insert(
        em,
        "INSERT INTO education_credit (inmate_id, course_id, quiz_id, entry_id, confirmed_by, confirmed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        inmateId,
        courseId,
        quizId,
        entryId,
        by,
        at);
  }

  @Override
  public List<Long> ids(long courseId, long inmateId) {
    return NativeSql.ids(
        em,
        "SELECT c.id FROM education_credit c WHERE c.course_id = ?1 AND c.inmate_id = ?2",
        courseId,
        inmateId);
  }
}
