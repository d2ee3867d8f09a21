package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.readiness.application.RiskFactSource;
import cn.xinsheng.readiness.domain.ItemStatus;
import cn.xinsheng.readiness.domain.ItemUpdate;
import cn.xinsheng.readiness.domain.RiskLevel;
import cn.xinsheng.readiness.domain.RiskOverride;
import cn.xinsheng.readiness.domain.RiskRecords;
import cn.xinsheng.readiness.domain.RiskScore;
import cn.xinsheng.readiness.domain.ScenarioAttempt;
import cn.xinsheng.readiness.domain.ScenarioAttempts;
import cn.xinsheng.readiness.domain.ScenarioPackageWithdrawal;
import cn.xinsheng.readiness.domain.ScenarioPackages;
import cn.xinsheng.readiness.infrastructure.PlanStore;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Readiness's repositories (issue 13, ADR 0013) in the real container on the shared platform's
 * database: the statements of {@code readiness.infrastructure}'s {@code RiskRecordStore}, {@code
 * ScenarioAttemptStore}, {@code ScenarioPackageStore} and {@code PlanStore} (and the risk facts'
 * reads) run against the real tables, and what they answer is checked. Every test writes in a
 * transaction it rolls back, under a package id and version no real package has, so the shared
 * prison is left as it was.
 */
// run by ServicesIT, which inherits these tests (and the other repository checks'): one boot
abstract class ReadinessRepositoryChecks extends MusicRepositoryChecks {

  @Inject RiskRecords riskRecords;
  @Inject ScenarioAttempts scenarioAttempts;
  @Inject ScenarioPackages scenarioPackages;
  @Inject PlanStore planStore;
  @Inject RiskFactSource riskFacts;

  @Resource jakarta.transaction.UserTransaction readinessTx;

  @Resource(lookup = "java:app/jdbc/xinsheng")
  DataSource readinessData;

  /** A fixed moment: the rows are rolled back, the values only have to come back as written. */
  private static final Instant AT = Instant.parse("2026-03-02T02:00:00Z");

  private long number(String sql) throws SQLException {
    try (Connection c = readinessData.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private String prisonerNumber(long inmate) throws SQLException {
    try (Connection c = readinessData.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT prisoner_number FROM inmate WHERE id = " + inmate)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void riskRecordsAnswerWhatWasWritten() throws Exception {
    long inmate = number("SELECT MIN(id) FROM inmate");
    readinessTx.begin();
    try {
      RiskScore score =
          new RiskScore(
              "rt-instrument-v1", false, -1.5, -0.25, 0.4378, RiskLevel.MEDIUM, List.of());
      RiskRecords.StoredAssessment a =
          riskRecords.addAssessment(
              inmate,
              "rt-instrument-v1",
              Map.of("AGE", "UNDER_25", "PRIOR", "NONE"),
              Map.of("AGE", "档案", "PRIOR", "officer"),
              score,
              "officer1",
              AT);
      RiskRecords.StoredAssessment read = riskRecords.assessment(a.id()).orElseThrow();
      assertEquals(a, read);
      assertEquals(Map.of("AGE", "UNDER_25", "PRIOR", "NONE"), read.values());
      assertEquals(RiskLevel.MEDIUM, read.level());
      assertEquals(0.4378, read.probability(), 1e-9);
      assertEquals(AT, read.assessedAt());
      assertEquals(a.id(), riskRecords.assessmentsOf(inmate).get(0).id(), "newest first");
      assertTrue(riskRecords.assessment(-1).isEmpty());

      RiskRecords.StoredOverride o =
          riskRecords.addOverride(
              a.id(),
              new RiskOverride(
                  RiskLevel.MEDIUM, RiskLevel.HIGH, "近期违纪两次，需从严评估", "officer1", "rt-second"),
              AT);
      assertEquals(RiskLevel.MEDIUM, o.scored());
      assertEquals(RiskLevel.HIGH, o.decided());
      assertEquals("rt-second", o.secondOfficer());
      assertFalse(o.signed());
      assertEquals(List.of(o), riskRecords.overridesOf(a.id()));
      assertEquals(List.of(o), riskRecords.awaitingSignatureOf("rt-second"));
      riskRecords.sign(o.id(), "rt-second", AT);
      RiskRecords.StoredOverride signed = riskRecords.override(o.id(), true).orElseThrow();
      assertTrue(signed.signed());
      assertEquals("rt-second", signed.signedBy());
      assertEquals(AT, signed.signedAt());
      assertTrue(riskRecords.awaitingSignatureOf("rt-second").isEmpty());
      riskRecords.validations(); // the statement runs; the demo prison may hold none

      // the facts the instrument reads, and the number a stored assessment is checked with
      assertEquals(prisonerNumber(inmate), riskFacts.prisonerNumber(inmate));
      riskFacts.factsOf(inmate, LocalDate.of(2026, 3, 2)).derive();
    } finally {
      readinessTx.rollback();
    }
  }

  @Test
  void scenarioPackagesAndAttemptsAnswerWhatWasWritten() throws Exception {
    long inmate = number("SELECT MIN(id) FROM inmate");
    readinessTx.begin();
    try {
      long before = scenarioPackages.generation();
      ScenarioPackages.ImportedPackage p =
          new ScenarioPackages.ImportedPackage(
              "rt.scenarios",
              900001,
              "检查包",
              "测试出版社",
              "测试签名",
              "d".repeat(64),
              321,
              "eduadmin1",
              AT,
              List.of("rt-bank", "rt-id"));
      scenarioPackages.add(
          p,
          List.of(
              new ScenarioPackages.StoredScenario("rt.scenarios", 900001, "rt-bank", 2, "{}"),
              new ScenarioPackages.StoredScenario(
                  "rt.scenarios", 900001, "rt-id", 1, "{\"a\":1}")));
      assertEquals(before + 1, scenarioPackages.generation());
      assertEquals(p, scenarioPackages.all().get(0), "newest first");
      assertEquals(
          new ScenarioPackages.StoredScenario("rt.scenarios", 900001, "rt-id", 1, "{\"a\":1}"),
          scenarioPackages.scenario("rt.scenarios", 900001, "rt-id").orElseThrow());
      assertTrue(scenarioPackages.scenario("rt.scenarios", 900002, "rt-id").isEmpty());
      assertEquals(
          List.of("rt-bank", "rt-id"),
          scenarioPackages.inForce().stream()
              .filter(s -> s.packageId().equals("rt.scenarios"))
              .map(ScenarioPackages.StoredScenario::scenarioId)
              .toList());

      ScenarioPackageWithdrawal w =
          new ScenarioPackageWithdrawal("rt.scenarios", 900001, "内容有误，停止使用", "eduadmin1", AT);
      assertTrue(scenarioPackages.withdraw(w));
      assertFalse(scenarioPackages.withdraw(w), "a version is withdrawn once");
      assertFalse(
          scenarioPackages.withdraw(
              new ScenarioPackageWithdrawal("rt.none", 1, "内容有误，停止使用", "eduadmin1", AT)),
          "no such import");
      assertEquals(before + 2, scenarioPackages.generation());
      assertEquals(w, scenarioPackages.withdrawals().get(0));
      assertTrue(scenarioPackages.withdrawnScenarioIds().containsAll(List.of("rt-bank", "rt-id")));
      assertTrue(
          scenarioPackages.inForce().stream().noneMatch(s -> s.packageId().equals("rt.scenarios")),
          "a withdrawn newest version offers nothing");

      ScenarioAttempt.Result result =
          new ScenarioAttempt.Result(
              "rt-bank",
              2,
              true,
              false,
              85,
              true,
              1,
              300,
              List.of(
                  new ScenarioAttempt.MistakeMade("M1", "s1", "e1", 5),
                  new ScenarioAttempt.MistakeMade("M2", "s2", "e2", 10)),
              List.of("s1", "s2"));
      ScenarioAttempts.StoredAttempt first =
          scenarioAttempts.add(inmate, result, "[]", AT, "rt.scenarios", 900001L);
      ScenarioAttempts.StoredAttempt second =
          scenarioAttempts.add(inmate, result, "[]", AT.plusSeconds(60), null, null);
      assertEquals(first.attemptNo() + 1, second.attemptNo());
      assertEquals(List.of("M1", "M2"), first.mistakes());
      List<ScenarioAttempts.StoredAttempt> his =
          scenarioAttempts.ofInmate(inmate).stream()
              .filter(x -> x.scenarioId().equals("rt-bank"))
              .toList();
      assertEquals(List.of(first, second), his.subList(his.size() - 2, his.size()));
      assertEquals(85, his.get(his.size() - 1).score());
      assertEquals(AT, first.recordedAt());
      assertTrue(scenarioAttempts.ofInmates(List.of()).isEmpty());
      assertTrue(scenarioAttempts.ofInmates(List.of(inmate)).contains(second));
    } finally {
      readinessTx.rollback();
    }
  }

  @Test
  void thePlanStoreAnswersWhatWasWritten() throws Exception {
    long inmate =
        number(
            "SELECT MIN(i.id) FROM inmate i WHERE NOT EXISTS"
                + " (SELECT 1 FROM release_plan p WHERE p.inmate_id = i.id)");
    assertNotEquals(0, inmate, "every inmate has a plan already");
    readinessTx.begin();
    try {
      assertTrue(planStore.plan(inmate).isEmpty());
      PlanStore.StoredPlan plan = planStore.open(inmate, LocalDate.of(2026, 3, 2), "officer1", AT);
      assertEquals(
          new PlanStore.StoredPlan(plan.id(), inmate, LocalDate.of(2026, 3, 2)),
          planStore.plan(inmate).orElseThrow());
      assertEquals(plan, planStore.plans(List.of(inmate)).get(inmate));
      ItemUpdate start =
          new ItemUpdate("ID_CARD", ItemStatus.IN_PROGRESS, "已联系户籍地", null, "officer1", AT);
      ItemUpdate skip =
          new ItemUpdate(
              "HOUSING", ItemStatus.NOT_NEEDED, "家属接回", null, "officer1", AT.plusSeconds(1));
      long u1 = planStore.add(plan.id(), start);
      long u2 = planStore.add(plan.id(), skip);
      assertEquals(
          List.of(
              new PlanStore.StoredUpdate(u1, plan.id(), start),
              new PlanStore.StoredUpdate(u2, plan.id(), skip)),
          planStore.updates(plan.id()));
      assertEquals(
          planStore.updates(plan.id()), planStore.updatesOf(List.of(plan.id())).get(plan.id()));
    } finally {
      readinessTx.rollback();
    }
  }
}
