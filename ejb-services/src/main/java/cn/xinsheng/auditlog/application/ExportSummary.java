package cn.xinsheng.auditlog.application;

/** How big an audit export came out; not provable when the stored log is shorter than it signed. */
public record ExportSummary(long entries, long treeSize, boolean provable) {}
