package cn.xinsheng.web.api;

import java.nio.charset.StandardCharsets;

/**
 * Puts markup at the start of an HTML document's head, on the bytes: a publisher's page may be in
 * any ASCII-compatible encoding (UTF-8, GBK, Latin-1), which is left as it is. Where the page has
 * no head, the markup goes after {@code <html…>}, else before everything but a doctype. A UTF-16
 * page (byte order mark) is left alone.
 */
final class HtmlInjection {

  private HtmlInjection() {}

  static byte[] atHeadStart(byte[] page, String markup) {
    if (page.length >= 2
        && ((page[0] == (byte) 0xFE && page[1] == (byte) 0xFF)
            || (page[0] == (byte) 0xFF && page[1] == (byte) 0xFE))) {
      return page;
    }
    // ISO-8859-1 maps each byte to one char: positions in the text are positions in the bytes
    String text = new String(page, StandardCharsets.ISO_8859_1);
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    int at = afterTag(lower, "<head");
    if (at < 0) {
      at = afterTag(lower, "<html");
    }
    if (at < 0) {
      int doctype = lower.indexOf("<!doctype");
      at = doctype >= 0 ? Math.max(0, lower.indexOf('>', doctype) + 1) : 0;
      if (page.length >= 3
          && page[0] == (byte) 0xEF
          && page[1] == (byte) 0xBB
          && page[2] == (byte) 0xBF
          && at == 0) {
        at = 3;
      }
    }
    byte[] add = markup.getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[page.length + add.length];
    System.arraycopy(page, 0, out, 0, at);
    System.arraycopy(add, 0, out, at, add.length);
    System.arraycopy(page, at, out, at + add.length, page.length - at);
    return out;
  }

  /** The position after the first tag {@code name} (followed by '>' or white space), or -1. */
  private static int afterTag(String lower, String name) {
    int from = 0;
    while (true) {
      int i = lower.indexOf(name, from);
      if (i < 0) {
        return -1;
      }
      int next = i + name.length();
      if (next < lower.length()
          && (lower.charAt(next) == '>' || Character.isWhitespace(lower.charAt(next)))) {
        int end = lower.indexOf('>', next);
        return end < 0 ? -1 : end + 1;
      }
      from = next;
    }
  }
}
