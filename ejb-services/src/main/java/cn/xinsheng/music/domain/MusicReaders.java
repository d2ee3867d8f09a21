package cn.xinsheng.music.domain;

import java.util.Set;

/**
 * Who may read and write which folk-music records (issue 19, item 10), deny by default: the rule in
 * plain Java, which the music services apply to one record and turn into a query for their lists.
 *
 * <ul>
 *   <li>The exam board (education administrator) reads every take and practice entry, read-only.
 *   <li>An inmate reads his own takes (practice and exam) and practice log, and records his own.
 *   <li>A teacher reads the takes and practice of the learners of the cohorts he teaches, uploads
 *       takes for them and writes the feedback.
 *   <li>An officer reads the takes and practice of the inmates of his sections and uploads for
 *       them.
 *   <li>An examiner reads only the exam takes that are the recorded performances of candidates on
 *       whose panel he sits; no practice take and no practice log (DOMAIN §1: examiners grade
 *       exams; practice is the teacher's, and an examiner who taught the candidate is recused).
 *   <li>Anyone else nothing.
 * </ul>
 */
public final class MusicReaders {

  private MusicReaders() {}

  /** What a caller may want to do with a take or the practice log. */
  public enum Action {
    READ_TAKE,
    READ_PRACTICE,
    ADD_TAKE,
    WRITE_FEEDBACK
  }

  /**
   * What is known of the caller: his roles, and the facts each role reaches through.
   *
   * @param ownInmate the inmate the caller is, if he is one
   * @param taught the learners of the cohorts he teaches (as a teacher)
   * @param sections the sections he works in (as an officer)
   * @param panelTakes the exam takes of the candidates on whose panel he sits (as an examiner)
   */
  public record Reader(
      boolean board,
      boolean inmate,
      boolean teacher,
      boolean officer,
      boolean examiner,
      Long ownInmate,
      Set<Long> taught,
      Set<Long> sections,
      Set<Long> panelTakes) {

    public Reader {
      taught = Set.copyOf(taught);
      sections = Set.copyOf(sections);
      panelTakes = Set.copyOf(panelTakes);
    }
  }

  /**
   * A take or a practice entry: whose it is, his section, whether it is an exam performance, and
   * the take's id (null for a practice entry).
   */
  public record Subject(long inmateId, long sectionId, boolean exam, Long takeId) {}

  /**
   * What a reader may read, as sets a store can query: everything, or the inmates, the sections and
   * the exam takes named. Empty sets: nothing.
   */
  public record Scope(
      boolean everything, Set<Long> inmates, Set<Long> sections, Set<Long> examTakes) {

    public Scope {
      inmates = Set.copyOf(inmates);
      sections = Set.copyOf(sections);
      examTakes = Set.copyOf(examTakes);
    }

    public boolean covers(Subject s) {
      return everything
          || inmates.contains(s.inmateId())
          || sections.contains(s.sectionId())
          || (s.exam() && s.takeId() != null && examTakes.contains(s.takeId()));
    }
  }

  /**
   * A scope made concrete for a store: the scope, with the inmates its sections hold now (named by
   * organisation, so a store needs no join on the inmate table).
   */
  public record Readable(Scope scope, Set<Long> inSections) {

    public Readable {
      inSections = Set.copyOf(inSections);
    }
  }

  /** The takes a reader may read. */
  public static Scope takes(Reader r) {
    return new Scope(
        r.board(),
        inmates(r),
        r.officer() ? r.sections() : Set.of(),
        r.examiner() ? r.panelTakes() : Set.of());
  }

  /** The practice log a reader may read: as the takes, without the examiner's exam takes. */
  public static Scope practice(Reader r) {
    return new Scope(r.board(), inmates(r), r.officer() ? r.sections() : Set.of(), Set.of());
  }

  private static Set<Long> inmates(Reader r) {
    Set<Long> out = new java.util.HashSet<>();
    if (r.inmate() && r.ownInmate() != null) {
      out.add(r.ownInmate());
    }
    if (r.teacher()) {
      out.addAll(r.taught());
    }
    return out;
  }

  /** Whether the reader may do this with this take or practice entry. */
  public static boolean may(Reader r, Action action, Subject s) {
    return switch (action) {
      case READ_TAKE -> takes(r).covers(s);
      case READ_PRACTICE ->
          practice(r).covers(new Subject(s.inmateId(), s.sectionId(), false, null));
      case ADD_TAKE ->
          (r.inmate() && r.ownInmate() != null && r.ownInmate() == s.inmateId())
              || (r.teacher() && r.taught().contains(s.inmateId()))
              || (r.officer() && r.sections().contains(s.sectionId()));
      case WRITE_FEEDBACK -> r.teacher() && r.taught().contains(s.inmateId());
    };
  }
}
