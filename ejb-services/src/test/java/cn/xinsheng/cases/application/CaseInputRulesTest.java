package cn.xinsheng.cases.application;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.xinsheng.cases.domain.CaseKind;
import cn.xinsheng.cases.domain.CaseStep;
import cn.xinsheng.cases.domain.CaseTrack;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.sentence.domain.Performance;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 walk: case steps of the prison's part were signed with an empty opinion, and a proposal
 * was saved citing no assessment cycle. {@link StepService} and {@link ProposalService} refuse them
 * before it writes anything.
 */
class CaseInputRulesTest {

  @Test
  void everyStepOfThePrisonsPartNeedsAnOpinion() {
    for (CaseStep step : CaseStep.values()) {
      if (!step.isInsidePrison()) {
        continue;
      }
      for (String empty : new String[] {null, "", "   ", "\n\t"}) {
        Refusal r =
            assertThrows(Refusal.class, () -> StepService.requireOpinion(step, empty), step.name());
        assertEquals("case.error.opinion", r.messageKey());
        assertEquals(Refusal.Kind.INVALID, r.kind());
        assertArrayEquals(new Object[] {"case.step." + step}, r.arguments(), "names the step");
      }
      assertDoesNotThrow(() -> StepService.requireOpinion(step, "监区长办公会研究同意。"));
    }
  }

  @Test
  void theCourtsStepsKeepTheirOwnRules() {
    // the court's receipt, posting and service carry no opinion; a refusal's reason is the
    // domain's rule (case.error.reason)
    for (CaseStep step :
        List.of(
            CaseStep.COURT_RECEIPT, CaseStep.COURT_POSTING, CaseStep.RULING, CaseStep.SERVICE)) {
      assertDoesNotThrow(() -> StepService.requireOpinion(step, ""), step.name());
    }
  }

  @Test
  void aProposalCitesAtLeastOneCycle() {
    for (CaseKind kind : CaseKind.values()) {
      for (Performance p : new Performance[] {null, Performance.REPENTANCE}) {
        Refusal r =
            assertThrows(
                Refusal.class,
                () -> ProposalService.requireCycles(kind, CaseTrack.FIXED_TERM, p, List.of()),
                kind + " " + p);
        assertEquals("case.error.noCycle", r.messageKey());
      }
      assertDoesNotThrow(
          () ->
              ProposalService.requireCycles(
                  kind, CaseTrack.FIXED_TERM, Performance.REPENTANCE, List.of(7L)));
    }
    assertThrows(
        Refusal.class,
        () ->
            ProposalService.requireCycles(
                CaseKind.REDUCTION,
                CaseTrack.FIXED_TERM,
                Performance.REPENTANCE_AND_MERIT,
                List.of()),
        "repentance is shown by the commendations");
  }

  @Test
  void whereTheLawIsTheBasisNoCycleIsNeeded() {
    // the reprieve's end (刑法第五十条) and merit (刑法第七十八条)
    assertDoesNotThrow(
        () ->
            ProposalService.requireCycles(
                CaseKind.REDUCTION, CaseTrack.DEATH_REPRIEVE, null, List.of()));
    assertDoesNotThrow(
        () ->
            ProposalService.requireCycles(
                CaseKind.REDUCTION, CaseTrack.FIXED_TERM, Performance.MAJOR_MERIT, List.of()));
    assertDoesNotThrow(
        () ->
            ProposalService.requireCycles(
                CaseKind.REDUCTION, CaseTrack.FIXED_TERM, Performance.MERIT, List.of()));
    // parole always rests on repentance shown by commendations
    assertThrows(
        Refusal.class,
        () ->
            ProposalService.requireCycles(
                CaseKind.PAROLE, CaseTrack.FIXED_TERM, Performance.MAJOR_MERIT, List.of()));
  }
}
