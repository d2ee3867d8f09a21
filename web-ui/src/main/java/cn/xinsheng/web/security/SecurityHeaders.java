package cn.xinsheng.web.security;

import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headers on every response. The content security policy lets pages load nothing from outside the
 * server, which also keeps the air-gap honest: a stray external script or font would be blocked.
 *
 * <p>Issue 14, finding 11: platform pages run no inline script and no eval. PrimeFaces runs in its
 * CSP mode ({@code primefaces.CSP}): its scripts and the event handlers of every component carry
 * the page's nonce, which {@link CspNonce} merges into this policy. Inline styles stay allowed
 * (PrimeFaces positions its widgets with them).
 *
 * <p>Courseware from other publishers (SCOs) is served under {@link #COURSEWARE} with its own
 * policy: inline script and eval run there, because authoring tools need them, but only in a
 * sandbox without an origin ({@code sandbox} without {@code allow-same-origin}), so it cannot use
 * the inmate's session, read the platform's pages or call its API (ADR 0014).
 */
final class SecurityHeaders {
  /**
   * The platform's policy; the nonce of a Faces page is added to script-src. {@code blob:} for
   * images and media: the preview of a photo chosen for upload and the playback of a take just
   * recorded are object URLs of the page's own data, never another origin's.
   */
  static final String CSP =
      "default-src 'self'; script-src 'self'; "
          + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
          + "connect-src 'self'; media-src 'self' blob:; object-src 'none'; frame-ancestors 'self'; "
          + "base-uri 'self'; form-action 'self'";

  /** Where a SCO attempt's files, run-time and commits are served (by the attempt's token). */
  static final String COURSEWARE = "/api/v1/courseware/";

  /**
   * Courseware's policy: a sandbox without an origin (also when a file is opened by its URL),
   * publishers' inline script and eval inside it, nothing from outside the server. No
   * frame-ancestors: a SCO's own frames have the sandbox's opaque origin as their parent.
   */
  static final String COURSEWARE_CSP =
      "sandbox allow-scripts allow-forms allow-popups allow-modals allow-downloads; "
          + "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
          + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
          + "connect-src 'self'; media-src 'self' blob:; object-src 'none'; frame-src 'self'; "
          + "base-uri 'self'; form-action 'self'";

  private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=_-]+)'");

  private SecurityHeaders() {}

  /** Static resources may be cached by the terminals; pages and API answers never are. */
  static void apply(HttpServletResponse res, String path, boolean staticResource) {
    boolean courseware = path.startsWith(COURSEWARE);
    res.setHeader("Content-Security-Policy", courseware ? COURSEWARE_CSP : CSP);
    res.setHeader("X-Content-Type-Options", "nosniff");
    // Payara (Grizzly) adds X-Frame-Options: SAMEORIGIN to every answer that names none, and
    // SAMEORIGIN is checked against every ancestor: a SCO's own frames and popups have the
    // sandboxed launch page, an opaque origin, as their parent, so Chromium refused them
    // (chrome-error://chromewebdata/ in every frame below the launch page). Courseware says
    // ALLOWALL (the HTML standard's "allowed" value; no CSP frame-ancestors either: an opaque
    // ancestor matches no source), every other answer SAMEORIGIN and frame-ancestors 'self'.
    res.setHeader("X-Frame-Options", courseware ? "ALLOWALL" : "SAMEORIGIN");
    if (courseware) {
      // the SCO's frame has no origin and its requests carry no credentials: it may read every
      // answer here, a refusal too (a token that ended answers 404, which the run-time must see
      // to hand its unsaved commit to the lesson page; without this it saw a network error)
      res.setHeader("Access-Control-Allow-Origin", "*");
    }
    res.setHeader("Referrer-Policy", "same-origin");
    if (!staticResource && !courseware) {
      res.setHeader("Cache-Control", "no-store");
    }
  }

  /** The platform's policy with a page's nonce, or null if {@code policy} names none. */
  static String withNonceOf(String policy) {
    Matcher m = NONCE.matcher(policy == null ? "" : policy);
    if (!m.find()) {
      return null;
    }
    return CSP.replace("script-src 'self';", "script-src 'self' 'nonce-" + m.group(1) + "';");
  }
}
