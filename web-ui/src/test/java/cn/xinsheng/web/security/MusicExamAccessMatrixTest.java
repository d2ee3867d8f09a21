package cn.xinsheng.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.xinsheng.web.security.AccessMatrix.Decision;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 19's rows of the access matrix as a table: the board runs exams, examiners mark and see
 * their panels, inmates their own results, teachers and external readers results, officers the
 * ledger credit; everyone else is refused (deny by default). The services narrow further (an
 * examiner's own candidates, an inmate's own certificate, a reader's case files): the system tests
 * prove that part.
 */
class MusicExamAccessMatrixTest {

  private static final AccessMatrix MATRIX = AccessMatrix.load();

  @ParameterizedTest(name = "{1} {0} as {2} -> {3}")
  @CsvSource({
    "/api/v1/music/exams/sessions,            GET,  EDU_ADMIN,  ALLOW",
    "/api/v1/music/exams/sessions,            POST, EDU_ADMIN,  ALLOW",
    "/api/v1/music/exams/sessions,            POST, EXAMINER,   FORBIDDEN",
    "/api/v1/music/exams/sessions,            GET,  TEACHER,    FORBIDDEN",
    "/api/v1/music/exams/sessions/7/candidates, GET, EXAMINER,  ALLOW",
    "/api/v1/music/exams/sessions/7/candidates, GET, INMATE,    FORBIDDEN",
    "/api/v1/music/exams/registrations,       POST, EDU_ADMIN,  ALLOW",
    "/api/v1/music/exams/registrations,       POST, EXAMINER,   FORBIDDEN",
    "/api/v1/music/exams/placements,          POST, EDU_ADMIN,  ALLOW",
    "/api/v1/music/exams/placements,          POST, OFFICER,    FORBIDDEN",
    "/api/v1/music/exams/panel/7,             POST, EDU_ADMIN,  ALLOW",
    "/api/v1/music/exams/panel/7,             POST, EXAMINER,   FORBIDDEN",
    "/api/v1/music/exams/marks/7,             POST, EXAMINER,   ALLOW",
    "/api/v1/music/exams/marks/7,             POST, EDU_ADMIN,  FORBIDDEN",
    "/api/v1/music/exams/marks/7,             GET,  EDU_ADMIN,  ALLOW",
    "/api/v1/music/exams/marks/7,             GET,  INMATE,     FORBIDDEN",
    "/api/v1/music/exams/marks/7,             GET,  PROSECUTOR, FORBIDDEN",
    "/api/v1/music/exams/conflicts/7,         POST, EXAMINER,   ALLOW",
    "/api/v1/music/exams/conflicts/7,         POST, EDU_ADMIN,  FORBIDDEN",
    "/api/v1/music/exams/publications/7,      POST, EDU_ADMIN,  ALLOW",
    "/api/v1/music/exams/publications/7,      POST, EXAMINER,   FORBIDDEN",
    "/api/v1/music/exams/candidates/7/performance, POST, EXAMINER, ALLOW",
    "/api/v1/music/exams/candidates/7/performance, POST, TEACHER,  FORBIDDEN",
    "/api/v1/music/exams/candidates/7/performance, GET,  INMATE,   FORBIDDEN",
    "/api/v1/music/exams/results/mine,        GET,  INMATE,     ALLOW",
    "/api/v1/music/exams/results/mine,        GET,  TEACHER,    FORBIDDEN",
    "/api/v1/music/exams/results,             GET,  TEACHER,    ALLOW",
    "/api/v1/music/exams/results,             GET,  LAWYER,     ALLOW",
    "/api/v1/music/exams/results,             GET,  JUDGE,      ALLOW",
    "/api/v1/music/exams/results,             GET,  INMATE,     FORBIDDEN",
    "/api/v1/music/exams/results,             GET,  EXAMINER,   FORBIDDEN",
    "/api/v1/music/exams/results,             POST, EDU_ADMIN,  FORBIDDEN",
    "/api/v1/music/exams/statistics,          GET,  EDU_ADMIN,  ALLOW",
    "/api/v1/music/exams/statistics.xlsx,     GET,  EDU_ADMIN,  ALLOW",
    "/api/v1/music/exams/statistics,          GET,  WARDEN,     FORBIDDEN",
    "/api/v1/music/exams/achievements,        GET,  OFFICER,    ALLOW",
    "/api/v1/music/exams/achievements/7,      POST, OFFICER,    ALLOW",
    "/api/v1/music/exams/achievements/7,      POST, REVIEWER,   FORBIDDEN",
    "/api/v1/music/certificates/verification/AAAA-BBBB-CCCC, GET, PROSECUTOR, ALLOW",
    "/api/v1/music/certificates/verification/AAAA-BBBB-CCCC, GET, OFFICER,    ALLOW",
    "/api/v1/music/certificates/verification/AAAA-BBBB-CCCC, GET, INMATE,     FORBIDDEN",
    "/api/v1/music/certificates/verification/AAAA-BBBB-CCCC, GET, SYS_ADMIN,  FORBIDDEN",
    "/api/v1/music/certificates/pdf/AAAA-BBBB-CCCC,    GET, INMATE,     ALLOW",
    "/api/v1/music/certificates/pdf/AAAA-BBBB-CCCC,    GET, LAWYER,     FORBIDDEN",
    "/api/v1/music/certificates/export/AAAA-BBBB-CCCC, GET, EDU_ADMIN,  ALLOW",
    "/api/v1/music/certificates/export/AAAA-BBBB-CCCC, GET, EXAMINER,   FORBIDDEN",
    "/music/exams.xhtml,                      GET,  EXAMINER,   ALLOW",
    "/music/exams.xhtml,                      GET,  INMATE,     FORBIDDEN",
    "/music/candidate.xhtml,                  POST, EDU_ADMIN,  ALLOW",
    "/music/candidate.xhtml,                  GET,  TEACHER,    FORBIDDEN",
    "/music/results.xhtml,                    GET,  INMATE,     ALLOW",
    "/music/results.xhtml,                    GET,  SUPERVISOR, ALLOW",
    "/music/results.xhtml,                    GET,  OFFICER,    FORBIDDEN",
    "/music/verify.xhtml,                     GET,  JUDGE,      ALLOW",
    "/music/verify.xhtml,                     GET,  INMATE,     FORBIDDEN",
    "/music/statistics.xhtml,                 GET,  EDU_ADMIN,  ALLOW",
    "/music/statistics.xhtml,                 GET,  EXAMINER,   FORBIDDEN",
    "/music/points.xhtml,                     GET,  OFFICER,    ALLOW",
    "/music/points.xhtml,                     GET,  REVIEWER,   FORBIDDEN",
  })
  void rolesReachOnlyTheirPart(String path, String method, String role, Decision expected) {
    assertEquals(expected, MATRIX.decide(path, method, true, Set.of(role)));
  }

  @ParameterizedTest(name = "{0} needs a login")
  @CsvSource({
    "/api/v1/music/exams/sessions",
    "/api/v1/music/certificates/verification/A",
    "/music/verify.xhtml"
  })
  void nothingWithoutALogin(String path) {
    assertEquals(Decision.LOGIN_REQUIRED, MATRIX.decide(path, "GET", false, Set.of()));
  }
}
