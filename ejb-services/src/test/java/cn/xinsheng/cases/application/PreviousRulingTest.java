package cn.xinsheng.cases.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.xinsheng.sentence.domain.Offence;
import cn.xinsheng.sentence.domain.PropertyPenalty;
import cn.xinsheng.sentence.domain.SentenceChange;
import cn.xinsheng.sentence.domain.SentenceFactException;
import cn.xinsheng.sentence.domain.SentenceKind;
import cn.xinsheng.sentence.domain.SentenceRecord;
import cn.xinsheng.sentence.infrastructure.SentenceStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: the eligibility list shows, beside an inmate with an earlier reduction, the previous
 * ruling's date and the day it was served (法释〔2016〕23号第四十条第二款: the interval counts from the
 * service); an inmate without one, or whose record cannot be built, shows none.
 */
class PreviousRulingTest {

  private static SentenceRecord fixed(List<SentenceChange> changes) {
    return new SentenceRecord(
        SentenceKind.FIXED,
        120,
        LocalDate.of(2020, 3, 15),
        0,
        false,
        false,
        Set.of(Offence.OTHER),
        false,
        PropertyPenalty.NONE,
        false,
        false,
        changes);
  }

  @Test
  void eachInmateWithAnEarlierReductionShowsTheRulingAndItsService() {
    LocalDate first = LocalDate.of(2022, 3, 1);
    LocalDate second = LocalDate.of(2023, 9, 1);
    Map<Long, EligibilityService.PreviousRuling> shown =
        EligibilityService.previousRulings(
            List.of(
                new SentenceStore.Loaded(
                    1,
                    fixed(
                        List.of(
                            SentenceChange.reduction(first, 6).served(first.plusDays(5)),
                            SentenceChange.reduction(second, 6).served(second.plusDays(7)))),
                    null,
                    null),
                new SentenceStore.Loaded(
                    2, fixed(List.of(SentenceChange.reduction(first, 6))), null, null),
                new SentenceStore.Loaded(3, fixed(List.of()), null, null),
                new SentenceStore.Loaded(
                    4, null, new SentenceFactException("sentence", "缺少刑罚记录", "none"), null)));
    assertEquals(
        Map.of(
            1L,
            new EligibilityService.PreviousRuling(second, second.plusDays(7)),
            2L,
            new EligibilityService.PreviousRuling(first, null)),
        shown);
  }
}
