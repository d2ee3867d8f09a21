package cn.xinsheng.web.api;

import cn.xinsheng.platform.Refusal;
import cn.xinsheng.web.security.ErrorMessages;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A service's refusal becomes its status with the reason in Chinese and English. */
@Provider
public class RefusalMapper implements ExceptionMapper<Refusal> {
  @Override
  public Response toResponse(Refusal e) {
    return Response.status(e.kind().status)
        .type(MediaType.APPLICATION_JSON + ";charset=UTF-8")
        .entity(ErrorMessages.json(e.messageKey(), e.arguments()))
        .build();
  }
}
