package cn.xinsheng.readiness.application;

import cn.xinsheng.readiness.domain.RiskLevel;
import cn.xinsheng.readiness.domain.RiskScore;
import java.time.Instant;
import java.util.Optional;

/**
 * The port through which the release plan and the handover to community corrections read a person's
 * current risk assessment, without knowing how assessments are stored or overridden. The level
 * shown is the officer's override where one was signed by a second officer, and the score with its
 * contributions is always kept beside it so nobody sees a level without reasons.
 */
public interface RiskAssessments {

  /** A person's latest assessment as the handover carries it. */
  record CurrentAssessment(
      long assessmentId,
      long inmateId,
      Instant assessedAt,
      RiskScore score,
      /* the level after a countersigned override, else the score's level */
      RiskLevel effectiveLevel,
      boolean overridden,
      String overrideReason) {}

  /** The latest assessment of one inmate, empty when none was made. */
  Optional<CurrentAssessment> currentFor(long inmateId);
}
