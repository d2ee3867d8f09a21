package cn.xinsheng.readiness.application;

import java.util.Optional;

/**
 * The named extension point through which the folk-music programme (民乐修心, issue 19) tells the risk
 * assessment whether a person passed a grade. Music implements it when its exams land; until a bean
 * answers, the factor MUSIC_PROGRAMME is the officer's to enter, never assumed.
 */
public interface MusicGrades {

  /** True when the inmate passed at least one grade, false when he takes part without one yet. */
  Optional<Boolean> passedAGrade(long inmateId);
}
