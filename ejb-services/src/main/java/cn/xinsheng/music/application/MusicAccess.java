package cn.xinsheng.music.application;

import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.lms.application.TaughtLearners;
import cn.xinsheng.music.domain.MusicReaders;
import cn.xinsheng.music.infrastructure.MusicStore;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.organisation.application.InmateDirectory;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.platform.SqlValues;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whose practice and takes the caller may read, by the rule of {@link MusicReaders} (deny by
 * default): the caller's facts are gathered here — his own inmate, the learners he teaches (lms's
 * TaughtLearners port), his sections, and the exam takes of the candidates on whose panel he sits —
 * and the rule's scope becomes a SQL condition for the lists and a check for one record.
 */
@RequestScoped
public class MusicAccess {

  @Inject Caller caller;
  @Inject CallerScope scope;
  @Inject TaughtLearners taught;
  @Inject MusicStore store;
  @Inject InmateDirectory directory;

  private MusicReaders.Reader reader;

  /** The caller as the rule sees him (gathered once a request). */
  public MusicReaders.Reader reader() {
    if (reader == null) {
      boolean inmate = caller.has(Role.INMATE);
      boolean teacher = caller.has(Role.TEACHER);
      boolean officer = caller.has(Role.OFFICER);
      boolean examiner = caller.has(Role.EXAMINER);
      reader =
          new MusicReaders.Reader(
              caller.has(Role.EDU_ADMIN),
              inmate,
              teacher,
              officer,
              examiner,
              inmate ? ownInmateId().orElse(null) : null,
              teacher ? new HashSet<>(taught.inmateIdsTaughtBy(caller.name())) : Set.of(),
              officer ? new HashSet<>(scope.sections()) : Set.of(),
              examiner ? panelTakes(caller.name()) : Set.of());
    }
    return reader;
  }

  /** The exam takes of the candidates on whose panel the examiner sits. */
  private Set<Long> panelTakes(String examiner) {
    Set<Long> out = new HashSet<>();
    for (Object[] r :
        store.rows(
            "SELECT pt.take_id FROM music_performance_take pt"
                + " JOIN music_panel_seat ps ON ps.candidate_id = pt.candidate_id"
                + " WHERE ps.examiner = ?1",
            examiner)) {
      out.add(SqlValues.num(r[0]));
    }
    return out;
  }

  /**
   * A SQL condition on the takes ({@code take} its alias, with {@code id}, {@code inmate_id} and
   * {@code purpose}) that holds for exactly the takes the caller may read.
   */
  public String takeCondition(String take) {
    return condition(MusicReaders.takes(reader()), take + ".inmate_id", take);
  }

  /**
   * A SQL condition on an inmate id column ({@code column}) that holds for exactly the inmates
   * whose practice log the caller may read; {@code "1 = 0"} when none.
   */
  public String practiceCondition(String column) {
    return condition(MusicReaders.practice(reader()), column, null);
  }

  /**
   * The scope as SQL on the inmate column: the inmates it names, and those now in its sections
   * (organisation's {@code InmateDirectory} names them, so no SQL here joins the inmate table).
   */
  private String condition(MusicReaders.Scope s, String inmateColumn, String take) {
    Set<Long> inSections =
        s.everything() || s.sections().isEmpty()
            ? Set.of()
            : directory.inSections(s.sections()).keySet();
    return condition(s, inSections, inmateColumn, take);
  }

  /**
   * The condition for a scope whose sections hold {@code inSections} now: the rule's scope as SQL
   * on ids only, so nothing a caller passes becomes SQL.
   */
  static String condition(
      MusicReaders.Scope s, Set<Long> inSections, String inmateColumn, String take) {
    if (s.everything()) {
      return "1 = 1";
    }
    StringBuilder any = new StringBuilder("(1 = 0");
    if (!s.inmates().isEmpty()) {
      any.append(" OR ").append(inmateColumn).append(" IN (").append(ids(s.inmates())).append(")");
    }
    if (!inSections.isEmpty()) {
      any.append(" OR ").append(inmateColumn).append(" IN (").append(ids(inSections)).append(")");
    }
    if (take != null && !s.examTakes().isEmpty()) {
      any.append(" OR (")
          .append(take)
          .append(".purpose = 'EXAM' AND ")
          .append(take)
          .append(".id IN (")
          .append(ids(s.examTakes()))
          .append("))");
    }
    return any.append(")").toString();
  }

  private static String ids(Set<Long> ids) {
    return ids.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
  }

  public Optional<Long> ownInmateId() {
    try {
      return Optional.of(scope.ownInmate().getId());
    } catch (Refusal r) {
      return Optional.empty();
    }
  }

  /**
   * Whether the caller may upload a take for this inmate (his teacher, an officer of his section).
   */
  public boolean mayTeachOrUpload(long inmateId) {
    MusicReaders.Reader r = reader();
    if (!r.teacher() && !r.officer()) {
      return false;
    }
    return Optional.ofNullable(directory.inmates(List.of(inmateId)).get(inmateId))
        .map(
            inmate ->
                MusicReaders.may(
                    // uploading for another: the inmate's own recording is recordMine's
                    new MusicReaders.Reader(
                        false,
                        false,
                        r.teacher(),
                        r.officer(),
                        false,
                        null,
                        r.taught(),
                        r.sections(),
                        Set.of()),
                    MusicReaders.Action.ADD_TAKE,
                    new MusicReaders.Subject(inmateId, inmate.sectionId(), false, null)))
        .orElse(false);
  }

  /** Whether the caller may write feedback on this inmate's takes (his teacher). */
  public boolean teaches(long inmateId) {
    return MusicReaders.may(
        reader(),
        MusicReaders.Action.WRITE_FEEDBACK,
        new MusicReaders.Subject(inmateId, -1, false, null));
  }
}
