package cn.xinsheng.web.security;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 14, finding 5: the raw paths the filter refuses before judging anything. */
class PathRefusalTest {

  @Test
  void ordinaryPathsPass() {
    for (String p :
        List.of(
            "/",
            "/inmate/home.xhtml",
            "/api/v1/lms/lessons/1/file/media/intro.mp4",
            "/jakarta.faces.resource/theme.css.xhtml",
            "/fonts/NotoSansSC-Regular.ttf",
            "/api/v1/cases/public/posting.pdf",
            "/learn/..hidden-but-not-a-dot-segment.xhtml")) {
      assertNull(AccessControlFilter.refusePath(p), p);
    }
  }

  @Test
  void pathParametersDotSegmentsAndEncodedFormsAreRefused() {
    for (String p :
        List.of(
            "/inmate/home.xhtml;/../../prosecutor/home.xhtml",
            "/prosecutor/home.xhtml;/../../admin/audit.xhtml",
            "/inmate/home.xhtml;jsessionid=abc",
            "/inmate/..;/admin/audit.xhtml",
            "/inmate/../admin/audit.xhtml",
            "/inmate/./home.xhtml",
            "/inmate/%2e%2e/admin/audit.xhtml",
            "/inmate/%2E%2E/admin/audit.xhtml",
            "/inmate/.%2e/admin/audit.xhtml",
            "/inmate/..%2fadmin%2faudit.xhtml",
            "/inmate/..%2Fadmin/audit.xhtml",
            "/inmate/..%5cadmin/audit.xhtml",
            "/inmate/%252e%252e/admin/audit.xhtml",
            "/inmate/home.xhtml%3b/../admin",
            "/inmate/..\\\\admin/audit.xhtml",
            "/inmate//home.xhtml",
            "/inmate/home.xhtml%00.png",
            "/..")) {
      assertNotNull(AccessControlFilter.refusePath(p), p);
    }
  }
}
