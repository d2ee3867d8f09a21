package cn.xinsheng.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  @Test
  void keysAreSortedAndThereIsNoWhitespace() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("b", 2);
    m.put("a", List.of(true, "x", 1L));
    m.put("c", null);
    assertEquals("{\"a\":[true,\"x\",1],\"b\":2,\"c\":null}", CanonicalJson.write(m));
  }

  @Test
  void stringsAreMinimallyEscapedAndChineseStaysAsIs() {
    assertEquals("\"警告\\n\\\"引号\\\"\\\\\\u0001\"", CanonicalJson.write("警告\n\"引号\"\\\u0001"));
  }

  @Test
  void theBytesAreWhatStringUtf8EncodingGives() {
    // BMP, a pair of surrogates (an emoji), a lone surrogate, two-byte and control characters
    String s = "罪犯编号 é ß \uD83D\uDE00 lone:\uD800 end \u0007";
    assertArrayEquals(
        ("\"" + s.replace("\u0007", "\\u0007") + "\"")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8),
        CanonicalJson.bytes(s));
  }

  @Test
  void floatsAndOtherTypesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(1.5));
    assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(Map.of(1, "x")));
  }

  @Test
  void theSameEventAlwaysHashesTheSame() {
    Instant t = Instant.parse("2026-11-23T08:00:00Z");
    Map<String, Object> p1 = new LinkedHashMap<>();
    p1.put("clause", "A-01");
    p1.put("amount", 5);
    Map<String, Object> p2 = new LinkedHashMap<>();
    p2.put("amount", 5);
    p2.put("clause", "A-01");
    String evidence = "ab".repeat(32);
    AuditEvent e1 =
        new AuditEvent(
            "officer1", "OFFICER", "ledger.entry", "3301000001", p1, List.of(evidence), t);
    AuditEvent e2 =
        new AuditEvent(
            "officer1", "OFFICER", "ledger.entry", "3301000001", p2, List.of(evidence), t);
    assertArrayEquals(e1.leafHash(), e2.leafHash());
    assertEquals(
        "{\"action\":\"ledger.entry\",\"actor\":\"officer1\",\"evidence\":[\""
            + evidence
            + "\"],\"payload\":{\"amount\":5,\"clause\":\"A-01\"},\"role\":\"OFFICER\","
            + "\"subject\":\"3301000001\",\"time\":1795420800000,\"v\":1}",
        new String(e1.canonicalBytes(), java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void eventsValidateWhatTheyCarry() {
    Instant t = Instant.now();
    assertThrows(
        IllegalArgumentException.class,
        () -> new AuditEvent("", "R", "a", "s", Map.of(), List.of(), t));
    assertThrows(
        IllegalArgumentException.class,
        () -> new AuditEvent("u", "R", "a", "s", Map.of(), List.of("NOT-A-HASH"), t));
    assertThrows(
        IllegalArgumentException.class,
        () -> new AuditEvent("u", "R", "a", "s", Map.of("x", 0.5), List.of(), t));
  }
}
