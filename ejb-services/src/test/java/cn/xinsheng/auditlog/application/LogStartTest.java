package cn.xinsheng.auditlog.application;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogStartTest {

  private static final String KEY = "/srv/xinsheng/data/secrets/audit/signing-key";

  @Test
  void aNewPrisonAndAPrisonInUseStart() {
    assertNull(LogStart.refusal(false, false, KEY));
    assertNull(LogStart.refusal(true, true, KEY));
  }

  @Test
  void anEmptyLogUnderAKeyThatExistsIsRefusedNamingTheKey() {
    String why = LogStart.refusal(true, false, KEY);
    assertNotNull(why);
    assertTrue(why.contains("size 0") && why.contains("从 0 重新开始") && why.contains(KEY), why);
  }

  @Test
  void aLogWhoseKeyIsGoneIsRefused() {
    String why = LogStart.refusal(false, true, KEY);
    assertNotNull(why);
    assertTrue(why.contains("is missing") && why.contains("不在"), why);
  }
}
