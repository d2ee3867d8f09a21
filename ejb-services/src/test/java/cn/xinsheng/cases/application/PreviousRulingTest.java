package cn.xinsheng.cases.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.xinsheng.sentence.domain.SentenceChange;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: the eligibility list shows, beside an inmate with an earlier reduction, the previous
 * ruling's date and the day it was served (法释〔2016〕23号第四十条第二款: the interval counts from the
 * service), or no service day while none is recorded. Which ruling is the latest is
 * SentenceRecordTest's.
 */
class PreviousRulingTest {

  @Test
  void theRulingsDayAndItsServiceAreShownAsRecorded() {
    LocalDate ruled = LocalDate.of(2023, 9, 1);
    LocalDate other = LocalDate.of(2022, 3, 1);
    Map<Long, EligibilityService.PreviousRuling> shown =
        EligibilityService.previousRulings(
            Map.of(
                1L,
                SentenceChange.reduction(ruled, 6).served(ruled.plusDays(7)),
                2L,
                SentenceChange.reduction(other, 6),
                3L,
                SentenceChange.toFixed(other, 264).served(other.plusDays(3))));
    assertEquals(
        Map.of(
            1L,
            new EligibilityService.PreviousRuling(ruled, ruled.plusDays(7)),
            2L,
            new EligibilityService.PreviousRuling(other, null),
            3L,
            new EligibilityService.PreviousRuling(other, other.plusDays(3))),
        shown);
  }
}
