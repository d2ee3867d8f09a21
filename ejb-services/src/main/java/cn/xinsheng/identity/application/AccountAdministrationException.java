package cn.xinsheng.identity.application;

import jakarta.ejb.ApplicationException;

/** An administrator's request that cannot be carried out; the message key says why. */
@ApplicationException(rollback = true)
public class AccountAdministrationException extends RuntimeException {
  private final String messageKey;

  public AccountAdministrationException(String messageKey) {
    super(messageKey);
    this.messageKey = messageKey;
  }

  public String messageKey() {
    return messageKey;
  }
}
