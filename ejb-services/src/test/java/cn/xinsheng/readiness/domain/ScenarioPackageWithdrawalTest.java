package cn.xinsheng.readiness.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.readiness.domain.ScenarioPackageRule.ImportedVersion;
import cn.xinsheng.readiness.domain.ScenarioPackageWithdrawal.AlreadyWithdrawn;
import cn.xinsheng.readiness.domain.ScenarioPackageWithdrawal.NotImported;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: a withdrawal of an imported scenario package version is a new record with a reason, of
 * a version that was imported, recorded once.
 */
class ScenarioPackageWithdrawalTest {

  private static final Instant AT = Instant.parse("2026-11-20T02:30:00Z");
  private static final List<ImportedVersion> IMPORTED =
      List.of(
          new ImportedVersion("cn.a", 1, List.of("bus-card")),
          new ImportedVersion("cn.a", 2, List.of("bus-card")));

  private static ScenarioPackageWithdrawal withdrawal(String id, long version, String reason) {
    return new ScenarioPackageWithdrawal(id, version, reason, "eduadmin1", AT);
  }

  @Test
  void anImportedVersionMayBeWithdrawnOnceWithAReason() {
    ScenarioPackageWithdrawal w = withdrawal("cn.a", 2, "  退款按钮的扣分写错了  ");
    assertEquals("退款按钮的扣分写错了", w.reason(), "the reason is kept without its blanks");
    assertEquals(Optional.empty(), w.check(IMPORTED, List.of()));
    // an older, superseded version may be withdrawn too
    assertEquals(Optional.empty(), withdrawal("cn.a", 1, "旧版内容有误").check(IMPORTED, List.of(w)));
  }

  @Test
  void aSecondWithdrawalOfTheSameVersionIsRefusedNamingTheFirst() {
    ScenarioPackageWithdrawal first = withdrawal("cn.a", 2, "退款按钮的扣分写错了");
    Optional<ScenarioPackageWithdrawal.Conflict> c =
        withdrawal("cn.a", 2, "再撤一次试试").check(IMPORTED, List.of(first));
    assertEquals(Optional.of(new AlreadyWithdrawn("cn.a", 2, "eduadmin1", AT)), c);
  }

  @Test
  void aVersionNeverImportedCannotBeWithdrawn() {
    assertEquals(
        Optional.of(new NotImported("cn.a", 3)),
        withdrawal("cn.a", 3, "没有这个版本").check(IMPORTED, List.of()));
    assertEquals(
        Optional.of(new NotImported("cn.b", 1)),
        withdrawal("cn.b", 1, "没有这个包的").check(IMPORTED, List.of()));
  }

  @Test
  void noReasonATickOrAnEssayIsRefusedInBothLanguages() {
    for (String bad : new String[] {null, "", "   ", "错", "有误", "x".repeat(501)}) {
      ReadinessRefusal r =
          assertThrows(ReadinessRefusal.class, () -> withdrawal("cn.a", 2, bad), "" + bad);
      assertEquals("scenario.error.withdrawReason", r.key());
      assertTrue(r.zh().contains("撤回") && r.en().contains("reason"), r.zh() + " / " + r.en());
    }
    // four characters is the shortest accepted, counted as characters, not bytes
    assertEquals("内容有误", withdrawal("cn.a", 2, "内容有误").reason());
    assertEquals(500, withdrawal("cn.a", 2, "撤".repeat(500)).reason().length());
  }

  @Test
  void aWithdrawalNamesWhoAndWhen() {
    assertThrows(
        ReadinessRefusal.class, () -> new ScenarioPackageWithdrawal("cn.a", 2, "内容有误", " ", AT));
    assertThrows(
        ReadinessRefusal.class,
        () -> new ScenarioPackageWithdrawal("cn.a", 2, "内容有误", "eduadmin1", null));
  }
}
