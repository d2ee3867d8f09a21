package cn.xinsheng.ledger.application;

import cn.xinsheng.ledger.domain.AssessmentRules;
import cn.xinsheng.ledger.domain.PartSplit;
import cn.xinsheng.ledger.domain.Points;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A prison's settings of the points regulation ({@code xinsheng.ledger.*}), with the regulation's
 * figures as defaults.
 */
@ApplicationScoped
public class LedgerSettings {

  @Inject
  @ConfigProperty(name = "xinsheng.ledger.split", defaultValue = "35,35,30")
  String split;

  @Inject
  @ConfigProperty(name = "xinsheng.ledger.bonus-cap-percent", defaultValue = "50")
  int bonusCapPercent;

  @Inject
  @ConfigProperty(name = "xinsheng.ledger.special-per-event", defaultValue = "100")
  int specialPerEvent;

  @Inject
  @ConfigProperty(name = "xinsheng.ledger.special-per-year", defaultValue = "300")
  int specialPerYear;

  @Inject
  @ConfigProperty(name = "xinsheng.ledger.cycle-points", defaultValue = "600")
  int cyclePoints;

  /** Working days a published month stays open to objections. */
  @Inject
  @ConfigProperty(name = "xinsheng.ledger.objection-window-days", defaultValue = "3")
  int objectionWindowDays;

  /** The prison this installation serves (the catalogue's owner). */
  @Inject
  @ConfigProperty(name = "xinsheng.prison-id", defaultValue = "1")
  long prisonId;

  /** Grading (issue 16): an administrative sanction in the cycle bars an award. */
  @Inject
  @ConfigProperty(name = "xinsheng.ledger.grading.sanction-bars-award", defaultValue = "true")
  boolean sanctionBarsAward;

  /** Grading (issue 16): at most this many deduction entries in a cycle for an award. */
  @Inject
  @ConfigProperty(name = "xinsheng.ledger.grading.max-deductions", defaultValue = "3")
  int maxDeductions;

  /** The prison's criteria for grading a cycle (等级评定), a setting, not law. */
  public cn.xinsheng.ledger.domain.Grading.Criteria gradingCriteria() {
    return new cn.xinsheng.ledger.domain.Grading.Criteria(sanctionBarsAward, maxDeductions);
  }

  public AssessmentRules rules() {
    return new AssessmentRules(
        PartSplit.parse(split),
        bonusCapPercent,
        Points.of(specialPerEvent),
        Points.of(specialPerYear),
        Points.of(cyclePoints));
  }

  public int objectionWindowDays() {
    return objectionWindowDays;
  }

  public long prisonId() {
    return prisonId;
  }
}
