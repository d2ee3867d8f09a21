package cn.xinsheng.readiness.domain;

import java.time.Instant;

/**
 * A change of a plan item's status, appended and never edited: the item's status is its latest
 * update, and the history stays for the handover. DONE carries the evidence it rests on; NOT_NEEDED
 * carries the reason.
 */
public record ItemUpdate(
    String item, ItemStatus status, String note, Long evidence, String by, Instant at) {

  public static final int MAX_NOTE = 2000;

  public ItemUpdate {
    if (item == null || status == null || by == null || by.isBlank() || at == null) {
      throw new ReadinessRefusal("plan.error.update", "item");
    }
    note = note == null ? "" : note.strip();
    if (note.length() > MAX_NOTE) {
      throw new ReadinessRefusal("plan.error.noteTooLong", "note");
    }
    if (status == ItemStatus.DONE && evidence == null) {
      throw new ReadinessRefusal("plan.error.doneNeedsEvidence", item);
    }
    if (status == ItemStatus.NOT_NEEDED && note.isEmpty()) {
      throw new ReadinessRefusal("plan.error.notNeededNeedsReason", item);
    }
  }
}
