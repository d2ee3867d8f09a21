package cn.xinsheng.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.web.security.AccessMatrix.Decision;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 20's risk rows, role by role: officers assess and request overrides, the named second
 * officer (an officer or a reviewer) countersigns, the warden reads scores, reviewers import
 * outcomes, and every other role — the inmate, teachers, the external readers — reaches nothing.
 */
class RiskAccessMatrixTest {

  private final AccessMatrix matrix = AccessMatrix.load();

  private static final String API = "/api/v1/readiness/risk";

  /** Each path and method with the only roles allowed; every other role is refused. */
  private static final Map<String, Set<String>> ALLOWED =
      Map.ofEntries(
          Map.entry("GET /risk/assess.xhtml", Set.of("OFFICER")),
          Map.entry("GET /risk/score.xhtml", Set.of("OFFICER", "REVIEWER", "WARDEN")),
          Map.entry("GET /risk/overrides.xhtml", Set.of("OFFICER", "REVIEWER")),
          Map.entry("GET /risk/model.xhtml", Set.of("OFFICER", "REVIEWER", "WARDEN", "EXECUTION")),
          Map.entry(
              "GET " + API + "/inmates/3301000001/form", Set.of("OFFICER", "REVIEWER", "WARDEN")),
          Map.entry("POST " + API + "/inmates/3301000001/assessments", Set.of("OFFICER")),
          Map.entry("GET " + API + "/assessments/7", Set.of("OFFICER", "REVIEWER", "WARDEN")),
          Map.entry("POST " + API + "/assessments/7/overrides", Set.of("OFFICER")),
          Map.entry("POST " + API + "/overrides/3/signature", Set.of("OFFICER", "REVIEWER")),
          Map.entry("GET " + API + "/overrides/awaiting", Set.of("OFFICER", "REVIEWER")),
          Map.entry("GET " + API + "/model", Set.of("OFFICER", "REVIEWER", "WARDEN", "EXECUTION")),
          Map.entry("POST " + API + "/validations", Set.of("REVIEWER")),
          Map.entry(
              "GET " + API + "/validations", Set.of("OFFICER", "REVIEWER", "WARDEN", "EXECUTION")),
          Map.entry(
              "GET " + API + "/validations/synthetic",
              Set.of("OFFICER", "REVIEWER", "WARDEN", "EXECUTION")),
          // no method the rows do not name
          Map.entry("DELETE " + API + "/assessments/7", Set.of()),
          Map.entry("POST " + API + "/model", Set.of()));

  @Test
  void eachRoleReachesOnlyWhatItsRowsNameAndNothingWithoutALogin() {
    for (Map.Entry<String, Set<String>> e : ALLOWED.entrySet()) {
      String[] mp = e.getKey().split(" ", 2);
      for (Role r : Role.values()) {
        Decision expected = e.getValue().contains(r.name()) ? Decision.ALLOW : Decision.FORBIDDEN;
        assertEquals(
            expected, matrix.decide(mp[1], mp[0], true, Set.of(r.name())), r + " " + e.getKey());
      }
      assertEquals(
          Decision.LOGIN_REQUIRED, matrix.decide(mp[1], mp[0], false, Set.of()), e.getKey());
    }
  }
}
