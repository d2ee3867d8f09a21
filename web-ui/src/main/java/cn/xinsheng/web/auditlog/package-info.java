/** The administrator's audit-log screen. */
package cn.xinsheng.web.auditlog;
