/**
 * Identity's storage: JPA accounts and identity events (with a login's time and the previous
 * visit), and the account directory's SQL on the account, role and officer-section tables (nobody
 * else reads them).
 */
package cn.xinsheng.identity.infrastructure;
