package cn.xinsheng.platform;

import jakarta.ejb.ApplicationException;
import java.util.Arrays;
import java.util.List;

/**
 * A request a service will not carry out, for a reason the user can act on: bad input, a rule of
 * the regulation, or a permission. It names a message key of the bundles (zh_CN first, English)
 * with its arguments; the transaction rolls back, so nothing is half written.
 */
@ApplicationException(rollback = true)
public class Refusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** How the API answers it. */
  public enum Kind {
    INVALID(400),
    FORBIDDEN(403),
    NOT_FOUND(404),
    CONFLICT(409);

    public final int status;

    Kind(int status) {
      this.status = status;
    }
  }

  private final String messageKey;
  private final List<Object> arguments;
  private final Kind kind;

  public Refusal(Kind kind, String messageKey, Object... arguments) {
    super(messageKey + (arguments.length == 0 ? "" : " " + Arrays.asList(arguments)));
    this.kind = kind;
    this.messageKey = messageKey;
    // a refusal about a missing value names it as nothing: it must not fail itself (List.of(null))
    this.arguments = Arrays.stream(arguments).map(a -> a == null ? "" : a).toList();
  }

  public static Refusal invalid(String messageKey, Object... arguments) {
    return new Refusal(Kind.INVALID, messageKey, arguments);
  }

  public static Refusal forbidden(String messageKey, Object... arguments) {
    return new Refusal(Kind.FORBIDDEN, messageKey, arguments);
  }

  public static Refusal notFound(String messageKey, Object... arguments) {
    return new Refusal(Kind.NOT_FOUND, messageKey, arguments);
  }

  public static Refusal conflict(String messageKey, Object... arguments) {
    return new Refusal(Kind.CONFLICT, messageKey, arguments);
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] arguments() {
    return arguments.toArray();
  }

  public Kind kind() {
    return kind;
  }
}
