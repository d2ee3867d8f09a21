/**
 * JDBC storage of the audit log's entries, leaves and checkpoints, and the signing key's file; the
 * entries the services append with the records they bind ({@code SqlAuditEntries}, in the caller's
 * transaction) and the registered witnesses ({@code JpaAuditWitnesses}).
 */
package cn.xinsheng.auditlog.infrastructure;
