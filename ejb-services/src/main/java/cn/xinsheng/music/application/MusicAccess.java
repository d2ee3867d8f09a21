package cn.xinsheng.music.application;

import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.lms.application.TaughtLearners;
import cn.xinsheng.music.domain.MusicReaders;
import cn.xinsheng.music.domain.Takes;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.organisation.application.InmateDirectory;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.Refusal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whose practice and takes the caller may read, by the rule of {@link MusicReaders} (deny by
 * default): the caller's facts are gathered here — his own inmate, the learners he teaches (lms's
 * TaughtLearners port), his sections, and the exam takes of the candidates on whose panel he sits —
 * and the rule's scope becomes the ids a store queries for the lists and a check for one record.
 */
@RequestScoped
public class MusicAccess {

  @Inject Caller caller;
  @Inject CallerScope scope;
  @Inject TaughtLearners taught;
  @Inject Takes takes;
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
    return new HashSet<>(takes.onPanelOf(examiner));
  }

  /** The takes the caller may read, for the store to query. */
  public MusicReaders.Readable readableTakes() {
    return readable(MusicReaders.takes(reader()));
  }

  /** The inmates whose practice log the caller may read, for the store to query. */
  public MusicReaders.Readable readablePractice() {
    return readable(MusicReaders.practice(reader()));
  }

  /**
   * The scope with the inmates now in its sections (organisation's {@code InmateDirectory} names
   * them, so no store joins the inmate table).
   */
  private MusicReaders.Readable readable(MusicReaders.Scope s) {
    Set<Long> inSections =
        s.everything() || s.sections().isEmpty()
            ? Set.of()
            : directory.inSections(s.sections()).keySet();
    return new MusicReaders.Readable(s, inSections);
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
