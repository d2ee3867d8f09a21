package cn.xinsheng.web.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Markup put at the start of a publisher's page's head, whatever its encoding (issue 14/17). */
class HtmlInjectionTest {

  private static String inject(String page) {
    return new String(
        HtmlInjection.atHeadStart(page.getBytes(StandardCharsets.UTF_8), "<X>"),
        StandardCharsets.UTF_8);
  }

  @Test
  void goesFirstIntoTheHeadBeforeThePublishersScripts() {
    assertEquals(
        "<!DOCTYPE html><html><HEAD lang=\"zh\"><X><script>a()</script></head>",
        inject("<!DOCTYPE html><html><HEAD lang=\"zh\"><script>a()</script></head>"));
    // <header> is not <head>
    assertEquals(
        "<html><X><body><header>课</header></body></html>",
        inject("<html><body><header>课</header></body></html>"));
    assertEquals("<!doctype html><X><p>课</p>", inject("<!doctype html><p>课</p>"));
    assertEquals("<X><p>课</p>", inject("<p>课</p>"));
  }

  @Test
  void leavesThePagesOwnBytesAsTheyAre() {
    Charset gbk = Charset.forName("GBK");
    byte[] page = "<html><head><meta charset=\"gbk\"></head><body>中文课件</body></html>".getBytes(gbk);
    String out = new String(HtmlInjection.atHeadStart(page, "<X>"), gbk);
    assertEquals("<html><head><X><meta charset=\"gbk\"></head><body>中文课件</body></html>", out);
    byte[] utf16 = {(byte) 0xFF, (byte) 0xFE, '<', 0, 'p', 0};
    assertArrayEquals(utf16, HtmlInjection.atHeadStart(utf16, "<X>"), "UTF-16 is left alone");
    byte[] bom = "\uFEFF<p>x</p>".getBytes(StandardCharsets.UTF_8);
    assertTrue(
        new String(HtmlInjection.atHeadStart(bom, "<X>"), StandardCharsets.UTF_8)
            .startsWith("\uFEFF<X>"),
        "after the byte order mark");
  }

  @Test
  void theFontStylesheetGivesTheShippedFontToCjkOnly() {
    String css = CoursewareFonts.css("/ctx");
    assertTrue(css.contains("url(\"/ctx/fonts/NotoSansSC-Regular.ttf\")"));
    assertTrue(css.contains("@font-face{font-family:\"Arial\";src:local(\"Arial\")}"));
    assertTrue(css.contains("font-family:\"宋体\""));
    assertTrue(css.contains("unicode-range:U+2E80-2FDF"));
    assertTrue(css.contains("html{font-family:\"Xinsheng Sans\",sans-serif}"));
  }
}
