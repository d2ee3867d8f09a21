package cn.xinsheng.ledger.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CloseStateTest {

  @Test
  void theFurthestStepTakenNamesTheState() {
    assertEquals("COMPUTED", CloseState.of(Set.of()));
    assertEquals("APPROVED", CloseState.of(Set.of("APPROVED")));
    assertEquals("PUBLISHED", CloseState.of(Set.of("APPROVED", "PUBLISHED")));
    assertEquals("LOCKED", CloseState.of(Set.of("APPROVED", "PUBLISHED", "LOCKED")));
    // a lock counts even if the record of an earlier step were missing
    assertEquals("LOCKED", CloseState.of(Set.of("LOCKED")));
  }

  @Test
  void anInmateSeesAMonthOnceItIsPublished() {
    assertFalse(CloseState.shownToInmate("COMPUTED"));
    assertFalse(CloseState.shownToInmate("APPROVED"));
    assertTrue(CloseState.shownToInmate("PUBLISHED"));
    assertTrue(CloseState.shownToInmate("LOCKED"));
  }
}
