package cn.xinsheng.web.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * A SCORM commit sent as {@code text/plain}: the run-time (scorm-again) sends its last commit at
 * LMSFinish/Terminate and at page unload with {@code navigator.sendBeacon}, whose body is the same
 * JSON but typed {@code text/plain} (a beacon cannot ask for JSON without a preflight). The body is
 * read with the API's strict JSON-B, so it is checked exactly as the JSON commit is.
 */
@Provider
@Consumes(MediaType.TEXT_PLAIN)
public class ScormBeaconReader implements MessageBodyReader<ScormRuntimeResource.ScormCommit> {

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == ScormRuntimeResource.ScormCommit.class
        && mediaType.isCompatible(MediaType.TEXT_PLAIN_TYPE);
  }

  @Override
  public ScormRuntimeResource.ScormCommit readFrom(
      Class<ScormRuntimeResource.ScormCommit> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders,
      InputStream entityStream)
      throws IOException {
    byte[] body = entityStream.readNBytes(4 << 20);
    if (body.length == 0) {
      throw new NoContentException("empty SCORM commit");
    }
    return new StrictJson()
        .getContext(type)
        .fromJson(new java.io.ByteArrayInputStream(body), ScormRuntimeResource.ScormCommit.class);
  }
}
