/**
 * Uploading and reading evidence: the checks, the access rule, the audit event. The port other
 * contexts use: {@link cn.xinsheng.evidence.application.EvidenceCatalogue} (a file's section, name
 * and hash).
 */
package cn.xinsheng.evidence.application;
