package cn.xinsheng.ledger.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.evidence.domain.EvidenceKind;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Points, clauses and the catalogue, the working calendar, review status, the objection loop. */
class RulesTest {

  @Test
  void pointsAreExactTenths() {
    assertEquals(175, Points.parse("17.5").tenths());
    assertEquals("17.5", Points.parse("17.50").toString());
    assertEquals("-100", Points.of(-100).toString());
    assertEquals(Points.parse("17.5"), Points.of(35).percent(50));
    assertThrows(IllegalArgumentException.class, () -> Points.parse("1.25"));
    assertThrows(IllegalArgumentException.class, () -> Points.parse("abc"));
    assertThrows(IllegalArgumentException.class, () -> Points.parse(" "));
  }

  @Test
  void aSplitAddsUpTo100() {
    assertEquals(PartSplit.DEFAULT, PartSplit.parse("35, 35, 30"));
    assertThrows(IllegalArgumentException.class, () -> PartSplit.parse("40,40,30"));
    assertThrows(IllegalArgumentException.class, () -> PartSplit.parse("50,50"));
  }

  private static RuleClause clause(
      AssessmentPart part, String min, String max, Set<EvidenceKind> kinds, int minEvidence) {
    return new RuleClause(
        1, "JG-99", "test", part, Points.parse(min), Points.parse(max), kinds, minEvidence);
  }

  @Test
  void anEntryIsCheckedAgainstItsClause() {
    RuleClause c = clause(AssessmentPart.SUPERVISION, "1", "3", Set.of(EvidenceKind.PHOTO), 1);
    assertEquals(List.of(), c.violations(Points.of(2), List.of(EvidenceKind.PHOTO)));
    assertEquals(List.of(), c.violations(Points.of(1), List.of(EvidenceKind.PHOTO)));
    assertEquals(List.of(), c.violations(Points.of(3), List.of(EvidenceKind.PHOTO)));
    assertEquals(
        "ledger.error.amountOutOfRange",
        c.violations(Points.of(4), List.of(EvidenceKind.PHOTO)).get(0).key());
    assertEquals(
        "ledger.error.amountOutOfRange",
        c.violations(Points.parse("0.5"), List.of(EvidenceKind.PHOTO)).get(0).key());
    assertEquals(
        "ledger.error.evidenceMissing", c.violations(Points.of(2), List.of()).get(0).key());
    assertEquals(
        Violation.of("ledger.error.evidenceKind", c.getCode(), "evidence.kind.PHOTO"),
        c.violations(Points.of(2), List.of(EvidenceKind.DOCUMENT)).get(0),
        "the missing kind by its message key, said in the reader's language");
    RuleClause two = clause(AssessmentPart.SPECIAL, "10", "100", Set.of(EvidenceKind.PHOTO), 2);
    assertEquals(
        "ledger.error.evidenceMissing",
        two.violations(Points.of(50), List.of(EvidenceKind.PHOTO)).get(0).key());
    assertEquals(
        List.of(), two.violations(Points.of(50), List.of(EvidenceKind.PHOTO, EvidenceKind.VIDEO)));
  }

  @Test
  void aCatalogueClauseMustMakeSense() {
    AssessmentRules r = AssessmentRules.DEFAULT;
    assertEquals(
        List.of(),
        RuleClause.check(
            "CF-01", "警告", AssessmentPart.SANCTION, Points.of(-100), Points.of(-100), 1, r));
    assertEquals(
        "catalogue.error.sanction",
        RuleClause.check(
                "CF-09", "x", AssessmentPart.SANCTION, Points.of(-100), Points.of(-50), 1, r)
            .get(0)
            .key());
    assertEquals(
        "catalogue.error.special",
        RuleClause.check("ZX-09", "x", AssessmentPart.SPECIAL, Points.of(10), Points.of(150), 1, r)
            .get(0)
            .key());
    assertEquals(
        "catalogue.error.range",
        RuleClause.check(
                "JG-09", "x", AssessmentPart.SUPERVISION, Points.of(-1), Points.of(3), 1, r)
            .get(0)
            .key());
    assertEquals(
        "catalogue.error.code",
        RuleClause.check("bad", "x", AssessmentPart.LABOUR, Points.of(1), Points.of(3), 1, r)
            .get(0)
            .key());
    assertEquals(
        "catalogue.error.evidence",
        RuleClause.check("LD-09", "x", AssessmentPart.LABOUR, Points.of(1), Points.of(3), 0, r)
            .get(0)
            .key());
  }

  @Test
  void theDefaultCatalogueHasAtLeast40SoundClausesOverEveryPartWithTheSanctions() throws Exception {
    List<ClauseDraft> clauses;
    try (InputStream in =
        getClass().getResourceAsStream("/cn/xinsheng/ledger/default-catalogue.tsv")) {
      clauses = ClauseDraft.parseTsv(in);
    }
    assertTrue(clauses.size() >= 40, "clauses: " + clauses.size());
    for (ClauseDraft d : clauses) {
      assertEquals(
          List.of(),
          RuleClause.check(
              d.code(),
              d.text(),
              d.part(),
              d.min(),
              d.max(),
              d.minEvidence(),
              AssessmentRules.DEFAULT),
          d.code());
    }
    assertEquals(
        EnumSet.allOf(AssessmentPart.class),
        clauses.stream()
            .map(ClauseDraft::part)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(AssessmentPart.class))));
    Map<String, Points> sanctions =
        clauses.stream()
            .filter(d -> d.part() == AssessmentPart.SANCTION)
            .collect(Collectors.toMap(ClauseDraft::text, ClauseDraft::min));
    assertEquals(
        Map.of("警告", Points.of(-100), "记过", Points.of(-200), "禁闭", Points.of(-400)), sanctions);
    assertEquals(clauses.size(), clauses.stream().map(ClauseDraft::code).distinct().count());
  }

  @Test
  void workingDaysSkipWeekendsAndHolidaysAndCountSwappedWeekends() {
    // 2026-09-30 is a Wednesday
    LocalDate wed = LocalDate.of(2026, 9, 30);
    WorkingCalendar plain = new WorkingCalendar(Map.of());
    assertEquals(LocalDate.of(2026, 10, 5), plain.addWorkingDays(wed, 3));
    WorkingCalendar holidays =
        new WorkingCalendar(
            Map.of(
                LocalDate.of(2026, 10, 1), false,
                LocalDate.of(2026, 10, 2), false,
                LocalDate.of(2026, 10, 5), false,
                LocalDate.of(2026, 10, 10), true));
    // Thu, Fri holidays, Sat/Sun weekend, Mon holiday: Tue 6, Wed 7, Thu 8
    assertEquals(LocalDate.of(2026, 10, 8), holidays.addWorkingDays(wed, 3));
    assertTrue(holidays.isWorkingDay(LocalDate.of(2026, 10, 10)));
    assertFalse(holidays.isWorkingDay(LocalDate.of(2026, 10, 11)));
    assertThrows(IllegalArgumentException.class, () -> plain.addWorkingDays(wed, 0));
  }

  @Test
  void anEntrysStatusFollowsItsReviewAndItsSuccessor() {
    assertEquals(EntryStatus.PENDING, EntryStatus.of(null, false));
    assertEquals(EntryStatus.APPROVED, EntryStatus.of(ReviewDecision.APPROVED, false));
    assertEquals(EntryStatus.RETURNED, EntryStatus.of(ReviewDecision.RETURNED, false));
    assertEquals(EntryStatus.AMENDED, EntryStatus.of(ReviewDecision.RETURNED, true));
  }

  @Test
  void theObjectionLoopRunsItsSixStepsInOrder() {
    StringBuilder order = new StringBuilder();
    for (ObjectionStep s = ObjectionStep.FIND; s != null; s = s.next()) {
      order.append(s).append(' ');
    }
    assertEquals("FIND DISPATCH VERIFY HANDLE CLOSE FEEDBACK ", order.toString());
    for (ObjectionStep s : ObjectionStep.values()) {
      if (s != ObjectionStep.FIND) {
        assertTrue(s.workingDays() >= 1, s.name());
      }
    }
  }
}
