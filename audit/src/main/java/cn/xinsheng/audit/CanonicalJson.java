package cn.xinsheng.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * Canonical JSON for audit leaves, after RFC 8785 (JCS) for the values leaves hold: objects with
 * keys sorted by UTF-16 code units, no insignificant whitespace, integers only (no floating point,
 * whose text form varies), strings with the minimal escaping. The same event therefore always gives
 * the same bytes and the same leaf hash, on any JVM and in any court's verifier.
 */
public final class CanonicalJson {

  private CanonicalJson() {}

  public static byte[] bytes(Object value) {
    Utf8Writer out = new Utf8Writer();
    append(out, value);
    return out.toByteArray();
  }

  public static String write(Object value) {
    return new String(bytes(value), StandardCharsets.UTF_8);
  }

  /** Fails as {@link #bytes} would on a value canonical JSON cannot hold, without writing it. */
  public static void check(Object v) {
    if (v == null || v instanceof String || v instanceof Boolean || isInteger(v)) {
      return;
    }
    if (v instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof String)) {
          throw new IllegalArgumentException("object keys are strings");
        }
        check(e.getValue());
      }
    } else if (v instanceof Collection<?> c) {
      c.forEach(CanonicalJson::check);
    } else {
      throw unsupported(v);
    }
  }

  private static boolean isInteger(Object v) {
    return v instanceof Long || v instanceof Integer || v instanceof Short;
  }

  private static IllegalArgumentException unsupported(Object v) {
    return new IllegalArgumentException(
        "canonical JSON holds strings, integers, booleans, null, lists and maps, not "
            + v.getClass().getName());
  }

  private static void append(Utf8Writer out, Object v) {
    if (v == null) {
      out.ascii("null");
    } else if (v instanceof String s) {
      string(out, s);
    } else if (v instanceof Boolean b) {
      out.ascii(b ? "true" : "false");
    } else if (isInteger(v)) {
      out.ascii(Long.toString(((Number) v).longValue()));
    } else if (v instanceof Map<?, ?> m) {
      String[] keys = new String[m.size()];
      int n = 0;
      for (Object k : m.keySet()) {
        if (!(k instanceof String key)) {
          throw new IllegalArgumentException("object keys are strings");
        }
        keys[n++] = key;
      }
      // String order is UTF-16 code-unit order, as RFC 8785 sorts
      Arrays.sort(keys);
      out.write('{');
      for (int i = 0; i < keys.length; i++) {
        if (i > 0) {
          out.write(',');
        }
        string(out, keys[i]);
        out.write(':');
        append(out, m.get(keys[i]));
      }
      out.write('}');
    } else if (v instanceof Collection<?> c) {
      out.write('[');
      boolean first = true;
      for (Object o : c) {
        if (!first) {
          out.write(',');
        }
        first = false;
        append(out, o);
      }
      out.write(']');
    } else {
      throw unsupported(v);
    }
  }

  private static void string(Utf8Writer out, String s) {
    out.write('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.ascii("\\\"");
        case '\\' -> out.ascii("\\\\");
        case '\b' -> out.ascii("\\b");
        case '\f' -> out.ascii("\\f");
        case '\n' -> out.ascii("\\n");
        case '\r' -> out.ascii("\\r");
        case '\t' -> out.ascii("\\t");
        default -> {
          if (c < 0x20) {
            out.ascii("\\u00");
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
            // an unpaired surrogate cannot be UTF-8: '?', as String.getBytes(UTF_8) writes it
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
  }

  /** A growable byte array: the canonical bytes are written once, straight as UTF-8. */
  private static final class Utf8Writer {
    private byte[] buf = new byte[256];
    private int size;

    void write(int b) {
      if (size == buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
      buf[size++] = (byte) b;
    }

    void ascii(String s) {
      for (int i = 0; i < s.length(); i++) {
        write(s.charAt(i));
      }
    }

    byte[] toByteArray() {
      return Arrays.copyOf(buf, size);
    }
  }
}
