package cn.xinsheng.web.shell;

import cn.xinsheng.platform.DatabaseUnavailable;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * A screen whose database cannot be reached right now answers 503 with a page that says so and asks
 * to try again in a moment (the launcher restarts an embedded database by itself), instead of the
 * 500 page that tells of an error and a reference. The page needs no database.
 */
@WebFilter(
    filterName = "DatabaseUnavailableFilter",
    urlPatterns = "*.xhtml",
    dispatcherTypes = DispatcherType.REQUEST,
    asyncSupported = true)
public class DatabaseUnavailableFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(DatabaseUnavailableFilter.class.getName());

  /** Seconds a browser or script is asked to wait; an embedded restart takes a few. */
  static final String RETRY_AFTER = "10";

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    try {
      chain.doFilter(req, res);
    } catch (ServletException | IOException | RuntimeException e) {
      if (!DatabaseUnavailable.isCause(e) || res.isCommitted()) {
        throw e;
      }
      LOG.warning(
          "503 for " + req.getRequestURI() + ": the database cannot be reached (" + e + ")");
      res.setHeader("Retry-After", RETRY_AFTER);
      res.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }
  }
}
