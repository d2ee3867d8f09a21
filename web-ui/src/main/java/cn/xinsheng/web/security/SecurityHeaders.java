package cn.xinsheng.web.security;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Headers on every response. The content security policy lets pages load nothing from outside the
 * server, which also keeps the air-gap honest: a stray external script or font would be blocked.
 * PrimeFaces needs inline scripts and styles.
 */
final class SecurityHeaders {
  static final String CSP =
      "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
          + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
          + "connect-src 'self'; media-src 'self'; object-src 'none'; frame-ancestors 'self'; "
          + "base-uri 'self'; form-action 'self'";

  private SecurityHeaders() {}

  /** Static resources may be cached by the terminals; pages and API answers never are. */
  static void apply(HttpServletResponse res, boolean staticResource) {
    res.setHeader("Content-Security-Policy", CSP);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "SAMEORIGIN");
    res.setHeader("Referrer-Policy", "same-origin");
    if (!staticResource) {
      res.setHeader("Cache-Control", "no-store");
    }
  }
}
