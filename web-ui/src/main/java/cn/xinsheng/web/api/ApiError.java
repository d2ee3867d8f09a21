package cn.xinsheng.web.api;

import cn.xinsheng.web.security.ErrorMessages;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;

/**
 * Every refusal and failure of the API, whatever caused it: the message key, the message in Chinese
 * and in English; for a failure nobody foresaw the reference an administrator finds in the log; for
 * a body that breaks the call's rules, one line per field.
 */
@JsonbPropertyOrder({"error", "message_zh", "message_en", "reference", "fields"})
public record ApiError(
    String error, String message_zh, String message_en, String reference, List<FieldError> fields) {

  static final String JSON_UTF8 = MediaType.APPLICATION_JSON + ";charset=UTF-8";

  /** Echoed input (a month, an id) is cut: an error never repeats 100 KB back to the caller. */
  private static final int MAX_ARGUMENT = 200;

  /** One field's problem. */
  @JsonbPropertyOrder({"field", "error", "message_zh", "message_en"})
  public record FieldError(String field, String error, String message_zh, String message_en) {

    static FieldError of(String field, String key, Object... args) {
      Object[] a = shortened(args);
      return new FieldError(
          field, key, text(key, Locale.SIMPLIFIED_CHINESE, a), text(key, Locale.ENGLISH, a));
    }
  }

  static ApiError of(String key, Object... args) {
    Object[] a = shortened(args);
    return new ApiError(
        key, text(key, Locale.SIMPLIFIED_CHINESE, a), text(key, Locale.ENGLISH, a), null, null);
  }

  /**
   * The message with its arguments; a message that names none but shows braces (a JSON example such
   * as {@code {"confirm": true}}) is said as written rather than failing the whole answer.
   */
  private static String text(String key, Locale locale, Object[] args) {
    try {
      return ErrorMessages.text(key, locale, args);
    } catch (IllegalArgumentException notAPattern) {
      return ErrorMessages.text(key, locale);
    }
  }

  /** The first field's problem as the message, every field's in the list. */
  static ApiError of(List<FieldError> fields) {
    FieldError first = fields.get(0);
    return new ApiError(first.error(), first.message_zh(), first.message_en(), null, fields);
  }

  ApiError withReference(String ref) {
    return new ApiError(error, message_zh, message_en, ref, fields);
  }

  Response.ResponseBuilder answer(int status) {
    return Response.status(status).type(JSON_UTF8).entity(this);
  }

  static Response response(int status, String key, Object... args) {
    return of(key, args).answer(status).build();
  }

  private static Object[] shortened(Object[] args) {
    Object[] out = args.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] instanceof CharSequence s && s.length() > MAX_ARGUMENT) {
        out[i] = s.subSequence(0, MAX_ARGUMENT) + "…";
      }
    }
    return out;
  }
}
