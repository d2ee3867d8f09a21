package cn.xinsheng.readiness.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReleasePlanTest {

  private static final LocalDate RELEASE = LocalDate.of(2026, 9, 30);
  private static final Instant AT = Instant.parse("2026-06-10T02:00:00Z");

  private static ReleasePlan plan(boolean parole) {
    return new ReleasePlan(RELEASE, PlanTemplate.standard(parole), List.of());
  }

  private static ReleasePlan.ItemView item(ReleasePlan.PlanView v, String code) {
    return v.items().stream().filter(i -> i.item().code().equals(code)).findFirst().orElseThrow();
  }

  @Test
  void everyPathwayHasAnItemAndOnlyParoleesReportToCommunityCorrections() {
    Set<Pathway> parole =
        PlanTemplate.standard(true).stream().map(PlanItem::pathway).collect(Collectors.toSet());
    assertEquals(EnumSet.allOf(Pathway.class), parole);
    assertFalse(
        PlanTemplate.standard(false).stream()
            .anyMatch(i -> i.pathway() == Pathway.COMMUNITY_CORRECTIONS));
    PlanItem report =
        PlanTemplate.standard(true).stream()
            .filter(i -> i.pathway() == Pathway.COMMUNITY_CORRECTIONS)
            .findFirst()
            .orElseThrow();
    assertEquals(RELEASE.plusDays(10), report.deadline(RELEASE));
    assertTrue(report.basis().contains("社区矫正法》第二十一条"));
    // the law counts the ten days from the ruling taking effect, once that date is known
    ReleasePlan paroled = plan(true).paroledBy(RELEASE.minusDays(3));
    ReleasePlan.PlanView day = paroled.on(RELEASE.plusDays(8));
    assertEquals(RELEASE.plusDays(7), item(day, "REPORT_TO_COMMUNITY_CORRECTIONS").deadline());
    assertTrue(item(day, "REPORT_TO_COMMUNITY_CORRECTIONS").late());
    assertFalse(item(plan(true).on(RELEASE.plusDays(8)), "REPORT_TO_COMMUNITY_CORRECTIONS").late());
  }

  @Test
  void theCountdownAndTheReleaseEducationWindowFollowTheReleaseDate() {
    ReleasePlan.PlanView v = plan(false).on(LocalDate.of(2026, 6, 10));
    assertEquals(112, v.daysToRelease());
    assertEquals(LocalDate.of(2026, 6, 30), v.releaseEducationFrom());
    assertFalse(v.inReleaseEducation());
    assertTrue(plan(false).on(LocalDate.of(2026, 6, 30)).inReleaseEducation());
    assertTrue(plan(false).on(RELEASE).inReleaseEducation());
    assertEquals(0, plan(false).on(RELEASE).daysToRelease());
  }

  @Test
  void anItemIsLateTheDayAfterItsDeadlineAndDueSoonTwoWeeksBefore() {
    // ID card: 60 days before release = 2026-08-01
    ReleasePlan p = plan(false);
    assertFalse(item(p.on(LocalDate.of(2026, 7, 17)), "ID_CARD").dueSoon());
    assertTrue(item(p.on(LocalDate.of(2026, 7, 18)), "ID_CARD").dueSoon());
    assertTrue(item(p.on(LocalDate.of(2026, 8, 1)), "ID_CARD").dueSoon());
    assertFalse(item(p.on(LocalDate.of(2026, 8, 1)), "ID_CARD").late());
    ReleasePlan.PlanView after = p.on(LocalDate.of(2026, 8, 2));
    assertTrue(item(after, "ID_CARD").late());
    assertTrue(after.alerts().stream().anyMatch(a -> a.item().code().equals("ID_CARD")));
  }

  @Test
  void aSettledItemIsNeverLateAndItsLatestUpdateStands() {
    ReleasePlan p =
        plan(false)
            .with(
                new ItemUpdate("ID_CARD", ItemStatus.IN_PROGRESS, "已向派出所申请", null, "officer1", AT))
            .with(new ItemUpdate("ID_CARD", ItemStatus.DONE, "身份证已办妥", 42L, "officer1", AT));
    ReleasePlan.ItemView id = item(p.on(LocalDate.of(2026, 8, 20)), "ID_CARD");
    assertEquals(ItemStatus.DONE, id.status());
    assertFalse(id.late());
    assertEquals(42L, id.latest().orElseThrow().evidence());
    assertEquals(2, p.updates().size(), "the history is kept");
    assertEquals(1, p.on(LocalDate.of(2026, 8, 20)).settled());
  }

  @Test
  void aRulingThatMovesTheReleaseEarlierMakesAnOnTimeItemLate() {
    ReleasePlan p = plan(false);
    LocalDate today = LocalDate.of(2026, 7, 1);
    assertFalse(item(p.on(today), "HOUSING").late());
    // a reduction brings the release to 2026-07-20: housing was due 30 days before, on 06-20
    ReleasePlan moved = p.movedTo(LocalDate.of(2026, 7, 20));
    assertTrue(item(moved.on(today), "HOUSING").late());
    assertEquals(19, moved.on(today).daysToRelease());
  }

  @Test
  void doneNeedsEvidenceNotNeededNeedsAReasonAndAnUnknownItemIsRefused() {
    assertEquals(
        "plan.error.doneNeedsEvidence",
        assertThrows(
                ReadinessRefusal.class,
                () -> new ItemUpdate("ID_CARD", ItemStatus.DONE, "办好了", null, "officer1", AT))
            .key());
    assertEquals(
        "plan.error.notNeededNeedsReason",
        assertThrows(
                ReadinessRefusal.class,
                () -> new ItemUpdate("MONEY", ItemStatus.NOT_NEEDED, " ", null, "officer1", AT))
            .key());
    ItemUpdate stray =
        new ItemUpdate("SPACESHIP", ItemStatus.IN_PROGRESS, "", null, "officer1", AT);
    assertEquals(
        "plan.error.noItem",
        assertThrows(ReadinessRefusal.class, () -> plan(false).with(stray)).key());
  }
}
