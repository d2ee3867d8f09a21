package cn.xinsheng.cases.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the case page asks the file instead of testing the steps itself (issue 13): who may send the
 * case back, to which steps, and who may vote on it.
 */
class CaseFileNextStepsTest {

  private static CaseSummary summary(String nextStep) {
    return new CaseSummary(
        1,
        "X-1",
        "3301000001",
        "张三",
        11,
        "一监区",
        "REDUCTION",
        6,
        "OPEN",
        nextStep,
        null,
        null,
        false,
        null,
        null,
        false,
        false,
        null,
        null,
        null,
        false,
        null,
        false,
        false,
        null,
        null);
  }

  private static CaseFile file(String nextStep, List<String> stepsSigned) {
    List<CaseFile.TimelineItem> timeline =
        stepsSigned.stream()
            .map(
                s ->
                    new CaseFile.TimelineItem(
                        0, "STEP", s, "x", "OFFICER", null, null, null, null, null, null, false,
                        null))
            .toList();
    return new CaseFile(
        summary(nextStep),
        null,
        null,
        null,
        timeline,
        null,
        null,
        List.of(),
        List.of(),
        List.of(),
        null,
        null,
        List.of(),
        List.of());
  }

  @Test
  void aPrisonStepAfterTheProposalMayBeReturnedByItsOwnerAndTheExecutionDepartment() {
    CaseFile f = file("WARD_MEETING", List.of("PROPOSAL"));
    assertEquals(Set.of("REVIEWER", "EXECUTION"), f.rolesThatMayReturn());
    assertEquals(List.of("PROPOSAL"), f.returnTargets());
  }

  @Test
  void theExecutionDepartmentsOwnStepNamesItOnce() {
    CaseFile f = file("COMMITTEE", List.of("PROPOSAL", "WARD_MEETING", "EXECUTION_REVIEW"));
    assertEquals(Set.of("EXECUTION"), f.rolesThatMayReturn());
    assertEquals(List.of("PROPOSAL", "WARD_MEETING", "EXECUTION_REVIEW"), f.returnTargets());
  }

  @Test
  void noneMayReturnTheProposalACaseSubmittedOrOneOutsideThePrison() {
    assertTrue(file("PROPOSAL", List.of()).rolesThatMayReturn().isEmpty());
    assertTrue(file("DIRECTOR_MEETING", List.of("SUBMISSION")).rolesThatMayReturn().isEmpty());
    assertTrue(file("RULING", List.of()).rolesThatMayReturn().isEmpty());
    assertTrue(file(null, List.of()).rolesThatMayReturn().isEmpty());
    assertTrue(file(null, List.of()).returnTargets().isEmpty());
  }

  @Test
  void withoutAMeetingNobodyVotes() {
    assertFalse(file("COMMITTEE", List.of()).meetingHasMember("committee1"));
  }
}
