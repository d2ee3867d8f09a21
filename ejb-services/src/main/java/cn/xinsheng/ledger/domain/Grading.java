package cn.xinsheng.ledger.domain;

/**
 * Grading (等级评定) of a closed 600-point cycle (司规〔2021〕3号, DOMAIN §2): the section proposes 表扬, 物质奖励
 * or nothing; the prison approves or rejects it, by another person than the proposer
 * (谁考核谁负责、谁签字谁负责). The criteria are the prison's settings ({@link Criteria}), checked at the
 * proposal against the cycle's entries.
 */
public final class Grading {

  private Grading() {}

  /**
   * What the prison requires for an award.
   *
   * @param sanctionBarsAward an administrative sanction (警告, 记过, 禁闭) in the cycle bars 表扬 and 物质奖励
   * @param maxDeductions at most this many deduction entries in the cycle for an award
   */
  public record Criteria(boolean sanctionBarsAward, int maxDeductions) {
    public Criteria {
      if (maxDeductions < 0) {
        throw new IllegalArgumentException("maxDeductions cannot be negative");
      }
    }
  }

  /** What the cycle's entries hold that the criteria look at. */
  public record CycleFacts(int sanctions, int deductions) {}

  /**
   * Why the section may not propose this, as a message key, or null. One open proposal at a time,
   * none once the cycle is decided; an award must meet the criteria.
   */
  public static String checkProposal(
      CycleResult result,
      String reason,
      Criteria criteria,
      CycleFacts facts,
      boolean decided,
      boolean pending) {
    if (decided || pending) {
      return "ledger.error.stepDone";
    }
    if (result == null || reason == null || reason.isBlank() || reason.length() > 500) {
      return "ledger.error.cycleDecision";
    }
    if (result != CycleResult.NONE) {
      if (criteria.sanctionBarsAward() && facts.sanctions() > 0) {
        return "ledger.error.gradingSanction";
      }
      if (facts.deductions() > criteria.maxDeductions()) {
        return "ledger.error.gradingDeductions";
      }
    }
    return null;
  }

  /**
   * Why the prison may not approve or reject this proposal, as a message key, or null: another
   * person than the proposer, once, approve or reject, with a reason.
   */
  public static String checkApproval(
      String proposer, String approver, String decision, String reason, boolean done) {
    if (done) {
      return "ledger.error.stepDone";
    }
    if (approver.equals(proposer)) {
      return "ledger.error.gradingSelfApproval";
    }
    if (!"APPROVED".equals(decision) && !"REJECTED".equals(decision)) {
      return "ledger.error.gradingDecision";
    }
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      return "ledger.error.cycleDecision";
    }
    return null;
  }
}
