package cn.xinsheng.organisation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;

class SentenceTest {

  @Test
  void aFixedTermEndsTheDayBeforeItsAnniversary() {
    Sentence s = Sentence.fixedTerm(LocalDate.of(2024, 3, 1), 30);
    assertEquals(LocalDate.of(2026, 8, 31), s.originalEnd().orElseThrow());
  }

  @Test
  void lifeHasNoEnd() {
    assertTrue(Sentence.life(LocalDate.of(2020, 1, 1)).originalEnd().isEmpty());
  }

  @Test
  void servedCountsTheStartDay() {
    Sentence s = Sentence.fixedTerm(LocalDate.of(2024, 3, 1), 60);
    assertEquals(Period.ofYears(1), s.servedOn(LocalDate.of(2025, 2, 28)));
    assertEquals(Period.ofDays(1), s.servedOn(LocalDate.of(2024, 3, 1)));
    assertEquals(Period.ZERO, s.servedOn(LocalDate.of(2024, 2, 29)));
  }

  @Test
  void invalidSentencesAreRefused() {
    LocalDate d = LocalDate.of(2024, 1, 1);
    assertThrows(IllegalArgumentException.class, () -> Sentence.fixedTerm(d, 0));
    assertThrows(IllegalArgumentException.class, () -> Sentence.fixedTerm(d, 301));
    assertThrows(IllegalArgumentException.class, () -> new Sentence(d, 12, true));
    assertThrows(IllegalArgumentException.class, () -> new Sentence(null, 12, false));
  }

  @Test
  void prisonerNumbersAreTenDigits() {
    assertEquals("3301000001", new PrisonerNumber("3301000001").value());
    assertThrows(IllegalArgumentException.class, () -> new PrisonerNumber("330100000"));
    assertThrows(IllegalArgumentException.class, () -> new PrisonerNumber("33010000x1"));
    assertThrows(IllegalArgumentException.class, () -> new PrisonerNumber(null));
  }
}
