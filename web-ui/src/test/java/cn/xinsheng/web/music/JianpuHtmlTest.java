package cn.xinsheng.web.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The catalogue draws 简谱 as notation, never printing its text source's marks. */
class JianpuHtmlTest {

  private static final String JASMINE =
      """
      % 茉莉花（江苏民歌，片段）
      title: 茉莉花
      key: 1=F
      tempo: ♩=72
      time: 2/4
      3 3_5_ | 6_1'_1'_6_ | 5 5_6_ | 5 - ||
      #4 6,__ 1. 0 |
      """;

  @Test
  void headersBecomeOneLineAndCommentsAndTitleAreDropped() {
    String html = JianpuHtml.render(JASMINE);
    assertTrue(html.startsWith("<span class=\"jp-head\">"), html);
    assertTrue(html.contains("<span class=\"jp-key\">1=F</span>"), html);
    assertTrue(html.contains("<span class=\"jp-time\">2/4</span>"), html);
    assertTrue(html.contains("<span class=\"jp-tempo\">♩=72</span>"), html);
    assertFalse(html.contains("江苏民歌"), "a comment is not notation");
    assertFalse(html.contains("title"), html);
  }

  @Test
  void noMarkOfTheTextSourceReachesThePage() {
    String text = visibleText(JianpuHtml.render(JASMINE));
    for (String mark : new String[] {"_", "'", ",", "#", "%", ":"}) {
      assertFalse(text.contains(mark), "'" + mark + "' in " + text);
    }
  }

  @Test
  void octavesUnderlinesDotsAccidentalsDashesAndBarsAreDrawn() {
    String html = JianpuHtml.render(JASMINE);
    // 1' : an eighth one octave up — one dot above, one underline
    assertTrue(
        html.contains(
            "<span class=\"jp-note jp-u1\"><span class=\"jp-pitch\"><span class=\"jp-above\">•</span>"
                + "<span class=\"jp-digit\">1</span><span class=\"jp-below\"></span></span></span>"),
        html);
    // 6,__ : a sixteenth one octave down — a dot below, two underlines
    assertTrue(
        html.contains(
            "<span class=\"jp-note jp-u2\"><span class=\"jp-pitch\"><span class=\"jp-above\"></span>"
                + "<span class=\"jp-digit\">6</span><span class=\"jp-below\">•</span></span></span>"),
        html);
    assertTrue(html.contains("<span class=\"jp-acc\">♯</span>"), "#4 sharpened: " + html);
    assertTrue(html.contains("<span class=\"jp-aug\">·</span>"), "1. dotted: " + html);
    assertTrue(html.contains("<span class=\"jp-dash\">–</span>"), html);
    assertTrue(html.contains("<span class=\"jp-bar jp-end\">‖</span>"), html);
    assertEquals(3 + 1, count(html, "<span class=\"jp-bar\">|</span>"), html);
    assertEquals(2, count(html, "<span class=\"jp-line\">"), html);
    // every note and rest of the source, in order: 3 3 5 6 1 1 6 5 5 6 5 4 6 1 0
    assertEquals("335611655654610", digits(html));
  }

  @Test
  void whatItCannotReadIsEscapedNotInjected() {
    String html = JianpuHtml.render("key: 1=<b>C</b>\n1 <script>alert(1)</script> 2 &");
    assertFalse(html.contains("<script>"), html);
    assertFalse(html.contains("<b>"), html);
    assertTrue(html.contains("&lt;"), html);
    assertTrue(html.contains("&amp;"), html);
    assertEquals("", JianpuHtml.render(null));
    assertEquals("", JianpuHtml.render("  \n"));
  }

  private static String visibleText(String html) {
    return html.replaceAll("<[^>]+>", "");
  }

  private static String digits(String html) {
    StringBuilder b = new StringBuilder();
    Matcher m = Pattern.compile("<span class=\"jp-digit\">(\\d)</span>").matcher(html);
    while (m.find()) {
      b.append(m.group(1));
    }
    return b.toString();
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
