package cn.xinsheng.music.domain.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict little JSON reader for the tests: objects, arrays, strings, numbers, true/false/null.
 */
final class MiniJson {
  private final String s;
  private int p;

  private MiniJson(String s) {
    this.s = s;
  }

  static Object parse(String text) {
    MiniJson j = new MiniJson(text);
    Object v = j.value();
    j.ws();
    if (j.p != text.length()) {
      throw new IllegalArgumentException("trailing text at " + j.p);
    }
    return v;
  }

  private Object value() {
    ws();
    char c = s.charAt(p);
    if (c == '{') {
      p++;
      Map<String, Object> m = new LinkedHashMap<>();
      ws();
      if (s.charAt(p) == '}') {
        p++;
        return m;
      }
      while (true) {
        ws();
        String k = string();
        ws();
        expect(':');
        m.put(k, value());
        ws();
        if (s.charAt(p) == ',') {
          p++;
        } else {
          expect('}');
          return m;
        }
      }
    }
    if (c == '[') {
      p++;
      List<Object> l = new ArrayList<>();
      ws();
      if (s.charAt(p) == ']') {
        p++;
        return l;
      }
      while (true) {
        l.add(value());
        ws();
        if (s.charAt(p) == ',') {
          p++;
        } else {
          expect(']');
          return l;
        }
      }
    }
    if (c == '"') {
      return string();
    }
    if (s.startsWith("null", p)) {
      p += 4;
      return null;
    }
    if (s.startsWith("true", p)) {
      p += 4;
      return Boolean.TRUE;
    }
    if (s.startsWith("false", p)) {
      p += 5;
      return Boolean.FALSE;
    }
    int start = p;
    while (p < s.length() && "+-0123456789.eE".indexOf(s.charAt(p)) >= 0) {
      p++;
    }
    if (start == p) {
      throw new IllegalArgumentException("unexpected '" + c + "' at " + p);
    }
    return Double.parseDouble(s.substring(start, p));
  }

  private String string() {
    expect('"');
    StringBuilder b = new StringBuilder();
    while (s.charAt(p) != '"') {
      char c = s.charAt(p++);
      if (c == '\\') {
        char e = s.charAt(p++);
        switch (e) {
          case 'n' -> b.append('\n');
          case 't' -> b.append('\t');
          case 'u' -> {
            b.append((char) Integer.parseInt(s.substring(p, p + 4), 16));
            p += 4;
          }
          default -> b.append(e);
        }
      } else {
        b.append(c);
      }
    }
    p++;
    return b.toString();
  }

  private void expect(char c) {
    if (s.charAt(p) != c) {
      throw new IllegalArgumentException("expected '" + c + "' at " + p);
    }
    p++;
  }

  private void ws() {
    while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
      p++;
    }
  }
}
