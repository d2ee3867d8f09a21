/**
 * Evidence content on disk, content-addressed by SHA-256, with thumbnails; the record binding for
 * the audit log; the catalogue port on the evidence entity.
 */
package cn.xinsheng.evidence.infrastructure;
