package cn.xinsheng.auditlog.application;

import java.time.Instant;

/**
 * One run of the log's self-check, as the administrator's page and the REST answer show it and as
 * the store keeps it: not sound names the first failure (a broken log, or a changed bound record).
 */
public record SelfCheck(
    Instant checkedAt,
    long treeSize,
    long entriesChecked,
    boolean sound,
    String failure,
    long durationMillis) {}
