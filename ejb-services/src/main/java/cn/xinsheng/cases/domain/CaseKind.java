package cn.xinsheng.cases.domain;

/** A sentence reduction (减刑) or a parole (假释). */
public enum CaseKind {
  REDUCTION,
  PAROLE
}
