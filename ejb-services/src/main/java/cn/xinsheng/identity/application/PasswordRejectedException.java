package cn.xinsheng.identity.application;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** A new password broke rules; carries the message keys of every broken rule. */
@ApplicationException(rollback = true)
public class PasswordRejectedException extends RuntimeException {
  private final List<String> messageKeys;

  public PasswordRejectedException(List<String> messageKeys) {
    super("password rejected: " + messageKeys);
    this.messageKeys = List.copyOf(messageKeys);
  }

  public List<String> messageKeys() {
    return messageKeys;
  }
}
