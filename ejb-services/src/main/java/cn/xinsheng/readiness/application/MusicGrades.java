package cn.xinsheng.readiness.application;

import java.util.Optional;

/**
 * The named extension point through which the folk-music programme (民乐修心, issue 19) tells the risk
 * assessment whether a person passed a grade. The music context answers it from the exam board's
 * published results (ExamGrades); were no bean to answer, the factor MUSIC_PROGRAMME would be the
 * officer's to enter, never assumed.
 */
public interface MusicGrades {

  /** True when the inmate passed at least one grade, false when he takes part without one yet. */
  Optional<Boolean> passedAGrade(long inmateId);
}
