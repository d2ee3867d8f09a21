package cn.xinsheng.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.web.security.AccessMatrix.Decision;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: role × action for signed scenario packages. Only the education office, which imports
 * courses, imports them, reads the list and withdraws a version; inmates, teachers and everyone
 * else are refused (403), and the inmates' own simulation endpoints do not open the packages' path.
 */
class ScenarioPackagesAccessMatrixTest {

  private final AccessMatrix matrix = AccessMatrix.load();

  private void only(String path, String method, String... roles) {
    Set<String> allowed = Set.of(roles);
    for (Role r : Role.values()) {
      Decision d = matrix.decide(path, method, true, Set.of(r.name()));
      assertEquals(
          allowed.contains(r.name()) ? Decision.ALLOW : Decision.FORBIDDEN,
          d,
          r + " " + method + " " + path);
    }
    assertEquals(Decision.LOGIN_REQUIRED, matrix.decide(path, method, false, Set.of()), path);
  }

  @Test
  void onlyTheEducationOfficeImportsAndListsScenarioPackages() {
    only("/api/v1/readiness/scenario-packages", "POST", "EDU_ADMIN");
    only("/api/v1/readiness/scenario-packages", "GET", "EDU_ADMIN");
    only("/eduadmin/scenarios.xhtml", "GET", "EDU_ADMIN");
    only("/eduadmin/scenarios.xhtml", "POST", "EDU_ADMIN");
    only("/api/v1/readiness/scenario-packages", "DELETE");
    only("/api/v1/readiness/scenario-packages", "PUT");
    // withdrawing a version: the office alone, and nothing else under the package's path
    only(
        "/api/v1/readiness/scenario-packages/cn.example.scenarios/1/withdrawal",
        "POST",
        "EDU_ADMIN");
    only("/api/v1/readiness/scenario-packages/cn.example.scenarios/1/withdrawal", "GET");
    only("/api/v1/readiness/scenario-packages/cn.example.scenarios/1/withdrawal", "DELETE");
    only("/api/v1/readiness/scenario-packages/cn.example.scenarios/1", "PUT");
    // the course import is the same office's, so the two stay together
    only("/api/v1/lms/packages", "POST", "EDU_ADMIN");
  }

  @Test
  void inmatesStillPlayEveryScenarioIncludingImportedOnes() {
    only("/api/v1/readiness/scenarios", "GET", "INMATE");
    only("/api/v1/readiness/scenarios/bus-card/play", "POST", "INMATE");
    only("/api/v1/readiness/scenarios/bus-card/attempts", "POST", "INMATE");
  }
}
