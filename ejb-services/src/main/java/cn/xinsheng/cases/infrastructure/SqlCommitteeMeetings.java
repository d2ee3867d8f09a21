package cn.xinsheng.cases.infrastructure;

import static cn.xinsheng.platform.SqlValues.date;
import static cn.xinsheng.platform.SqlValues.num;

import cn.xinsheng.cases.domain.CommitteeMeetings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The committee's meetings on {@code committee_meeting}, {@code committee_member} and {@code
 * committee_agenda}, through the caller's transaction: {@link CommitteeMeetings} in native SQL with
 * typed rows (ADR 0013). Rows are only ever inserted.
 */
@ApplicationScoped
public class SqlCommitteeMeetings implements CommitteeMeetings {

  @Inject Clock clock;

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

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
    LocalDate heldOn = date(rows.get(0)[1]);
    String title = (String) rows.get(0)[2];
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
        heldOn,
        title,
        members.stream().map(String::valueOf).collect(Collectors.toCollection(LinkedHashSet::new)),
        agenda.stream().map(cn.xinsheng.platform.SqlValues::num).toList());
  }

  @Override
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

  @Override
  public List<Meeting> meetings() {
    @SuppressWarnings("unchecked")
    List<Object> ids =
        em.createNativeQuery("SELECT id FROM committee_meeting ORDER BY id DESC LIMIT 50")
            .getResultList();
    return ids.stream().map(i -> meeting(num(i))).toList();
  }

  @Override
  public long insertMeeting(
      LocalDate heldOn, String title, String by, Set<String> members, List<Long> cases) {
    em.createNativeQuery(
            "INSERT INTO committee_meeting (held_on, title, created_by, created_at) VALUES (?1, ?2, ?3, ?4)")
        .setParameter(1, java.sql.Date.valueOf(heldOn))
        .setParameter(2, title)
        .setParameter(3, by)
        .setParameter(4, Timestamp.from(clock.instant()))
        .executeUpdate();
    long id = num(em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult());
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
}
