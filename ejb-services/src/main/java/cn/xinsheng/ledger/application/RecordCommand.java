package cn.xinsheng.ledger.application;

import cn.xinsheng.ledger.domain.AssessmentPart;
import cn.xinsheng.platform.Refusal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * What an officer enters for one inmate: the clause (and the part he chose it from, if any), the
 * amount, the fact, when it happened, and the evidence.
 */
public record RecordCommand(
    String prisonerNumber,
    AssessmentPart part,
    String clauseCode,
    String amount,
    String fact,
    Instant occurredAt,
    List<Long> evidenceIds) {

  /** The parts an officer chooses a clause from, by name, in the regulation's order. */
  public static List<String> parts() {
    return Arrays.stream(AssessmentPart.values()).map(Enum::name).toList();
  }

  /**
   * The command as the screen and the API send it, the part by its name (null: none chosen); a name
   * that is no part is refused with {@code ledger.error.part}.
   */
  public static RecordCommand withPartNamed(
      String prisonerNumber,
      String part,
      String clauseCode,
      String amount,
      String fact,
      Instant occurredAt,
      List<Long> evidenceIds) {
    AssessmentPart p;
    try {
      p = part == null ? null : AssessmentPart.valueOf(part);
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("ledger.error.part");
    }
    return new RecordCommand(prisonerNumber, p, clauseCode, amount, fact, occurredAt, evidenceIds);
  }

  /** The same command with the time the fact happened. */
  public RecordCommand withOccurredAt(Instant at) {
    return new RecordCommand(prisonerNumber, part, clauseCode, amount, fact, at, evidenceIds);
  }
}
