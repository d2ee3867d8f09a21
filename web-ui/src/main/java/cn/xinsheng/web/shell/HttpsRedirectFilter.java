package cn.xinsheng.web.shell;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * HTTPS on the prison LAN (issue 21). When the platform is installed with HTTPS ({@code
 * XINSHENG_HTTPS_PORT} set by the launcher), every plain-HTTP request from the network is sent to
 * the same path over HTTPS: passwords and session cookies never cross the LAN in clear, the session
 * cookie is marked Secure on HTTPS, and a terminal's microphone needs a secure context. Loopback
 * answers the health probes ({@code /health/…}) on HTTP too, for the launcher and the service
 * manager on the host itself; everything else, loopback included, is redirected. Without the
 * setting (start-dev, the tests) nothing changes.
 */
@WebFilter(
    filterName = "HttpsRedirectFilter",
    urlPatterns = "/*",
    dispatcherTypes = DispatcherType.REQUEST,
    asyncSupported = true)
public class HttpsRedirectFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private final int httpsPort = httpsPort(System.getenv("XINSHENG_HTTPS_PORT"));

  static int httpsPort(String setting) {
    if (setting == null || setting.isBlank()) {
      return 0;
    }
    try {
      int port = Integer.parseInt(setting.strip());
      return port > 0 && port < 65536 ? port : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (httpsPort == 0
        || req.isSecure()
        || (req.getRequestURI().startsWith(req.getContextPath() + "/health/")
            && fromLoopback(req.getRemoteAddr()))) {
      chain.doFilter(req, res);
      return;
    }
    res.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
    res.setHeader(
        "Location",
        target(req.getServerName(), httpsPort, req.getRequestURI(), req.getQueryString()));
    res.setHeader("Cache-Control", "no-store");
  }

  /** The same path and query on HTTPS; the host is the one the browser asked for. */
  static String target(String host, int port, String uri, String query) {
    String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return "https://"
        + h
        + (port == 443 ? "" : ":" + port)
        + (uri == null || uri.isEmpty() ? "/" : uri)
        + (query == null ? "" : "?" + query);
  }

  static boolean fromLoopback(String address) {
    try {
      return address != null && InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
