package cn.xinsheng.web.api;

import jakarta.ws.rs.WebApplicationException;

/**
 * A refusal of the web layer itself with a status a service's {@code Refusal} does not have (401
 * for a login), answered as its {@link ApiError} by {@link WebApplicationExceptionMapper}.
 */
public class ApiException extends WebApplicationException {
  private static final long serialVersionUID = 1L;

  private final transient ApiError error;

  public ApiException(int status, String key, Object... args) {
    super(key, status);
    this.error = ApiError.of(key, args);
  }

  ApiError error() {
    return error;
  }
}
