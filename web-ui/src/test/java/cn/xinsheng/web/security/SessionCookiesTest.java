package cn.xinsheng.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Issue 14, finding 8: the attributes a Set-Cookie gets. */
class SessionCookiesTest {

  @Test
  void theSessionCookieGetsSameSiteAndOverHttpsSecure() {
    assertEquals(
        "JSESSIONID=abc; Path=/; HttpOnly; SameSite=Strict",
        SessionCookies.mend("JSESSIONID=abc; Path=/; HttpOnly", false));
    assertEquals(
        "JSESSIONID=abc; Path=/; HttpOnly; SameSite=Strict; Secure",
        SessionCookies.mend("JSESSIONID=abc; Path=/; HttpOnly", true));
  }

  @Test
  void whatIsThereIsLeftAlone() {
    String done = "XS_BROWSER=t; Path=/; HttpOnly; SameSite=Strict; Secure";
    assertEquals(done, SessionCookies.mend(done, true));
    // "secure" inside a value is not the attribute
    assertEquals(
        "a=secure; SameSite=Strict; Secure",
        SessionCookies.mend("a=secure; SameSite=Strict", true));
  }
}
