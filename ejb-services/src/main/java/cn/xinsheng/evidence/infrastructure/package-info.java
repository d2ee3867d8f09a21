/** Evidence content on disk, content-addressed by SHA-256, with thumbnails. */
package cn.xinsheng.evidence.infrastructure;
