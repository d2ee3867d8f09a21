package cn.xinsheng.lms.infrastructure;

import static cn.xinsheng.lms.infrastructure.NativeSql.exists;
import static cn.xinsheng.lms.infrastructure.NativeSql.list;
import static cn.xinsheng.platform.SqlValues.integer;
import static cn.xinsheng.platform.SqlValues.num;

import cn.xinsheng.lms.domain.EducationCredits;
import cn.xinsheng.organisation.application.InmateDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * {@link EducationCredits} in native SQL (ADR 0013) on learning's tables; which inmates a section
 * holds and their numbers and names are organisation's answers ({@link InmateDirectory}, {@link
 * LearnerNames}).
 */
@ApplicationScoped
public class EducationCreditStore implements EducationCredits {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @jakarta.inject.Inject InmateDirectory inmates;
  @jakarta.inject.Inject LearnerNames names;

  private static final String CANDIDATES =
      // the inmate's id twice: kept, and made his prisoner number (LearnerNames)
      "SELECT e.inmate_id, e.inmate_id, NULL, c.id, c.title, p.kind, c.credits FROM enrolment e"
          + " JOIN course c ON c.id = e.course_id JOIN programme p ON p.id = c.programme_id";

  /** Named and in the order lists show them: by prisoner number, then course title. */
  private List<Candidate> candidates(List<Object[]> rows) {
    return names.fill(new java.util.ArrayList<>(rows), 1, 2).stream()
        .map(EducationCreditStore::candidate)
        .sorted(
            java.util.Comparator.comparing(Candidate::prisonerNumber)
                .thenComparing(Candidate::course))
        .toList();
  }

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
    java.util.Set<Long> held = inmates.inSections(sections).keySet();
    if (held.isEmpty()) {
      return List.of();
    }
    // the ids are numbers organisation gave, not text from a request
    String in = held.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("0");
    return candidates(list(em, CANDIDATES + " WHERE e.inmate_id IN (" + in + ")", r -> r));
  }

  @Override
  public List<Candidate> candidate(long inmateId, long courseId) {
    return candidates(
        list(em, CANDIDATES + " WHERE e.inmate_id = ?1 AND c.id = ?2", r -> r, inmateId, courseId));
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
