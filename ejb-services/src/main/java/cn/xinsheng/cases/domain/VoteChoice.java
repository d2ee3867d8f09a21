package cn.xinsheng.cases.domain;

/** A committee member's vote. */
public enum VoteChoice {
  AGREE,
  DISAGREE,
  ABSTAIN
}
