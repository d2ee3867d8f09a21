package cn.xinsheng.ledger.domain;

/** What a closed 600-point cycle earned, as a reviewer decides it: what case files cite. */
public enum CycleResult {
  /** 表扬. */
  PRAISE,
  /** 物质奖励. */
  MATERIAL,
  NONE
}
