package cn.xinsheng.sentence.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: the service day (送达日期) of a ruling entered by hand on the sentence screen. The interval
 * to the next reduction counts from it (法释〔2016〕23号第四十条第二款), so it may be neither before the ruling
 * nor after the prison's today, and only a reduction or a commutation to a fixed term carries one.
 */
class ServiceDateTest {

  private static final LocalDate RULED = LocalDate.of(2024, 6, 10);
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

  private static Optional<String> check(ChangeKind kind, LocalDate served) {
    return SentenceChange.serviceRefusal(kind, RULED, served, TODAY);
  }

  @Test
  void noServiceDayIsAlwaysTaken() {
    for (ChangeKind k : ChangeKind.values()) {
      assertEquals(Optional.empty(), check(k, null), k.name());
    }
  }

  @Test
  void aReductionIsServedOnOrAfterItsRulingAndNoLaterThanToday() {
    assertEquals(
        Optional.of("sentence.error.servedBeforeRuling"),
        check(ChangeKind.REDUCTION, RULED.minusDays(1)));
    assertEquals(Optional.empty(), check(ChangeKind.REDUCTION, RULED));
    assertEquals(Optional.empty(), check(ChangeKind.REDUCTION, RULED.plusDays(7)));
    assertEquals(Optional.empty(), check(ChangeKind.COMMUTATION_TO_FIXED, TODAY));
    assertEquals(
        Optional.of("sentence.error.servedFuture"), check(ChangeKind.REDUCTION, TODAY.plusDays(1)));
  }

  @Test
  void onlyAReductionOrACommutationToAFixedTermCarriesOne() {
    // a commutation to life or a new judgment starts no interval from its service
    assertEquals(
        Optional.of("sentence.error.servedKind"), check(ChangeKind.COMMUTATION_TO_LIFE, RULED));
    assertEquals(Optional.of("sentence.error.servedKind"), check(ChangeKind.NEW_CRIME, RULED));
  }

  @Test
  void theServiceDayMovesTheIntervalNotTheTerm() {
    // 第四十条第二款: the next interval counts from the service; 刑法第八十条: the term from the ruling
    SentenceChange c = SentenceChange.reduction(RULED, 6).served(RULED.plusDays(7));
    assertEquals(RULED.plusDays(7), c.effectiveFrom());
    assertEquals(RULED, c.on());
  }
}
