package cn.xinsheng.web.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrossSiteCheckTest {

  private static HttpServletRequest request(Map<String, String> headers) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            HttpServletRequest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                method.getName().equals("getHeader") ? headers.get((String) args[0]) : null);
  }

  @Test
  void sameOriginPostsPass() {
    assertFalse(
        AccessControlFilter.isCrossSite(
            request(Map.of("Host", "localhost:8080", "Origin", "http://localhost:8080"))));
    assertFalse(
        AccessControlFilter.isCrossSite(
            request(
                Map.of("Host", "localhost:8080", "Referer", "http://localhost:8080/login.xhtml"))));
  }

  @Test
  void scriptsWithoutOriginPass() {
    assertFalse(AccessControlFilter.isCrossSite(request(Map.of("Host", "localhost:8080"))));
  }

  @Test
  void otherSitesAreRefused() {
    assertTrue(
        AccessControlFilter.isCrossSite(
            request(Map.of("Host", "localhost:8080", "Origin", "http://evil.example"))));
    assertTrue(
        AccessControlFilter.isCrossSite(
            request(Map.of("Host", "localhost:8080", "Origin", "http://localhost:9090"))));
    assertTrue(
        AccessControlFilter.isCrossSite(
            request(Map.of("Host", "localhost:8080", "Origin", "null"))));
  }
}
