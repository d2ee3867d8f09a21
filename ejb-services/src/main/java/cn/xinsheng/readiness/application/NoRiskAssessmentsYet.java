package cn.xinsheng.readiness.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Scaffolding while risk assessments are built on another branch (issue 20): nobody has been
 * assessed. The branch that stores assessments deletes this class and implements the port.
 */
@ApplicationScoped
public class NoRiskAssessmentsYet implements RiskAssessments {
  @Override
  public Optional<CurrentAssessment> currentFor(long inmateId) {
    return Optional.empty();
  }
}
