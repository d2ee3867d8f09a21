package cn.xinsheng.music.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.music.domain.MusicReaders.Action;
import cn.xinsheng.music.domain.MusicReaders.Reader;
import cn.xinsheng.music.domain.MusicReaders.Subject;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 19 item 10, the role matrix of the music records: each role against each action on the
 * takes and practice it is tied to and on those it is not. Inmate 1 is the caller himself, taught
 * by the teacher and in the officer's section 11; inmate 2 is nobody's here (section 12). Take 100
 * is inmate 1's performance on the examiner's panel; take 200 is inmate 2's performance on another
 * panel.
 */
class MusicReadersTest {

  private static final long MINE = 1;
  private static final long OTHER = 2;

  /** A reader of one role, holding every fact that role could reach through. */
  private static Reader as(String role) {
    return new Reader(
        role.equals("BOARD"),
        role.equals("INMATE"),
        role.equals("TEACHER"),
        role.equals("OFFICER"),
        role.equals("EXAMINER"),
        role.equals("INMATE") ? MINE : null,
        role.equals("TEACHER") ? Set.of(MINE) : Set.of(),
        role.equals("OFFICER") ? Set.of(11L) : Set.of(),
        role.equals("EXAMINER") ? Set.of(100L) : Set.of());
  }

  private static Subject subject(String which) {
    return switch (which) {
      case "own-practice-take" -> new Subject(MINE, 11, false, 10L);
      case "own-exam-take" -> new Subject(MINE, 11, true, 100L);
      case "other-practice-take" -> new Subject(OTHER, 12, false, 20L);
      case "other-exam-take" -> new Subject(OTHER, 12, true, 200L);
      case "own-practice" -> new Subject(MINE, 11, false, null);
      case "other-practice" -> new Subject(OTHER, 12, false, null);
      default -> throw new IllegalArgumentException(which);
    };
  }

  @ParameterizedTest(name = "{0} {1} {2}: {3}")
  @CsvSource({
    // the board reads everything and writes nothing
    "BOARD,    READ_TAKE,      own-practice-take,   true",
    "BOARD,    READ_TAKE,      other-exam-take,     true",
    "BOARD,    READ_PRACTICE,  other-practice,      true",
    "BOARD,    ADD_TAKE,       own-practice,        false",
    "BOARD,    WRITE_FEEDBACK, own-practice-take,   false",
    // an inmate: his own, practice and exam
    "INMATE,   READ_TAKE,      own-practice-take,   true",
    "INMATE,   READ_TAKE,      own-exam-take,       true",
    "INMATE,   READ_TAKE,      other-practice-take, false",
    "INMATE,   READ_TAKE,      other-exam-take,     false",
    "INMATE,   READ_PRACTICE,  own-practice,        true",
    "INMATE,   READ_PRACTICE,  other-practice,      false",
    "INMATE,   ADD_TAKE,       own-practice,        true",
    "INMATE,   ADD_TAKE,       other-practice,      false",
    "INMATE,   WRITE_FEEDBACK, own-practice-take,   false",
    // a teacher: his cohorts' learners
    "TEACHER,  READ_TAKE,      own-practice-take,   true",
    "TEACHER,  READ_TAKE,      own-exam-take,       true",
    "TEACHER,  READ_TAKE,      other-practice-take, false",
    "TEACHER,  READ_TAKE,      other-exam-take,     false",
    "TEACHER,  READ_PRACTICE,  own-practice,        true",
    "TEACHER,  READ_PRACTICE,  other-practice,      false",
    "TEACHER,  ADD_TAKE,       own-practice,        true",
    "TEACHER,  ADD_TAKE,       other-practice,      false",
    "TEACHER,  WRITE_FEEDBACK, own-practice-take,   true",
    "TEACHER,  WRITE_FEEDBACK, other-practice-take, false",
    // an officer: his sections
    "OFFICER,  READ_TAKE,      own-practice-take,   true",
    "OFFICER,  READ_TAKE,      other-exam-take,     false",
    "OFFICER,  READ_PRACTICE,  own-practice,        true",
    "OFFICER,  READ_PRACTICE,  other-practice,      false",
    "OFFICER,  ADD_TAKE,       own-practice,        true",
    "OFFICER,  ADD_TAKE,       other-practice,      false",
    "OFFICER,  WRITE_FEEDBACK, own-practice-take,   false",
    // an examiner: the performances of the candidates on his panel, nothing else
    "EXAMINER, READ_TAKE,      own-exam-take,       true",
    "EXAMINER, READ_TAKE,      other-exam-take,     false",
    "EXAMINER, READ_TAKE,      own-practice-take,   false",
    "EXAMINER, READ_TAKE,      other-practice-take, false",
    "EXAMINER, READ_PRACTICE,  own-practice,        false",
    "EXAMINER, ADD_TAKE,       own-practice,        false",
    "EXAMINER, WRITE_FEEDBACK, own-exam-take,       false",
    // anyone else (an external reader, the administrator): nothing
    "NOBODY,   READ_TAKE,      own-exam-take,       false",
    "NOBODY,   READ_TAKE,      own-practice-take,   false",
    "NOBODY,   READ_PRACTICE,  own-practice,        false",
    "NOBODY,   ADD_TAKE,       own-practice,        false",
    "NOBODY,   WRITE_FEEDBACK, own-practice-take,   false",
  })
  void theRoleMatrix(String role, Action action, String which, boolean allowed) {
    assertEquals(allowed, MusicReaders.may(as(role), action, subject(which)));
  }

  @Test
  void anExaminerOnNoPanelReadsNoTakeAtAll() {
    Reader idle = new Reader(false, false, false, false, true, null, Set.of(), Set.of(), Set.of());
    MusicReaders.Scope s = MusicReaders.takes(idle);
    assertFalse(s.everything());
    assertTrue(s.inmates().isEmpty() && s.sections().isEmpty() && s.examTakes().isEmpty());
  }

  @Test
  void aPracticeTakeWithTheIdOfAnAssignedPerformanceIsStillNotTheExaminers() {
    // the exam takes he reads are exam takes: an id alone opens nothing
    assertFalse(
        MusicReaders.may(as("EXAMINER"), Action.READ_TAKE, new Subject(OTHER, 12, false, 100L)));
  }

  @Test
  void rolesAddUp() {
    // a teacher who is also an examiner: his learners' takes and his panel's performances
    Reader both =
        new Reader(false, false, true, false, true, null, Set.of(MINE), Set.of(), Set.of(200L));
    assertTrue(MusicReaders.may(both, Action.READ_TAKE, subject("own-practice-take")));
    assertTrue(MusicReaders.may(both, Action.READ_TAKE, subject("other-exam-take")));
    assertFalse(MusicReaders.may(both, Action.READ_TAKE, subject("other-practice-take")));
    assertFalse(MusicReaders.may(both, Action.READ_PRACTICE, subject("other-practice")));
  }
}
