package cn.xinsheng.web.security;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * PrimeFaces in CSP mode adds its own {@code Content-Security-Policy} header naming the page's
 * nonce ({@code script-src 'self' 'nonce-…'}). Two policies are both enforced, so the platform's
 * (set first, without the nonce) would block the nonce's scripts: this wrapper replaces the
 * platform's policy by the same policy with that nonce. Any other policy added (a stricter sandbox
 * of a served file) is added as it is.
 */
final class CspNonce extends HttpServletResponseWrapper {
  private static final String HEADER = "Content-Security-Policy";

  CspNonce(HttpServletResponse response) {
    super(response);
  }

  @Override
  public void addHeader(String name, String value) {
    if (HEADER.equalsIgnoreCase(name)) {
      String merged = SecurityHeaders.withNonceOf(value);
      if (merged != null) {
        super.setHeader(HEADER, merged);
        return;
      }
    }
    super.addHeader(name, value);
  }

  @Override
  public void setHeader(String name, String value) {
    if (HEADER.equalsIgnoreCase(name)) {
      String merged = SecurityHeaders.withNonceOf(value);
      if (merged != null) {
        super.setHeader(HEADER, merged);
        return;
      }
    }
    super.setHeader(name, value);
  }
}
