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

  /**
   * Reads JSON as this class writes it: objects (as ordered maps), arrays, strings, integers,
   * booleans and null. What a verifier needs to compare a record's fields with an entry's payload;
   * anything else (fractions, exponents, trailing text) is refused.
   */
  public static Object parse(String text) {
    return parse(text, false);
  }

  /**
   * Reads any JSON a service answers: as {@link #parse(String)}, but a number with a fraction or an
   * exponent is a {@link java.math.BigDecimal}. Not for data whose hash is checked.
   */
  public static Object parseLenient(String text) {
    return parse(text, true);
  }

  private static Object parse(String text, boolean fractions) {
    Reader r = new Reader(text);
    r.fractions = fractions;
    r.space();
    Object v = r.value(0);
    r.space();
    if (r.pos != text.length()) {
      throw r.error("trailing text");
    }
    return v;
  }

  /**
   * A small recursive-descent reader; depth-limited so a crafted file cannot overflow the stack.
   */
  private static final class Reader {
    private final String s;
    private int pos;
    private boolean fractions;

    Reader(String s) {
      this.s = s;
    }

    IllegalArgumentException error(String what) {
      return new IllegalArgumentException("JSON: " + what + " at " + pos);
    }

    void space() {
      while (pos < s.length() && " \t\r\n".indexOf(s.charAt(pos)) >= 0) {
        pos++;
      }
    }

    char peek() {
      if (pos >= s.length()) {
        throw error("unexpected end");
      }
      return s.charAt(pos);
    }

    void expect(char c) {
      if (peek() != c) {
        throw error("'" + c + "' expected");
      }
      pos++;
    }

    Object value(int depth) {
      if (depth > 64) {
        throw error("nested too deep");
      }
      space();
      char c = peek();
      if (c == '{') {
        pos++;
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        space();
        if (peek() == '}') {
          pos++;
          return m;
        }
        while (true) {
          space();
          String key = string();
          space();
          expect(':');
          m.put(key, value(depth + 1));
          space();
          if (peek() == ',') {
            pos++;
          } else {
            expect('}');
            return m;
          }
        }
      } else if (c == '[') {
        pos++;
        java.util.List<Object> list = new java.util.ArrayList<>();
        space();
        if (peek() == ']') {
          pos++;
          return list;
        }
        while (true) {
          list.add(value(depth + 1));
          space();
          if (peek() == ',') {
            pos++;
          } else {
            expect(']');
            return list;
          }
        }
      } else if (c == '"') {
        return string();
      } else if (s.startsWith("true", pos)) {
        pos += 4;
        return Boolean.TRUE;
      } else if (s.startsWith("false", pos)) {
        pos += 5;
        return Boolean.FALSE;
      } else if (s.startsWith("null", pos)) {
        pos += 4;
        return null;
      } else if (c == '-' || (c >= '0' && c <= '9')) {
        int start = pos;
        if (c == '-') {
          pos++;
        }
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
          pos++;
        }
        if (fractions && pos < s.length() && ".eE".indexOf(s.charAt(pos)) >= 0) {
          while (pos < s.length() && "0123456789.eE+-".indexOf(s.charAt(pos)) >= 0) {
            pos++;
          }
          try {
            return new java.math.BigDecimal(s.substring(start, pos));
          } catch (NumberFormatException e) {
            throw error("not a number");
          }
        }
        try {
          return Long.parseLong(s.substring(start, pos));
        } catch (NumberFormatException e) {
          throw error("not an integer");
        }
      }
      throw error("unexpected '" + c + "'");
    }

    String string() {
      expect('"');
      StringBuilder sb = new StringBuilder();
      while (true) {
        char c = peek();
        pos++;
        if (c == '"') {
          return sb.toString();
        }
        if (c != '\\') {
          sb.append(c);
          continue;
        }
        char e = peek();
        pos++;
        switch (e) {
          case '"' -> sb.append('"');
          case '\\' -> sb.append('\\');
          case '/' -> sb.append('/');
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'n' -> sb.append('\n');
          case 'r' -> sb.append('\r');
          case 't' -> sb.append('\t');
          case 'u' -> {
            if (pos + 4 > s.length()) {
              throw error("short \\u escape");
            }
            try {
              sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
            } catch (NumberFormatException x) {
              throw error("bad \\u escape");
            }
            pos += 4;
          }
          default -> throw error("bad escape");
        }
      }
    }
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
    // room for the longest form of every char (\\u00XX), then straight into the buffer (issue 22:
    // a capacity check per byte made the writer a fifth of the store's time)
    int n = s.length();
    out.ensure(2 + 6 * n);
    byte[] buf = out.buf;
    int at = out.size;
    buf[at++] = '"';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
        buf[at++] = (byte) c;
        continue;
      }
      switch (c) {
        case '"' -> {
          buf[at++] = '\\';
          buf[at++] = '"';
        }
        case '\\' -> {
          buf[at++] = '\\';
          buf[at++] = '\\';
        }
        case '\b' -> {
          buf[at++] = '\\';
          buf[at++] = 'b';
        }
        case '\f' -> {
          buf[at++] = '\\';
          buf[at++] = 'f';
        }
        case '\n' -> {
          buf[at++] = '\\';
          buf[at++] = 'n';
        }
        case '\r' -> {
          buf[at++] = '\\';
          buf[at++] = 'r';
        }
        case '\t' -> {
          buf[at++] = '\\';
          buf[at++] = 't';
        }
        default -> {
          if (c < 0x20) {
            buf[at++] = '\\';
            buf[at++] = 'u';
            buf[at++] = '0';
            buf[at++] = '0';
            buf[at++] = (byte) Character.forDigit(c >> 4, 16);
            buf[at++] = (byte) Character.forDigit(c & 0xf, 16);
          } else if (c < 0x800) {
            buf[at++] = (byte) (0xc0 | (c >> 6));
            buf[at++] = (byte) (0x80 | (c & 0x3f));
          } else if (Character.isHighSurrogate(c)
              && i + 1 < n
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            int cp = Character.toCodePoint(c, s.charAt(++i));
            buf[at++] = (byte) (0xf0 | (cp >> 18));
            buf[at++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
            buf[at++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
            buf[at++] = (byte) (0x80 | (cp & 0x3f));
          } else if (Character.isSurrogate(c)) {
            // an unpaired surrogate cannot be UTF-8: '?', as String.getBytes(UTF_8) writes it
            buf[at++] = '?';
          } else {
            buf[at++] = (byte) (0xe0 | (c >> 12));
            buf[at++] = (byte) (0x80 | ((c >> 6) & 0x3f));
            buf[at++] = (byte) (0x80 | (c & 0x3f));
          }
        }
      }
    }
    buf[at++] = '"';
    out.size = at;
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

    /** Room for n more bytes. */
    void ensure(int n) {
      if (size + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
      }
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
