package cn.xinsheng.cases.domain;

import java.util.List;

/**
 * A step the rules do not allow now, with a message key of the bundles and its arguments: the
 * application turns it into a refusal the user reads in Chinese or English.
 */
public class CaseRuleException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Whether the caller lacks the role (403) or the case is not in a state for it (409). */
  public enum Kind {
    ROLE,
    STATE,
    INPUT
  }

  private final Kind kind;
  private final String messageKey;
  private final List<Object> arguments;

  public CaseRuleException(Kind kind, String messageKey, Object... arguments) {
    super(messageKey + " " + List.of(arguments));
    this.kind = kind;
    this.messageKey = messageKey;
    this.arguments = List.of(arguments);
  }

  public Kind kind() {
    return kind;
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] arguments() {
    return arguments.toArray();
  }
}
