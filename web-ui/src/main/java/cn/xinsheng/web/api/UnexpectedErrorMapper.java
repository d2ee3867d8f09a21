package cn.xinsheng.web.api;

import cn.xinsheng.platform.Refusal;
import jakarta.ejb.EJBAccessException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whatever no narrower mapper caught. A refusal, a validation failure or an HTTP error that a
 * container wrapped (an EJB exception around it) is answered as itself; a database that cannot be
 * reached is 503; a row the database refused is 409 or 400; anything else is 500 with a reference
 * an administrator finds in the log. Never the exception's text, SQL or a server path: the answer
 * is always the {@link ApiError} JSON in both languages. The transaction has rolled back, so
 * nothing is half written.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

  /** Seconds a caller is asked to wait while the database is away (the launcher restarts it). */
  static final String RETRY_AFTER = "10";

  @Context UriInfo uri;

  @Override
  public Response toResponse(Throwable e) {
    var refusal = Failures.find(e, Refusal.class);
    if (refusal.isPresent()) {
      return RefusalMapper.answer(refusal.get());
    }
    if (Failures.find(e, EJBAccessException.class).isPresent()) {
      return ApiError.response(403, "error.forbidden");
    }
    var invalid = Failures.find(e, ConstraintViolationException.class);
    if (invalid.isPresent()) {
      return ConstraintViolationMapper.answer(invalid.get());
    }
    var http = Failures.find(e, WebApplicationException.class);
    if (http.isPresent()) {
      return WebApplicationExceptionMapper.answer(http.get());
    }
    String reference = UUID.randomUUID().toString().substring(0, 8);
    if (Failures.databaseUnavailable(e)) {
      LOG.log(
          Level.WARNING,
          "database unavailable, reference {0} on {1}: {2}",
          new Object[] {reference, where(), e});
      return ApiError.of("service.unavailable")
          .withReference(reference)
          .answer(503)
          .header("Retry-After", RETRY_AFTER)
          .build();
    }
    if (Failures.conflict(e)) {
      LOG.log(
          Level.WARNING, "database refused a row, reference " + reference + " on " + where(), e);
      return ApiError.of("error.database.conflict").withReference(reference).answer(409).build();
    }
    if (Failures.valueRejected(e)) {
      LOG.log(
          Level.WARNING, "database refused a value, reference " + reference + " on " + where(), e);
      return ApiError.of("error.database.value").withReference(reference).answer(400).build();
    }
    LOG.log(Level.SEVERE, "unexpected error, reference " + reference + " on " + where(), e);
    return ApiError.of("error.unexpected", reference).withReference(reference).answer(500).build();
  }

  private String where() {
    try {
      return uri == null ? "?" : uri.getRequestUri().getRawPath();
    } catch (RuntimeException outsideRequest) {
      return "?";
    }
  }
}
