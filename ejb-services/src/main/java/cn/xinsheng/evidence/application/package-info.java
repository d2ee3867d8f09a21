/** Uploading and reading evidence: the checks, the access rule, the audit event. */
package cn.xinsheng.evidence.application;
