package cn.xinsheng.web.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP errors JAX-RS raises itself (no such resource, wrong method, a media type the call does
 * not take or give, a parameter that is not a number) as the {@link ApiError} JSON, never the
 * server's HTML error page. Headers the status needs (Allow on 405) are kept.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  private static final Logger LOG = Logger.getLogger(WebApplicationExceptionMapper.class.getName());

  private static final Map<Integer, String> KEYS =
      Map.ofEntries(
          Map.entry(400, "error.badRequest"),
          Map.entry(401, "error.loginRequired"),
          Map.entry(403, "error.forbidden"),
          Map.entry(404, "error.notFound"),
          Map.entry(405, "error.methodNotAllowed"),
          Map.entry(406, "error.notAcceptable"),
          Map.entry(409, "error.conflict"),
          Map.entry(411, "error.badRequest"),
          Map.entry(413, "error.tooLarge"),
          Map.entry(415, "error.unsupportedMediaType"),
          Map.entry(503, "service.unavailable"));

  /** Headers of the original answer that stay with the JSON one. */
  private static final List<String> KEPT_HEADERS =
      List.of("Allow", "Retry-After", "WWW-Authenticate", "Content-Range");

  @Override
  public Response toResponse(WebApplicationException e) {
    return answer(e);
  }

  static Response answer(WebApplicationException e) {
    if (e instanceof ApiException a) {
      return a.error().answer(a.getResponse().getStatus()).build();
    }
    Response original = e.getResponse();
    if (original != null && original.hasEntity() && original.getStatus() < 500) {
      // an answer the application built itself (a password's broken rules): as it is
      return original;
    }
    int status = original == null ? 500 : original.getStatus();
    ApiError body;
    String parameter = parameterName(e);
    if (parameter != null && !isPathParameter(e)) {
      // JAX-RS says 404 for a query parameter it cannot convert; the request, not the resource, is
      // wrong, so the caller hears 400 and which parameter
      status = 400;
      body = ApiError.of("error.parameter", parameter);
    } else if (e.getCause() instanceof NoContentException) {
      body = ApiError.of("error.body.empty");
    } else if (status >= 500) {
      String reference = java.util.UUID.randomUUID().toString().substring(0, 8);
      LOG.log(Level.SEVERE, "HTTP " + status + ", reference " + reference, e);
      body =
          status == 503
              ? ApiError.of("service.unavailable").withReference(reference)
              : ApiError.of("error.unexpected", reference).withReference(reference);
    } else {
      body = ApiError.of(KEYS.getOrDefault(status, "error.badRequest"));
    }
    Response.ResponseBuilder r = body.answer(status);
    if (original != null) {
      for (String h : KEPT_HEADERS) {
        Object v = original.getHeaders().getFirst(h);
        if (v != null) {
          r.header(h, v);
        }
      }
    }
    return r.build();
  }

  /**
   * The parameter Jersey could not convert (its {@code ParamException} names it), or null. Read by
   * reflection: the API is Jersey's, the application compiles against Jakarta REST only.
   */
  private static String parameterName(WebApplicationException e) {
    if (!e.getClass().getName().startsWith("org.glassfish.jersey.server.ParamException")) {
      return null;
    }
    try {
      Object name = e.getClass().getMethod("getParameterName").invoke(e);
      return name == null ? "?" : name.toString();
    } catch (ReflectiveOperationException | RuntimeException notJersey) {
      return "?";
    }
  }

  /** A path segment that is not a number names no resource: that stays 404. */
  private static boolean isPathParameter(WebApplicationException e) {
    return e.getClass().getName().endsWith("PathParamException");
  }
}
