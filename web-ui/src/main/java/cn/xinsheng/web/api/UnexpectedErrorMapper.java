package cn.xinsheng.web.api;

import cn.xinsheng.platform.DatabaseUnavailable;
import cn.xinsheng.web.security.ErrorMessages;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A failure no service foresaw (the database refused a row, a bug): the API still answers JSON in
 * both languages, with a reference an administrator finds in the log, never an HTML page or a stack
 * trace. The transaction has rolled back, so nothing is half written.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<EJBException> {

  private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

  @Override
  public Response toResponse(EJBException e) {
    if (DatabaseUnavailable.isCause(e)) {
      // not a bug: the database is away for a moment (the launcher restarts it); try again
      LOG.warning("503: the database cannot be reached (" + e + ")");
      return Response.status(503)
          .header("Retry-After", "10")
          .type(MediaType.APPLICATION_JSON + ";charset=UTF-8")
          .entity(ErrorMessages.json(DatabaseUnavailable.KEY))
          .build();
    }
    String reference = UUID.randomUUID().toString().substring(0, 8);
    LOG.log(Level.SEVERE, "unexpected error, reference " + reference, e);
    return Response.status(500)
        .type(MediaType.APPLICATION_JSON + ";charset=UTF-8")
        .entity(ErrorMessages.json("error.unexpected", reference))
        .build();
  }
}
