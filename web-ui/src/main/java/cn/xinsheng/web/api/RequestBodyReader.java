package cn.xinsheng.web.api;

import cn.xinsheng.platform.Refusal;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Around every request body JSON-B binds: a body that is empty, is not JSON, has the wrong shape
 * (an array, a bare number, {@code null} where an object belongs), a value of the wrong type or out
 * of its type's range, or nests too deep is the caller's mistake: 400 {@code error.body.*}, never a
 * 500. A failure while writing an answer is not seen here and stays a server error.
 */
@Provider
public class RequestBodyReader implements ReaderInterceptor {

  private static final Logger LOG = Logger.getLogger(RequestBodyReader.class.getName());

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    try {
      return context.proceed();
    } catch (NoContentException e) {
      throw Refusal.invalid("error.body.empty");
    } catch (WebApplicationException e) {
      if (e.getCause() instanceof NoContentException) {
        throw Refusal.invalid("error.body.empty");
      }
      throw e;
    } catch (Refusal e) {
      throw e;
    } catch (IOException | RuntimeException | StackOverflowError e) {
      LOG.log(Level.FINE, "unreadable request body", e);
      throw Refusal.invalid("error.body.malformed");
    }
  }
}
