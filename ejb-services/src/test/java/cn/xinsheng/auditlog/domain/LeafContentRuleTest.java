package cn.xinsheng.auditlog.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 14, finding 6: a leaf's content only for who may read its subject. */
class LeafContentRuleTest {

  private final LeafContentRule judge =
      new LeafContentRule(false, Set.of(3L), Set.of("3301000003"));
  private final LeafContentRule admin = new LeafContentRule(true, Set.of(), Set.of());

  @Test
  void aCaseLeafOnlyForWhoMayReadTheCase() {
    Map<String, Object> proposed = Map.of("case", 8L, "inmate", "3301000008", "months", 6L);
    assertFalse(judge.mayRead("case/8", proposed), "the case API hides case 8 from him");
    assertTrue(judge.mayRead("case/3", Map.of("case", 3L, "inmate", "3301000003")));
    assertFalse(admin.mayRead("case/8", proposed), "running the log is not reading cases");
    assertFalse(judge.mayRead("case/8", Map.of()), "named by its subject alone");
  }

  @Test
  void anInmateLeafOnlyWithinTheReadersRemit() {
    assertTrue(judge.mayRead("ledger-entry/1", Map.of("inmate", "3301000003")));
    assertFalse(judge.mayRead("ledger-entry/2", Map.of("inmate", "3301000004")));
    assertFalse(
        judge.mayRead("audit/head", Map.of("head", "inmate/3301000004")), "a head of his chain");
  }

  @Test
  void theLogsOwnLeavesForTheAdministratorOnly() {
    Map<String, Object> login = Map.of("detail", "x");
    assertTrue(admin.mayRead("judge1", login));
    assertFalse(judge.mayRead("judge1", login));
  }
}
