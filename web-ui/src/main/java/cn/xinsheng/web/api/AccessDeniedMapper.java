package cn.xinsheng.web.api;

import jakarta.ejb.EJBAccessException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A service refusing the caller's role becomes 403 with a readable body, not a 500. */
@Provider
public class AccessDeniedMapper implements ExceptionMapper<EJBAccessException> {
  @Override
  public Response toResponse(EJBAccessException e) {
    return ApiError.response(403, "error.forbidden");
  }
}
