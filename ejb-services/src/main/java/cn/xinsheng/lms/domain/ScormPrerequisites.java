package cn.xinsheng.lms.domain;

import java.util.Map;

/**
 * SCORM 1.2 {@code adlcp:prerequisites} of type {@code aicc_script} (SCORM 1.2 CAM 2.3.2.5.1.2,
 * after AICC CMI001): item identifiers joined by {@code &} (and), {@code |} (or), {@code ~} (not),
 * parentheses, {@code id=status} / {@code id<>status}, and {@code n*{a,b,c}} (at least n of the
 * set). An identifier alone is met when its item is completed or passed. An empty expression is
 * always met; an expression this reader does not understand is treated as met, so a learner is
 * never locked out of a course by a manifest the platform misreads.
 */
public final class ScormPrerequisites {

  private final String text;
  private final Map<String, String> statuses;
  private int pos;

  private ScormPrerequisites(String text, Map<String, String> statuses) {
    this.text = text;
    this.statuses = statuses;
  }

  /** Whether {@code expression} is met, given each item's lesson status (1.2 vocabulary). */
  public static boolean met(String expression, Map<String, String> statuses) {
    if (expression == null || expression.isBlank()) {
      return true;
    }
    ScormPrerequisites p = new ScormPrerequisites(expression, statuses);
    try {
      boolean v = p.or();
      p.skip();
      return p.pos < p.text.length() || v;
    } catch (IllegalArgumentException e) {
      return true;
    }
  }

  private boolean or() {
    boolean v = and();
    while (peek('|')) {
      pos++;
      v = and() | v;
    }
    return v;
  }

  private boolean and() {
    boolean v = unary();
    while (peek('&')) {
      pos++;
      v = unary() & v;
    }
    return v;
  }

  private boolean unary() {
    if (peek('~')) {
      pos++;
      return !unary();
    }
    if (peek('(')) {
      pos++;
      boolean v = or();
      expect(')');
      return v;
    }
    skip();
    int start = pos;
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
    if (pos > start && peek('*')) {
      int n = Integer.parseInt(text.substring(start, pos));
      pos++;
      expect('{');
      int met = 0;
      do {
        if (peek(',')) {
          pos++;
        }
        if (done(identifier())) {
          met++;
        }
      } while (peek(','));
      expect('}');
      return met >= n;
    }
    pos = start;
    String id = identifier();
    if (peek('=')) {
      pos++;
      return status(id).equals(word());
    }
    if (peek('<') && text.startsWith("<>", pos)) {
      pos += 2;
      return !status(id).equals(word());
    }
    return done(id);
  }

  private String status(String id) {
    return statuses.getOrDefault(id, "not attempted");
  }

  private boolean done(String id) {
    String s = status(id);
    return s.equals("completed") || s.equals("passed");
  }

  private String word() {
    skip();
    String w = identifier().toLowerCase(java.util.Locale.ROOT);
    // AICC's one-letter statuses
    return switch (w) {
      case "p" -> "passed";
      case "c" -> "completed";
      case "f" -> "failed";
      case "i" -> "incomplete";
      case "b" -> "browsed";
      case "n" -> "not attempted";
      default -> w.replace('_', ' ');
    };
  }

  private String identifier() {
    skip();
    int start = pos;
    while (pos < text.length()
        && "&|~()=<>,{}*".indexOf(text.charAt(pos)) < 0
        && !Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
    if (pos == start) {
      throw new IllegalArgumentException("identifier expected at " + pos);
    }
    return text.substring(start, pos);
  }

  private boolean peek(char c) {
    skip();
    return pos < text.length() && text.charAt(pos) == c;
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw new IllegalArgumentException(c + " expected at " + pos);
    }
    pos++;
  }

  private void skip() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }
}
