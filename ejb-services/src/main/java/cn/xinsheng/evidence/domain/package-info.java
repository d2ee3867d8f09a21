/** Evidence: what it is (by content), its upload's metadata, its stored content. */
package cn.xinsheng.evidence.domain;
