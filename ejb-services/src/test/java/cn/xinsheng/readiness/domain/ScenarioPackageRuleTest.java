package cn.xinsheng.readiness.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.readiness.domain.ScenarioPackageRule.ImportedVersion;
import cn.xinsheng.readiness.domain.ScenarioPackageRule.NotNewer;
import cn.xinsheng.readiness.domain.ScenarioPackageRule.TakenId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: an imported scenario package only moves forward, and a scenario id names one package
 * for good (the standard package's too), so every recorded attempt keeps its meaning.
 */
class ScenarioPackageRuleTest {

  private final ScenarioPackageRule rule =
      new ScenarioPackageRule(
          List.of(
              new ImportedVersion("cn.xinsheng.scenarios.standard", 1, List.of("metro-ticket")),
              new ImportedVersion("cn.a", 1, List.of("bus-card", "water-bill")),
              new ImportedVersion("cn.a", 3, List.of("bus-card")),
              new ImportedVersion("cn.b", 2, List.of("parcel-locker"))));

  @Test
  void aNewPackageWithFreshIdsIsTaken() {
    assertEquals(Optional.empty(), rule.check("cn.c", 1, List.of("tax-app", "pension-kiosk")));
  }

  @Test
  void aNewerVersionMayCarryItsOwnIdsAgainAndOnesItDroppedEarlier() {
    assertEquals(Optional.empty(), rule.check("cn.a", 4, List.of("bus-card", "water-bill")));
    assertEquals(Optional.empty(), rule.check("cn.a", 100, List.of("new-one")));
  }

  @Test
  void aLowerOrEqualVersionIsRefusedNamingTheLatest() {
    assertEquals(Optional.of(new NotNewer("cn.a", 3, 3)), rule.check("cn.a", 3, List.of("x")));
    assertEquals(Optional.of(new NotNewer("cn.a", 2, 3)), rule.check("cn.a", 2, List.of("x")));
    assertEquals(Optional.of(new NotNewer("cn.b", 1, 2)), rule.check("cn.b", 1, List.of("y")));
  }

  @Test
  void aStandardScenarioIdIsRefusedNamingTheStandardPackage() {
    assertEquals(
        Optional.of(new TakenId("metro-ticket", "cn.xinsheng.scenarios.standard")),
        rule.check("cn.c", 1, List.of("tax-app", "metro-ticket")));
  }

  @Test
  void anIdAnyVersionOfAnotherPackageCarriedIsRefused() {
    assertEquals(
        Optional.of(new TakenId("parcel-locker", "cn.b")),
        rule.check("cn.a", 4, List.of("bus-card", "parcel-locker")));
    // cn.a's latest version dropped water-bill; it is still cn.a's
    assertEquals(
        Optional.of(new TakenId("water-bill", "cn.a")),
        rule.check("cn.c", 1, List.of("water-bill")));
  }

  @Test
  void everyReasonIsListedTheVersionFirst() {
    List<ScenarioPackageRule.Conflict> all =
        rule.conflicts("cn.b", 2, List.of("metro-ticket", "bus-card", "parcel-locker"));
    assertEquals(
        List.of(
            new NotNewer("cn.b", 2, 2),
            new TakenId("metro-ticket", "cn.xinsheng.scenarios.standard"),
            new TakenId("bus-card", "cn.a")),
        all);
  }

  @Test
  void withNothingImportedAnyFreshPackageIsTaken() {
    ScenarioPackageRule empty = new ScenarioPackageRule(List.of());
    assertTrue(empty.check("cn.a", 1, List.of("bus-card")).isEmpty());
    // the platform builds no scenario in: even the standard ids are free until that package comes
    assertTrue(empty.check("cn.xinsheng.scenarios.standard", 1, List.of("metro-ticket")).isEmpty());
  }
}
