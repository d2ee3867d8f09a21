/**
 * The platform's tamper-evident log: every module appends through {@link
 * cn.xinsheng.auditlog.application.AuditLog}; the sequencer integrates and signs.
 */
package cn.xinsheng.auditlog.application;
