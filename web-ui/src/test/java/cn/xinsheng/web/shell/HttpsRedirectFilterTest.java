package cn.xinsheng.web.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HttpsRedirectFilterTest {

  @Test
  void theSettingTurnsHttpsOnOnlyWithAValidPort() {
    assertEquals(0, HttpsRedirectFilter.httpsPort(null));
    assertEquals(0, HttpsRedirectFilter.httpsPort(""));
    assertEquals(0, HttpsRedirectFilter.httpsPort("abc"));
    assertEquals(0, HttpsRedirectFilter.httpsPort("70000"));
    assertEquals(8443, HttpsRedirectFilter.httpsPort(" 8443 "));
  }

  @Test
  void theRedirectKeepsHostPathAndQuery() {
    assertEquals(
        "https://xinsheng.prison.lan:8443/ledger/inmate.xhtml?no=1",
        HttpsRedirectFilter.target("xinsheng.prison.lan", 8443, "/ledger/inmate.xhtml", "no=1"));
    assertEquals("https://10.1.2.3/", HttpsRedirectFilter.target("10.1.2.3", 443, "", null));
    assertEquals("https://[fe80::1]:8443/", HttpsRedirectFilter.target("fe80::1", 8443, "/", null));
  }

  @Test
  void onlyLoopbackCountsAsTheHostItself() {
    assertTrue(HttpsRedirectFilter.fromLoopback("127.0.0.1"));
    assertTrue(HttpsRedirectFilter.fromLoopback("::1"));
    assertFalse(HttpsRedirectFilter.fromLoopback("10.0.0.7"));
  }
}
