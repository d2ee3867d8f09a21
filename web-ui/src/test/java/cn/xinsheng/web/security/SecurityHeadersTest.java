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
}
