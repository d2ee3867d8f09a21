package cn.xinsheng.web.api;

import cn.xinsheng.web.security.ErrorMessages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last net under {@code /api/*}: an error the servlet container would answer with its HTML
 * error page (a {@code sendError} from below, or an exception no mapper turned into an answer) is
 * answered with the {@link ApiError} JSON instead: 503 {@code service.unavailable} when the
 * database cannot be reached, else 500 with a reference in the log. The mappers answer everything
 * they see; this filter, first in the chain (web.xml), covers what happens around them, such as the
 * access check failing to read the caller's roles from a database that is down.
 */
@WebFilter(filterName = "ApiErrorFilter", urlPatterns = "/api/*", asyncSupported = true)
public class ApiErrorFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ApiErrorFilter.class.getName());

  private static final Map<Integer, String> KEYS =
      Map.of(
          400, "error.badRequest",
          401, "error.loginRequired",
          403, "error.forbidden",
          404, "error.notFound",
          405, "error.methodNotAllowed",
          406, "error.notAcceptable",
          413, "error.tooLarge",
          415, "error.unsupportedMediaType",
          503, "service.unavailable");

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletResponseWrapper json =
        new HttpServletResponseWrapper(res) {
          @Override
          public void sendError(int status) throws IOException {
            answer(
                res, status, KEYS.getOrDefault(status, status >= 500 ? null : "error.badRequest"));
          }

          @Override
          public void sendError(int status, String message) throws IOException {
            sendError(status);
          }
        };
    try {
      chain.doFilter(req, json);
    } catch (IOException | ServletException | RuntimeException e) {
      if (res.isCommitted()) {
        throw e;
      }
      res.resetBuffer();
      if (Failures.databaseUnavailable(e)) {
        // reached before any resource ran (the access check reads the caller's roles)
        LOG.log(Level.WARNING, "database unavailable on {0}: {1}", new Object[] {path(req), e});
        res.setHeader("Retry-After", UnexpectedErrorMapper.RETRY_AFTER);
        answer(res, 503, "service.unavailable");
      } else {
        answer(res, 500, null, e);
      }
    }
  }

  private static String path(HttpServletRequest req) {
    return req.getRequestURI();
  }

  private static void answer(HttpServletResponse res, int status, String key) throws IOException {
    answer(res, status, key, null);
  }

  private static void answer(HttpServletResponse res, int status, String key, Throwable failure)
      throws IOException {
    if (res.isCommitted()) {
      return;
    }
    String body;
    if (key == null) {
      String reference = UUID.randomUUID().toString().substring(0, 8);
      LOG.log(Level.SEVERE, "unexpected error, reference " + reference, failure);
      body = ErrorMessages.json("error.unexpected", reference);
    } else {
      body = ErrorMessages.json(key);
    }
    res.setStatus(status);
    res.setContentType(ApiError.JSON_UTF8);
    byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try {
      res.getOutputStream().write(bytes);
    } catch (IllegalStateException writerInUse) {
      res.getWriter().write(body);
    }
    res.flushBuffer();
  }
}
