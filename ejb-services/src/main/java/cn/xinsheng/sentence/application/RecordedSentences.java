package cn.xinsheng.sentence.application;

import java.util.Optional;

/**
 * The sentence record in force as other contexts may read it (issue 20: the risk assessment asks
 * whether the inmate is a recidivist, 累犯). Answers in the caller's transaction; the caller's
 * service decides who may see the inmate.
 */
public interface RecordedSentences {

  /** Whether the latest sentence record names the inmate a recidivist; empty when none is kept. */
  Optional<Boolean> recidivist(long inmateId);
}
