package cn.xinsheng.web.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/** Gives a successful answer the status its method declares with {@link StatusCode}. */
@Provider
public class SuccessStatus implements ContainerResponseFilter {

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    // 204 is what JAX-RS answers for a void method
    if ((response.getStatus() != 200 && response.getStatus() != 204) || resource == null) {
      return;
    }
    Method m = resource.getResourceMethod();
    StatusCode code = m == null ? null : m.getAnnotation(StatusCode.class);
    if (code != null) {
      response.setStatus(code.value());
    }
  }
}
