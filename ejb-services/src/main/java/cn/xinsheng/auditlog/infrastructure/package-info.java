/** JDBC storage of the audit log's entries, leaves and checkpoints, and the signing key's file. */
package cn.xinsheng.auditlog.infrastructure;
