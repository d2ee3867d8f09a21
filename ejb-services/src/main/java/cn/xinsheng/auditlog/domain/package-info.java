/** The audit log's stored entry. */
package cn.xinsheng.auditlog.domain;
