package cn.xinsheng.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.web.security.AccessMatrix.Decision;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessMatrixTest {

  private final AccessMatrix matrix = AccessMatrix.load();

  @Test
  void unlistedPathsAreRefusedForEveryone() {
    assertEquals(
        Decision.FORBIDDEN, matrix.decide("/secret/thing.xhtml", "GET", true, Set.of("SYS_ADMIN")));
    assertEquals(
        Decision.LOGIN_REQUIRED, matrix.decide("/secret/thing.xhtml", "GET", false, Set.of()));
    assertEquals(
        Decision.FORBIDDEN, matrix.decide("/WEB-INF/web.xml", "GET", true, Set.of("SYS_ADMIN")));
  }

  @Test
  void unlistedMethodsAreRefused() {
    assertEquals(
        Decision.FORBIDDEN, matrix.decide("/api/v1/inmates", "DELETE", true, Set.of("OFFICER")));
    assertEquals(Decision.ALLOW, matrix.decide("/api/v1/inmates", "GET", true, Set.of("OFFICER")));
  }

  @Test
  void eachRoleHomeIsOpenToThatRoleOnly() {
    for (Role owner : Role.values()) {
      String home = "/" + owner.homeFolder() + "/home.xhtml";
      for (Role caller : Role.values()) {
        Decision expected = caller == owner ? Decision.ALLOW : Decision.FORBIDDEN;
        assertEquals(
            expected,
            matrix.decide(home, "GET", true, Set.of(caller.name())),
            caller + " on " + home);
      }
      assertEquals(Decision.LOGIN_REQUIRED, matrix.decide(home, "GET", false, Set.of()));
    }
  }

  @Test
  void reductionCasesAreReadByTheirPeopleAndWrittenOnlyWhereAStepIsTheirs() {
    // the ledger is the prison's: a judge or a supervisor cannot write an entry or a review
    for (String external : List.of("JUDGE", "SUPERVISOR", "LAWYER", "PROSECUTOR")) {
      assertEquals(
          Decision.FORBIDDEN,
          matrix.decide("/api/v1/ledger/entries", "POST", true, Set.of(external)),
          external);
      assertEquals(
          Decision.FORBIDDEN,
          matrix.decide("/api/v1/ledger/reviews/7", "POST", true, Set.of(external)),
          external);
      assertEquals(
          Decision.FORBIDDEN,
          matrix.decide("/api/v1/eligibility/runs", "POST", true, Set.of(external)),
          external);
      assertEquals(
          Decision.ALLOW, matrix.decide("/cases/case.xhtml", "GET", true, Set.of(external)));
    }
    // only a section officer proposes; only the department runs the committee
    assertEquals(Decision.ALLOW, matrix.decide("/api/v1/cases", "POST", true, Set.of("OFFICER")));
    for (String other : List.of("REVIEWER", "EXECUTION", "JUDGE", "INMATE")) {
      assertEquals(
          Decision.FORBIDDEN, matrix.decide("/api/v1/cases", "POST", true, Set.of(other)), other);
    }
    assertEquals(
        Decision.FORBIDDEN,
        matrix.decide("/api/v1/committee/meetings", "POST", true, Set.of("COMMITTEE")));
    // an inmate reads his own case and the noticeboard, never another's file or the package
    assertEquals(
        Decision.ALLOW, matrix.decide("/api/v1/cases/mine", "GET", true, Set.of("INMATE")));
    assertEquals(
        Decision.ALLOW,
        matrix.decide("/api/v1/cases/public/posting.pdf", "GET", true, Set.of("INMATE")));
    assertEquals(
        Decision.FORBIDDEN, matrix.decide("/api/v1/cases/3", "GET", true, Set.of("INMATE")));
    assertEquals(
        Decision.FORBIDDEN,
        matrix.decide("/api/v1/cases/3/package", "GET", true, Set.of("INMATE")));
    assertEquals(
        Decision.FORBIDDEN, matrix.decide("/cases/case.xhtml", "GET", true, Set.of("TEACHER")));
  }

  @Test
  void publicEntriesNeedNoLogin() {
    assertEquals(Decision.ALLOW, matrix.decide("/login.xhtml", "GET", false, Set.of()));
    assertEquals(Decision.ALLOW, matrix.decide("/health/ready", "GET", false, Set.of()));
    assertEquals(Decision.ALLOW, matrix.decide("/api/v1/session", "POST", false, Set.of()));
    assertEquals(
        Decision.ALLOW,
        matrix.decide("/jakarta.faces.resource/core.js.xhtml", "GET", false, Set.of()));
  }

  @Test
  void theMostSpecificPatternWins() throws Exception {
    AccessMatrix m =
        AccessMatrix.parse(
            new ByteArrayInputStream(
                ("/a/*   | GET | OFFICER  | /a/x\n" + "/a/b   | GET | PUBLIC   | /a/b\n")
                    .getBytes(StandardCharsets.UTF_8)));
    assertEquals(Decision.ALLOW, m.decide("/a/b", "GET", false, Set.of()));
    assertEquals(Decision.LOGIN_REQUIRED, m.decide("/a/c", "GET", false, Set.of()));
    // a prefix pattern does not cover its own folder name
    assertEquals(Decision.FORBIDDEN, m.decide("/a/", "GET", true, Set.of("OFFICER")));
  }

  @Test
  void aPathMayAllowReadingAndWritingToDifferentRoles() throws Exception {
    AccessMatrix m =
        AccessMatrix.parse(
            new ByteArrayInputStream(
                ("/w | GET  | PROSECUTOR SYS_ADMIN | /w\n" + "/w | POST | SYS_ADMIN | /w\n")
                    .getBytes(StandardCharsets.UTF_8)));
    assertEquals(Decision.ALLOW, m.decide("/w", "GET", true, Set.of("PROSECUTOR")));
    assertEquals(Decision.FORBIDDEN, m.decide("/w", "POST", true, Set.of("PROSECUTOR")));
    assertEquals(Decision.ALLOW, m.decide("/w", "POST", true, Set.of("SYS_ADMIN")));
    assertEquals(Decision.FORBIDDEN, m.decide("/w", "DELETE", true, Set.of("SYS_ADMIN")));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            AccessMatrix.parse(
                new ByteArrayInputStream(
                    ("/w | GET POST | PUBLIC | /w\n" + "/w | POST | SYS_ADMIN | /w\n")
                        .getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void everyEntryHasAProbeThatItGoverns() {
    for (AccessMatrix.Entry e : matrix.entries()) {
      String probePath = e.probe().split("\\?")[0];
      assertEquals(
          e, matrix.entryFor(probePath, AccessMatrix.probeMethod(e)).orElseThrow(), e.pattern());
    }
  }

  @Test
  void everyRoleNamedInTheMatrixExists() {
    for (AccessMatrix.Entry e : matrix.entries()) {
      for (String who : e.who()) {
        assertTrue(
            who.equals(AccessMatrix.PUBLIC)
                || who.equals(AccessMatrix.AUTHENTICATED)
                || Set.of(Role.values()).stream().anyMatch(r -> r.name().equals(who)),
            who);
      }
    }
  }

  @Test
  void malformedLinesAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            AccessMatrix.parse(
                new ByteArrayInputStream("/a | GET | PUBLIC\n".getBytes(StandardCharsets.UTF_8))));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            AccessMatrix.parse(
                new ByteArrayInputStream(
                    "a | GET | PUBLIC | a\n".getBytes(StandardCharsets.UTF_8))));
  }

  // issue 16: the calculator for the department, reviewers, prosecutors, judges and lawyers only
  @Test
  void theEligibilityCalculatorIsForTheLawsReadersOnly() {
    for (String who : List.of("EXECUTION", "REVIEWER", "PROSECUTOR", "JUDGE", "LAWYER")) {
      assertEquals(
          Decision.ALLOW,
          matrix.decide("/api/v1/eligibility/evaluate", "POST", true, Set.of(who)),
          who);
    }
    for (String who :
        List.of("INMATE", "OFFICER", "COMMITTEE", "WARDEN", "SUPERVISOR", "TEACHER", "SYS_ADMIN")) {
      assertEquals(
          Decision.FORBIDDEN,
          matrix.decide("/api/v1/eligibility/evaluate", "POST", true, Set.of(who)),
          who);
    }
    assertEquals(
        Decision.LOGIN_REQUIRED,
        matrix.decide("/api/v1/eligibility/evaluate", "POST", false, Set.of()));
    assertEquals(
        Decision.FORBIDDEN,
        matrix.decide("/api/v1/eligibility/evaluate", "GET", true, Set.of("JUDGE")));
  }
}
