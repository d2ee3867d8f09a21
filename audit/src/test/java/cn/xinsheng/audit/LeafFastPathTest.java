package cn.xinsheng.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fast paths of issue 22 answer exactly what the general code answers: the entry scan (the
 * general walk decides whenever the fast one declines), and the tail written straight out.
 */
class LeafFastPathTest {

  /** Entries the fast scan reads itself, and entries it leaves to the general walk. */
  private static final List<String> ENTRIES =
      List.of(
          "{}",
          "{\"action\":\"a\"}",
          "{\"action\":1,\"payload\":{\"inmate\":\"3301000001\"}}",
          "{\"action\":\"x\",\"action\":\"y\",\"bound\":[1,2],\"bound\":{}}",
          "{\"bound\":[{\"t\":\"x\"}],\"payload\":{\"case\":-12,\"inmate\":\"\"}}",
          "{\"payload\":{\"case\":7,\"inmate\":\"33\"},\"payload\":{\"inmate\":\"44\"}}",
          "{\"payload\":{\"case\":\"7\",\"inmate\":5}}",
          "{\"payload\":{\"inmate\":\"服刑\",\"case\":0,\"case\":3}}",
          "{\"payload\":[],\"x\":[true,false,null,[],{},\"s\"]}",
          "{\"a\":{\"b\":{\"c\":[[[1]]]}},\"action\":\"audit.subject.head\"}",
          "{\"payload\":{\"case\":1234567890123456789}}",
          "{\"payload\":{\"case\":-}}",
          "{\"payload\":{\"inmate\":\"a\\\"b\"}}",
          "{\"act\\u0069on\":\"z\"}",
          " {\"action\":\"a\"}",
          "{\"action\" : \"a\"}",
          "{\"action\":\"a\"} ",
          "{\"action\":\"a\",}",
          "{\"action\":tru}",
          "{\"action\":\"a\"",
          "{\"a\":1.5}",
          "[1]",
          "",
          "{\"n\":01}",
          "{\"x\":" + "[".repeat(40) + "]".repeat(40) + "}");

  @Test
  void theFastScanAnswersAsTheGeneralWalk() {
    int fast = 0;
    for (String e : ENTRIES) {
      byte[] b = e.getBytes(StandardCharsets.UTF_8);
      Leaf.Scan.Summary f = Leaf.Fast.summarize(b, 0, b.length);
      Object general;
      try {
        general = generalSummary(b);
      } catch (IllegalArgumentException x) {
        general = x;
      }
      if (f != null) {
        fast++;
        assertEquals(general, f, e);
        // and the parser the sequencer used before reads it as one object
        assertNotNull(Sequencing.entry(b), e);
      }
      Object via;
      try {
        via = Leaf.Scan.summarize(b, 0, b.length);
      } catch (IllegalArgumentException x) {
        via = x;
      }
      if (general instanceof IllegalArgumentException g) {
        assertEquals(g.getMessage(), ((IllegalArgumentException) via).getMessage(), e);
      } else {
        assertEquals(general, via, e);
      }
    }
    assertEquals(11, fast);
  }

  @Test
  void whatTheFastScanDeclinesTheSequencerStillRefuses() {
    byte[] b = "{\"payload\":{\"case\":-}}".getBytes(StandardCharsets.UTF_8);
    assertNull(Leaf.Fast.summarize(b, 0, b.length));
    Sequencing step = new Sequencing(new Chains(), 0, Leaf.noPrevious(), 1L);
    assertThrows(IllegalArgumentException.class, () -> step.next(b));
  }

  /** The general walk, reached by a span the fast scan never takes (a leading space). */
  private static Leaf.Scan.Summary generalSummary(byte[] b) {
    byte[] spaced = new byte[b.length + 1];
    spaced[0] = ' ';
    System.arraycopy(b, 0, spaced, 1, b.length);
    try {
      return Leaf.Scan.summarize(spaced, 1, spaced.length);
    } catch (IllegalArgumentException e) {
      // the same walk without the space, for its own message
      return Leaf.Scan.summarize(b, 0, b.length);
    }
  }

  @Test
  void theTailIsTheCanonicalWritersBytes() {
    byte[] prev = new byte[32];
    for (int i = 0; i < 32; i++) {
      prev[i] = (byte) (i * 37 - 100);
    }
    List<List<Leaf.Link>> cases =
        List.of(
            List.of(),
            List.of(new Leaf.Link("inmate/3301000001", 1, -1, List.of())),
            List.of(
                new Leaf.Link("case/12", 3, 1200, List.of()),
                new Leaf.Link("inmate/3301000001", 1, -1, List.of(4L, 9L, 1_000_000_000_000L))),
            List.of(new Leaf.Link("inmate/服刑\"\\x", 2, 7, List.of(1L))));
    for (List<Leaf.Link> links : cases) {
      for (long index : new long[] {0, 1, 987_654_321_012L}) {
        assertArrayEquals(
            Leaf.tailByMap(index, links, prev, 1_800_000_000_123L),
            Leaf.tail(index, links, prev, 1_800_000_000_123L),
            links.toString());
      }
    }
  }

  @Test
  void aSequencedLeafReadsBackTheSameWhicheverPathReadIt() {
    byte[] e =
        new AuditEvent(
                "officer1",
                "OFFICER",
                "ledger.entry.recorded",
                "point-entry/1",
                Map.of("inmate", "3301000001", "case", 42L, "fact", "按时完成"),
                List.of(),
                java.time.Instant.ofEpochSecond(1_800_000_000L))
            .canonicalBytes();
    Sequencing step = new Sequencing(new Chains(), 5, Leaf.noPrevious(), 1_800_000_000_123L);
    Sequencing.Next n = step.next(e);
    Leaf.Parsed p = Leaf.parse(Leaf.assemble(e, n.tail()));
    assertEquals(List.of("case/42", "inmate/3301000001"), p.subjects());
    assertEquals(Leaf.chainSubjects(p.entry()), p.subjects());
    assertEquals(5, p.index());
    assertEquals("ledger.entry.recorded", p.action());
  }

  @Test
  void theStringWriterWritesEveryCharAsBefore() {
    StringBuilder all = new StringBuilder();
    for (int c = 0; c <= 0xffff; c++) {
      String one = String.valueOf((char) c);
      assertArrayEquals(reference(one), CanonicalJson.bytes(one), "char " + c);
      all.append((char) c);
    }
    String mixed = all + "\uD83D\uDE00x\uDE00\uD83D";
    assertArrayEquals(reference(mixed), CanonicalJson.bytes(mixed));
  }

  /** The writer as it was before issue 22, char by char. */
  private static byte[] reference(String s) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.writeBytes("\\\"".getBytes(StandardCharsets.US_ASCII));
        case '\\' -> out.writeBytes("\\\\".getBytes(StandardCharsets.US_ASCII));
        case '\b' -> out.writeBytes("\\b".getBytes(StandardCharsets.US_ASCII));
        case '\f' -> out.writeBytes("\\f".getBytes(StandardCharsets.US_ASCII));
        case '\n' -> out.writeBytes("\\n".getBytes(StandardCharsets.US_ASCII));
        case '\r' -> out.writeBytes("\\r".getBytes(StandardCharsets.US_ASCII));
        case '\t' -> out.writeBytes("\\t".getBytes(StandardCharsets.US_ASCII));
        default -> {
          if (c < 0x20) {
            out.writeBytes("\\u00".getBytes(StandardCharsets.US_ASCII));
            out.write(Character.forDigit(c >> 4, 16));
            out.write(Character.forDigit(c & 0xf, 16));
          } else if (c < 0x80) {
            out.write(c);
          } else if (c < 0x800) {
            out.write(0xc0 | (c >> 6));
            out.write(0x80 | (c & 0x3f));
          } else if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            int cp = Character.toCodePoint(c, s.charAt(++i));
            out.write(0xf0 | (cp >> 18));
            out.write(0x80 | ((cp >> 12) & 0x3f));
            out.write(0x80 | ((cp >> 6) & 0x3f));
            out.write(0x80 | (cp & 0x3f));
          } else if (Character.isSurrogate(c)) {
            out.write('?');
          } else {
            out.write(0xe0 | (c >> 12));
            out.write(0x80 | ((c >> 6) & 0x3f));
            out.write(0x80 | (c & 0x3f));
          }
        }
      }
    }
    out.write('"');
    return out.toByteArray();
  }
}
