package cn.xinsheng.sentence.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.xinsheng.sentence.domain.Performance;
import org.junit.jupiter.api.Test;

/** The performance the ledger shows when a proposal names none (法释〔2016〕23号第六条第二款). */
class SentenceStoreTest {

  @Test
  void majorMeritWithACommendationIsRepentanceAndMajorMerit() {
    assertEquals(Performance.REPENTANCE_AND_MAJOR_MERIT, SentenceStore.derive(true, true));
    assertEquals(Performance.MAJOR_MERIT, SentenceStore.derive(true, false));
    assertEquals(Performance.REPENTANCE, SentenceStore.derive(false, true));
    assertEquals(Performance.REPENTANCE, SentenceStore.derive(false, false));
  }
}
