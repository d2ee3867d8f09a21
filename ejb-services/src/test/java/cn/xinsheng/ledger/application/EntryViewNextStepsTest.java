package cn.xinsheng.ledger.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.ledger.domain.AssessmentPart;
import cn.xinsheng.ledger.domain.EntryStatus;
import cn.xinsheng.ledger.domain.Points;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the ledger's screens ask an entry instead of testing its status themselves (issue 13): who
 * may review it, who may amend it, whether it may be corrected.
 */
class EntryViewNextStepsTest {

  private static EntryView entry(EntryStatus status, Long reversesId) {
    return new EntryView(
        7,
        "3301000001",
        "张三",
        11,
        "J01",
        "遵守监规",
        3,
        AssessmentPart.SUPERVISION,
        Points.of(20),
        "事实",
        Instant.EPOCH,
        "2026-11",
        "officer1",
        Instant.EPOCH,
        status,
        null,
        null,
        null,
        null,
        reversesId,
        null,
        List.of(),
        null);
  }

  @Test
  void aPendingEntryAwaitsEveryReviewerButItsAuthor() {
    EntryView e = entry(EntryStatus.PENDING, null);
    assertTrue(e.awaitsReviewBy("reviewer1"));
    assertFalse(e.awaitsReviewBy("officer1"));
    assertFalse(entry(EntryStatus.APPROVED, null).awaitsReviewBy("reviewer1"));
  }

  @Test
  void aReturnedEntryGoesBackToItsAuthorOnly() {
    EntryView e = entry(EntryStatus.RETURNED, null);
    assertTrue(e.returnedTo("officer1"));
    assertFalse(e.returnedTo("officer2"));
    assertFalse(entry(EntryStatus.PENDING, null).returnedTo("officer1"));
  }

  @Test
  void anApprovedEntryIsCorrectableUnlessItIsACorrection() {
    assertTrue(entry(EntryStatus.APPROVED, null).correctable());
    assertFalse(entry(EntryStatus.APPROVED, 3L).correctable());
    assertFalse(entry(EntryStatus.RETURNED, null).correctable());
  }

  @Test
  void theApiReadsTheEntryByName() {
    EntryView e = entry(EntryStatus.PENDING, null);
    assertEquals("SUPERVISION", e.partName());
    assertEquals("PENDING", e.statusName());
    assertEquals(Points.of(20).toString(), e.amountAsWritten());
  }
}
