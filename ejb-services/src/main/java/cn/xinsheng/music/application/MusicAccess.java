package cn.xinsheng.music.application;

import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.lms.application.TaughtLearners;
import cn.xinsheng.music.infrastructure.MusicStore;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.platform.SqlValues;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whose practice and takes the caller may read, deny by default: an inmate his own; a teacher the
 * learners of the cohorts he teaches (lms's TaughtLearners port, as readiness results since issue
 * 20); an officer the inmates of his sections (he uploads for them); the education office and the
 * examiners every take, read-only (music-exams narrows examiners to their candidates for exam
 * takes). Anyone else nothing.
 */
@RequestScoped
public class MusicAccess {

  @Inject Caller caller;
  @Inject CallerScope scope;
  @Inject TaughtLearners taught;
  @Inject MusicStore store;

  /**
   * A SQL condition on an inmate id column ({@code column}) that holds for exactly the inmates the
   * caller may read; {@code "1 = 0"} when none.
   */
  public String inmateCondition(String column, String sectionColumn) {
    if (caller.has(Role.EDU_ADMIN) || caller.has(Role.EXAMINER)) {
      return "1 = 1";
    }
    StringBuilder any = new StringBuilder("(1 = 0");
    if (caller.has(Role.INMATE)) {
      any.append(" OR ").append(column).append(" = ").append(ownInmateId().orElse(-1L));
    }
    if (caller.has(Role.TEACHER)) {
      List<Long> ids = taught.inmateIdsTaughtBy(caller.name());
      if (!ids.isEmpty()) {
        any.append(" OR ")
            .append(column)
            .append(" IN (")
            .append(ids.stream().map(String::valueOf).collect(Collectors.joining(",")))
            .append(")");
      }
    }
    if (caller.has(Role.OFFICER)) {
      var sections = scope.sections();
      if (!sections.isEmpty()) {
        any.append(" OR ")
            .append(sectionColumn)
            .append(" IN (")
            .append(sections.stream().map(String::valueOf).collect(Collectors.joining(",")))
            .append(")");
      }
    }
    return any.append(")").toString();
  }

  public Optional<Long> ownInmateId() {
    try {
      return Optional.of(scope.ownInmate().getId());
    } catch (Refusal r) {
      return Optional.empty();
    }
  }

  /** Whether the caller may read this inmate's practice and takes. */
  public boolean mayRead(long inmateId) {
    return store
        .one(
            "SELECT i.id FROM inmate i WHERE i.id = ?1 AND "
                + inmateCondition("i.id", "i.section_id"),
            inmateId)
        .isPresent();
  }

  /** Whether the caller may upload a take for this inmate or write feedback on his takes. */
  public boolean mayTeachOrUpload(long inmateId) {
    if (caller.has(Role.TEACHER) && taught.inmateIdsTaughtBy(caller.name()).contains(inmateId)) {
      return true;
    }
    if (caller.has(Role.OFFICER)) {
      return store
          .one("SELECT section_id FROM inmate WHERE id = ?1", inmateId)
          .map(r -> scope.sections().contains(SqlValues.num(r[0])))
          .orElse(false);
    }
    return false;
  }

  /** Whether the caller teaches this inmate (feedback is the teacher's). */
  public boolean teaches(long inmateId) {
    return caller.has(Role.TEACHER) && taught.inmateIdsTaughtBy(caller.name()).contains(inmateId);
  }
}
