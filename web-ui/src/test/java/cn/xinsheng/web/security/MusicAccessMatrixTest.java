package cn.xinsheng.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.web.security.AccessMatrix.Decision;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 (music-study): who reaches the folk-music pages and API, role by role; everyone else is
 * refused (deny by default). The services narrow each line further to the caller's own inmates
 * (MusicStudySystemIT).
 */
class MusicAccessMatrixTest {

  private final AccessMatrix matrix = AccessMatrix.load();

  private void only(String path, String method, String... roles) {
    Set<String> allowed = Set.of(roles);
    for (Role r : Role.values()) {
      Decision d = matrix.decide(path, method, true, Set.of(r.name()));
      assertEquals(
          allowed.contains(r.name()) ? Decision.ALLOW : Decision.FORBIDDEN,
          d,
          r + " " + method + " " + path);
    }
    assertEquals(Decision.LOGIN_REQUIRED, matrix.decide(path, method, false, Set.of()), path);
  }

  @Test
  void theMusicPagesAndApiAdmitExactlyTheirRoles() {
    only("/inmate/music.xhtml", "GET", "INMATE");
    only("/inmate/music-take.xhtml", "GET", "INMATE");
    only("/music/catalogue.xhtml", "GET", "TEACHER", "EXAMINER", "EDU_ADMIN");
    only("/music/practice.xhtml", "GET", "TEACHER", "EDU_ADMIN");
    only("/music/takes.xhtml", "GET", "TEACHER", "EXAMINER", "EDU_ADMIN", "OFFICER");
    only("/music/take.xhtml", "GET", "TEACHER", "EXAMINER", "EDU_ADMIN", "OFFICER");
    only("/api/v1/music/catalogue", "GET", "INMATE", "TEACHER", "EXAMINER", "EDU_ADMIN", "OFFICER");
    only(
        "/api/v1/music/items/7/sheet",
        "GET",
        "INMATE",
        "TEACHER",
        "EXAMINER",
        "EDU_ADMIN",
        "OFFICER");
    only("/api/v1/music/packages", "POST", "EDU_ADMIN");
    only("/api/v1/music/practice", "GET", "INMATE", "TEACHER", "EDU_ADMIN");
    only("/api/v1/music/practice", "POST", "INMATE");
    only("/api/v1/music/takes", "POST", "TEACHER", "OFFICER");
    only("/api/v1/music/takes/mine", "POST", "INMATE");
    only(
        "/api/v1/music/takes/7/analysis",
        "GET",
        "INMATE",
        "TEACHER",
        "EXAMINER",
        "EDU_ADMIN",
        "OFFICER");
    only("/api/v1/music/takes/7/feedback", "POST", "TEACHER");
    only("/api/v1/music/takes/7", "DELETE");
    only("/api/v1/music/takes/7/feedback", "PUT");
  }

  @Test
  void externalReadersReachNoMusicStudy() {
    String external =
        Arrays.stream(new String[] {"PROSECUTOR", "JUDGE", "SUPERVISOR", "LAWYER"})
            .collect(Collectors.joining(" "));
    for (String r : external.split(" ")) {
      assertEquals(
          Decision.FORBIDDEN, matrix.decide("/api/v1/music/takes/1/audio", "GET", true, Set.of(r)));
    }
  }
}
