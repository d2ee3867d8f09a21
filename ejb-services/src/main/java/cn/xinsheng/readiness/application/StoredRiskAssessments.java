package cn.xinsheng.readiness.application;

import cn.xinsheng.readiness.domain.FactorValues;
import cn.xinsheng.readiness.domain.RiskInstrument;
import cn.xinsheng.readiness.domain.RiskLevel;
import cn.xinsheng.readiness.domain.RiskRecords;
import cn.xinsheng.readiness.domain.RiskRecords.StoredAssessment;
import cn.xinsheng.readiness.domain.RiskRecords.StoredOverride;
import cn.xinsheng.readiness.domain.RiskScore;
import cn.xinsheng.readiness.infrastructure.InstrumentFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * {@link RiskAssessments} from the stored assessments: the latest one, its score recomputed from
 * the values it was made on with the instrument version it names (so every contribution comes
 * back), and the latest countersigned override. An override that is only requested changes nothing.
 * Reads in the caller's transaction; the calling service (plan, handover) checks who may read.
 */
@ApplicationScoped
public class StoredRiskAssessments implements RiskAssessments {

  @Inject RiskRecords records;

  @Override
  public Optional<CurrentAssessment> currentFor(long inmateId) {
    List<StoredAssessment> all = records.assessmentsOf(inmateId);
    if (all.isEmpty()) {
      return Optional.empty();
    }
    StoredAssessment a = all.get(0);
    RiskInstrument instrument = InstrumentFile.defaultInstrument();
    if (!instrument.id().equals(a.instrumentId())) {
      throw new IllegalStateException(
          "an assessment made with an unknown instrument: " + a.instrumentId());
    }
    RiskScore score = instrument.score(new FactorValues(a.values()));
    RiskLevel effective = score.level();
    boolean overridden = false;
    String reason = null;
    for (StoredOverride o : records.overridesOf(a.id())) {
      if (o.signed()) {
        effective = o.decided();
        overridden = true;
        reason = o.reason();
      }
    }
    return Optional.of(
        new CurrentAssessment(
            a.id(), inmateId, a.assessedAt(), score, effective, overridden, reason));
  }
}
