package cn.xinsheng.web.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * An error page (403, 404, 500…) is a Faces page rendered in an error dispatch, which the access
 * filter does not see: here too the nonce PrimeFaces names is merged into the platform's policy
 * (issue 14, finding 11), so the page's own scripts run and nothing else does.
 */
@WebFilter(
    filterName = "ErrorPageCspFilter",
    urlPatterns = "/*",
    dispatcherTypes = DispatcherType.ERROR,
    asyncSupported = true)
public class ErrorPageCspFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    res.setHeader("Content-Security-Policy", SecurityHeaders.CSP);
    chain.doFilter(req, new CspNonce(res));
  }
}
