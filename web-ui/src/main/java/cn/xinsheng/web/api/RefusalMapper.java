package cn.xinsheng.web.api;

import cn.xinsheng.platform.Refusal;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A service's refusal becomes its status with the reason in Chinese and English. */
@Provider
public class RefusalMapper implements ExceptionMapper<Refusal> {
  @Override
  public Response toResponse(Refusal e) {
    return answer(e);
  }

  static Response answer(Refusal e) {
    return ApiError.response(e.kind().status, e.messageKey(), e.arguments());
  }
}
