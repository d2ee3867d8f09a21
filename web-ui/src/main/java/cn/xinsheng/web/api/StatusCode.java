package cn.xinsheng.web.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The status a call answers when it succeeds, where that is not 200: {@code @StatusCode(201)} on a
 * method that creates something. The method returns its typed answer (which /openapi describes)
 * instead of a hand-built {@code Response}; {@link SuccessStatus} sets the status.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface StatusCode {
  int value();
}
