package cn.xinsheng.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A refusal naming a value the caller left out (an entry without a clause) once failed itself with
 * a NullPointerException in {@code List.of}, and the caller got a 500 instead of the reason.
 */
class RefusalTest {

  @Test
  void aMissingArgumentIsSaidAsNothing() {
    Refusal r = Refusal.invalid("ledger.error.unknownClause", (Object) null);
    assertEquals("ledger.error.unknownClause", r.messageKey());
    assertArrayEquals(new Object[] {""}, r.arguments());
    assertEquals(400, r.kind().status);
  }

  @Test
  void argumentsAreKeptInOrder() {
    Refusal r = Refusal.conflict("k", "a", 1, null, 2L);
    assertArrayEquals(new Object[] {"a", 1, "", 2L}, r.arguments());
    assertEquals("k [a, 1, null, 2]", r.getMessage());
  }
}
