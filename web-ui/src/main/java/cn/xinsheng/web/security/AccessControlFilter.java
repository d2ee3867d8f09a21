package cn.xinsheng.web.security;

import cn.xinsheng.identity.application.ReadLog;
import cn.xinsheng.web.security.AccessMatrix.Decision;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Every request passes here first. In order: security headers; a cross-site check on requests that
 * change state; the access matrix (deny by default); and the forced change of an initial password
 * before anything else may be used.
 */
@WebFilter(filterName = "AccessControlFilter", urlPatterns = "/*", asyncSupported = true)
public class AccessControlFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(AccessControlFilter.class.getName());

  private static final AccessMatrix MATRIX = AccessMatrix.load();
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  private static final String PASSWORD_PAGE = "/account/password.xhtml";

  /** What a user who must change his password may still reach. */
  private static final Set<String> ALLOWED_BEFORE_CHANGE =
      Set.of(
          PASSWORD_PAGE, "/logout", "/login.xhtml", "/api/v1/session", "/api/v1/session/password");

  @Inject CurrentUser currentUser;
  @Inject ReadLog readLog;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    // issue 14, finding 8: the session cookie leaves with SameSite=Strict (Secure over HTTPS)
    SessionCookies res = new SessionCookies(response, req.isSecure());
    try {
      filter(req, res, chain);
    } finally {
      res.mendNow();
    }
  }

  private void filter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String raw = req.getRequestURI().substring(req.getContextPath().length());
    String refusal = refusePath(raw);
    String path = refusal == null ? pathOf(req) : raw;
    SecurityHeaders.apply(res, path, path.startsWith("/jakarta.faces.resource/"));
    boolean api = path.startsWith("/api/");
    if (refusal != null) {
      // issue 14, finding 5: a path whose meaning the container and this filter could read
      // differently is not judged at all
      LOG.warning(() -> "refused path " + raw.replaceAll("[\\r\\n]", "?") + ": " + refusal);
      res.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      res.setContentType("application/json;charset=UTF-8");
      res.getWriter().write(ErrorMessages.json("error.pathRefused"));
      return;
    }

    // issue 14, finding 11: a SCO's sandboxed frame has no origin ("null"); its commits are
    // authorised by the attempt's token in the path, not by a cookie, so there is no session to
    // ride on
    if (!SAFE_METHODS.contains(req.getMethod())
        && isCrossSite(req)
        && !path.startsWith(SecurityHeaders.COURSEWARE)) {
      LOG.warning(() -> "refused cross-site " + req.getMethod() + " to " + path);
      deny(res, api, HttpServletResponse.SC_FORBIDDEN, "error.crossSite");
      return;
    }

    Principal principal = req.getUserPrincipal();
    boolean authenticated = principal != null;
    Set<String> roles =
        authenticated
            ? currentUser.getRoles().stream().map(Enum::name).collect(Collectors.toSet())
            : Set.of();
    Decision decision = MATRIX.decide(path, req.getMethod(), authenticated, roles);
    switch (decision) {
      case LOGIN_REQUIRED -> {
        if (api || !"GET".equals(req.getMethod())) {
          deny(res, api, HttpServletResponse.SC_UNAUTHORIZED, "error.loginRequired");
        } else {
          String next = URLEncoder.encode(path, StandardCharsets.UTF_8);
          res.sendRedirect(req.getContextPath() + "/login.xhtml?next=" + next);
        }
        return;
      }
      case FORBIDDEN -> {
        if (!api && req.getServletContext().getResource(path) == null) {
          // a page that does not exist is "页面不存在" for every role: the walk found the inmate
          // told "无权访问" for a typo where an officer read "页面不存在". Nothing is let through:
          // there is no page to show.
          res.sendError(HttpServletResponse.SC_NOT_FOUND);
          return;
        }
        LOG.info(() -> "refused " + req.getMethod() + " " + path + " for roles " + roles);
        deny(res, api, HttpServletResponse.SC_FORBIDDEN, "error.forbidden");
        return;
      }
      case ALLOW -> {
        // continue below
      }
    }

    if (authenticated
        && currentUser.isMustChangePassword()
        && !ALLOWED_BEFORE_CHANGE.contains(path)
        && !path.startsWith("/jakarta.faces.resource/")) {
      if (api) {
        deny(res, true, HttpServletResponse.SC_FORBIDDEN, "error.passwordChangeRequired");
      } else {
        res.sendRedirect(req.getContextPath() + PASSWORD_PAGE);
      }
      return;
    }
    if (authenticated
        && (ReadLog.isLogged(currentUser.getRoles()) || path.startsWith("/api/v1/audit/"))
        && !path.startsWith("/jakarta.faces.resource/")) {
      // external readers, and anyone reading the audit log: recorded before anything is shown
      readLog.recordRead(
          principal.getName(), currentUser.getRoles(), req.getMethod(), path, req.getQueryString());
    }
    chain.doFilter(req, new CspNonce(res));
  }

  /**
   * The path the container will serve, decoded and normalised by it: the servlet path and the path
   * info, as the servlet that answers sees them. The access matrix judges this path, never the raw
   * request line (issue 14, finding 5: {@code /inmate/home.xhtml;/../../admin/audit.xhtml} was
   * judged as an inmate page and served as the audit page).
   */
  static String pathOf(HttpServletRequest req) {
    String servlet = req.getServletPath() == null ? "" : req.getServletPath();
    String info = req.getPathInfo() == null ? "" : req.getPathInfo();
    String path = servlet + info;
    return path.isEmpty() ? "/" : path;
  }

  /**
   * Why a raw request path (after the context path, still encoded) is refused, or null. Browsers
   * and the platform's own pages never send any of these: path parameters ({@code ;}, including a
   * session id in the URL, which this platform does not use), dot segments, encoded dots, slashes,
   * backslashes, percent signs or control characters, a backslash, or an empty segment.
   */
  static String refusePath(String raw) {
    if (raw.indexOf(';') >= 0) {
      return "path parameter";
    }
    String lower = raw.toLowerCase(Locale.ROOT);
    for (String encoded : List.of("%2e", "%2f", "%5c", "%25", "%00", "%0a", "%0d", "%3b")) {
      if (lower.contains(encoded)) {
        return "encoded " + encoded;
      }
    }
    if (raw.indexOf('\\') >= 0) {
      return "backslash";
    }
    for (int i = 0; i < raw.length(); i++) {
      if (raw.charAt(i) < 0x20 || raw.charAt(i) == 0x7f) {
        return "control character";
      }
    }
    if (raw.contains("//")) {
      return "empty segment";
    }
    for (String segment : raw.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return "dot segment";
      }
    }
    return null;
  }

  /**
   * A browser sends Origin (or at least Referer) on a cross-site form post or script request;
   * scripts and API clients send neither and are not subject to CSRF, which rides on a victim's
   * browser. A state-changing request whose origin is another site is refused.
   */
  static boolean isCrossSite(HttpServletRequest req) {
    String origin = req.getHeader("Origin");
    if (origin == null) {
      origin = req.getHeader("Referer");
    }
    if (origin == null || origin.isBlank()) {
      return false;
    }
    if ("null".equals(origin)) {
      return true;
    }
    try {
      URI uri = URI.create(origin.strip());
      String host = req.getHeader("Host");
      String originHost =
          uri.getHost() == null
              ? ""
              : uri.getHost().toLowerCase(Locale.ROOT)
                  + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
      return host == null || !originHost.equals(host.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return true;
    }
  }

  private static void deny(HttpServletResponse res, boolean api, int status, String key)
      throws IOException {
    if (api) {
      res.setStatus(status);
      res.setContentType("application/json;charset=UTF-8");
      res.getWriter().write(ErrorMessages.json(key));
    } else {
      res.sendError(status);
    }
  }
}
