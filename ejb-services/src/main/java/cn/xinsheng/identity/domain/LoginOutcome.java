package cn.xinsheng.identity.domain;

/** What a login attempt came to; each has its own message for the user. */
public enum LoginOutcome {
  SUCCESS,
  /** Unknown user or wrong password: the user is told the same for both. */
  INVALID_CREDENTIALS,
  LOCKED,
  DISABLED
}
