package cn.xinsheng.music.domain.exam;

import java.time.Instant;

/**
 * The examiners on each candidate's panel (music_panel_seat, by seat), the conflicts examiners
 * declare (music_examiner_conflict) and the marks they give (music_exam_mark), all append-only.
 * Runs in the caller's transaction; the calling service checks who may ask.
 */
public interface ExamPanels {

  /** Seats an examiner on the candidate's panel; answers the seat's id. */
  long seat(long candidateId, int seat, String examiner, String assignedBy, Instant assignedAt);

  /** Records that the examiner knows the inmate; answers the declaration's id. */
  long declareConflict(String examiner, long inmateId, String note, Instant declaredAt);

  /** Whether the examiner declared that he knows the inmate. */
  boolean declaredConflict(String examiner, long inmateId);

  /** Records one item's mark of an examiner; answers its id. */
  long mark(long candidateId, String examiner, RubricItem item, int score, Instant markedAt);

  /** The candidate's panel by seat and the marks given so far, in the order they were given. */
  MarkSheet sheet(long candidateId);
}
