package cn.xinsheng.web.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A finding's stored text split into the record it names and what the reader wrote. */
class FindingWordsTest {

  @Test
  void theRecordAtTheStartIsSplitFromTheText() {
    FindingWords.About a = FindingWords.split("[case/1] 请说明…").orElseThrow();
    assertEquals("case", a.kind());
    assertEquals(1L, a.id());
    assertEquals("请说明…", a.rest());
    FindingWords.About e = FindingWords.split("[point-entry/42] 证据来源？\n第二行").orElseThrow();
    assertEquals("point-entry", e.kind());
    assertEquals(42L, e.id());
    assertEquals("证据来源？\n第二行", e.rest());
    assertEquals("case-event", FindingWords.split("[case-event/7] x").orElseThrow().kind());
  }

  @Test
  void anyOtherTextIsLeftAsItIs() {
    assertTrue(FindingWords.split("我认为应加3分").isEmpty());
    assertTrue(FindingWords.split("[备注] 不是引用").isEmpty());
    assertTrue(FindingWords.split("说明 [case/1] 在中间").isEmpty());
    assertTrue(FindingWords.split(null).isEmpty());
  }
}
