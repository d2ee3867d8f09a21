package cn.xinsheng.web.api;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Type;
import java.math.BigDecimal;

/**
 * JSON-B for the API, strict where the default is lenient: a whole number is a JSON number without
 * a fraction and within its Java type's range (1.5 days is not silently one day, "5" is not a
 * number), and a yes/no is JSON {@code true} or {@code false} ("maybe" is not false). Anything else
 * is a body of the wrong shape: 400 {@code error.body.malformed}.
 */
@Provider
public class StrictJson implements ContextResolver<Jsonb> {

  private static final Jsonb JSONB =
      JsonbBuilder.create(
          new JsonbConfig().withDeserializers(new WholeLong(), new WholeInteger(), new YesNo()));

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }

  /** A JSON number with no fraction within a long's range. */
  static final class WholeLong implements JsonbDeserializer<Long> {
    @Override
    public Long deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
      BigDecimal d = whole(parser, Long.MIN_VALUE, Long.MAX_VALUE);
      return d == null ? null : d.longValueExact();
    }
  }

  /** A JSON number with no fraction within an int's range (Yasson's default wraps 3000000000). */
  static final class WholeInteger implements JsonbDeserializer<Integer> {
    @Override
    public Integer deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
      BigDecimal d = whole(parser, Integer.MIN_VALUE, Integer.MAX_VALUE);
      return d == null ? null : d.intValueExact();
    }
  }

  /**
   * The current value as a whole number within [min, max], or null for JSON null. (The
   * deserializers are one class per type: JSON-B reads the target type from the class's own generic
   * interface, and a shared generic class would bind to Number and never be asked.)
   */
  static BigDecimal whole(JsonParser parser, long min, long max) {
    JsonValue v = parser.getValue();
    if (v == JsonValue.NULL) {
      return null;
    }
    if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
      throw new JsonbException("not a whole number");
    }
    // compared as a decimal first: 1e999999999 must not become a BigInteger of that size
    BigDecimal d = n.bigDecimalValue();
    if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new JsonbException("out of range");
    }
    return d;
  }

  /** JSON true or false, nothing else. */
  static final class YesNo implements JsonbDeserializer<Boolean> {
    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
      JsonValue v = parser.getValue();
      if (v == JsonValue.TRUE) {
        return Boolean.TRUE;
      }
      if (v == JsonValue.FALSE) {
        return Boolean.FALSE;
      }
      if (v == JsonValue.NULL) {
        return null;
      }
      throw new JsonbException("not true or false");
    }
  }
}
