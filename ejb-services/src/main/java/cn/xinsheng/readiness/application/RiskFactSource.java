package cn.xinsheng.readiness.application;

import cn.xinsheng.readiness.domain.PlatformFacts;
import java.time.LocalDate;

/** What the platform knows about one inmate that the instrument asks for (read, never written). */
public interface RiskFactSource {

  PlatformFacts factsOf(long inmateId, LocalDate today);

  /** The inmate's prisoner number, so a stored assessment is checked against the caller's scope. */
  String prisonerNumber(long inmateId);
}
