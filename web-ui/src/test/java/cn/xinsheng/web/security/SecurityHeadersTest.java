package cn.xinsheng.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Issue 14, finding 11: the platform's policy and the courseware's. */
class SecurityHeadersTest {

  private static String directive(String policy, String name) {
    for (String d : policy.split(";")) {
      if (d.strip().startsWith(name + " ")) {
        return d.strip();
      }
    }
    return "";
  }

  @Test
  void platformPagesAllowNoInlineScriptAndNoEval() {
    String scripts = directive(SecurityHeaders.CSP, "script-src");
    assertEquals("script-src 'self'", scripts);
    assertFalse(SecurityHeaders.CSP.contains("unsafe-eval"));
    assertTrue(SecurityHeaders.CSP.contains("object-src 'none'"));
  }

  @Test
  void theNoncePrimeFacesNamesIsMergedIntoThePlatformsPolicy() {
    String merged = SecurityHeaders.withNonceOf("script-src 'self' 'nonce-AbC123+/=';");
    assertEquals("script-src 'self' 'nonce-AbC123+/='", directive(merged, "script-src"));
    assertEquals(directive(SecurityHeaders.CSP, "default-src"), directive(merged, "default-src"));
    assertNull(SecurityHeaders.withNonceOf("sandbox; default-src 'none'"), "no nonce: not ours");
    assertNull(SecurityHeaders.withNonceOf(null));
  }

  @Test
  void coursewareRunsInASandboxWithoutAnOriginUnderItsOwnPolicy() {
    String p = SecurityHeaders.COURSEWARE_CSP;
    assertTrue(p.startsWith("sandbox allow-scripts"), p);
    assertFalse(p.contains("allow-same-origin"), p);
    assertFalse(p.contains("allow-top-navigation"), p);
    assertTrue(directive(p, "script-src").contains("'unsafe-inline'"), p);
    assertTrue(directive(p, "default-src").equals("default-src 'self'"), p);
    assertFalse(p.contains("http:") || p.contains("https:") || p.contains("*"), "nothing outside");
  }

  /** The headers {@link SecurityHeaders#apply} sets, on a response that only records them. */
  private static java.util.Map<String, String> applied(String path) {
    java.util.Map<String, String> headers = new java.util.HashMap<>();
    jakarta.servlet.http.HttpServletResponse res =
        (jakarta.servlet.http.HttpServletResponse)
            java.lang.reflect.Proxy.newProxyInstance(
                SecurityHeadersTest.class.getClassLoader(),
                new Class<?>[] {jakarta.servlet.http.HttpServletResponse.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("setHeader")) {
                    headers.put((String) args[0], (String) args[1]);
                  }
                  return null;
                });
    SecurityHeaders.apply(res, path, false);
    return headers;
  }

  @Test
  void everyCoursewareAnswerIsReadableByTheSandboxedFrameARefusalToo() {
    // the frame has no origin and sends no credentials: it must read a 404 for an ended token
    // (issue 17) to hand its unsaved commit to the lesson page
    java.util.Map<String, String> courseware = applied("/api/v1/courseware/abc/run/commit");
    assertEquals("*", courseware.get("Access-Control-Allow-Origin"));
    // said, not left out: the server would put SAMEORIGIN in its place, which the sandbox's
    // opaque origin fails for a SCO's own frames
    assertEquals(
        "ALLOWALL",
        courseware.get("X-Frame-Options"),
        "a SCO's own frames are framed by the sandbox");
    java.util.Map<String, String> platform = applied("/api/v1/lms/lessons/1/scorm");
    assertNull(platform.get("Access-Control-Allow-Origin"), "the platform's API stays closed");
    assertEquals("SAMEORIGIN", platform.get("X-Frame-Options"));
  }
}
