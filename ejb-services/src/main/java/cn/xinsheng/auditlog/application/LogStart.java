package cn.xinsheng.auditlog.application;

/**
 * Whether the log may start, from two facts: is a signing key on disk, and does the database hold a
 * log (a recorded key)? A key that exists beside an empty log means the database was lost or
 * replaced: beginning again at size 0 under that key would sign a second history that contradicts
 * every checkpoint a witness already holds, so the log refuses, loudly, and stays refused. A log
 * without its key is refused too: a new key would make every later checkpoint unverifiable against
 * the published one. A new prison has neither, and a prison in use has both.
 */
final class LogStart {

  private LogStart() {}

  /** Null when the log may start; otherwise why not, in Chinese and English. */
  static String refusal(boolean keyOnDisk, boolean logInDatabase, String keyPath) {
    if (keyOnDisk && !logInDatabase) {
      return "审计日志在数据库中是空的，但签名密钥 "
          + keyPath
          + " 已经存在：拒绝在已签过名的密钥下从 0 重新开始日志；请恢复数据库，或在确认要建新监狱后移走该密钥"
          + " / the audit log is empty in the database but its signing key "
          + keyPath
          + " exists: refusing to begin the log again at size 0 under a key that has signed"
          + " before; restore the database, or move the key away to set up a new prison";
    }
    if (!keyOnDisk && logInDatabase) {
      return "数据库中有审计日志，但签名密钥 "
          + keyPath
          + " 不在：拒绝换新密钥继续签名；请从备份恢复密钥"
          + " / the database holds an audit log but its signing key "
          + keyPath
          + " is missing: refusing to sign on with a new key; restore the key from the backup";
    }
    return null;
  }
}
