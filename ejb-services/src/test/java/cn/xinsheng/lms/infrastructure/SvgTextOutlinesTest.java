package cn.xinsheng.lms.infrastructure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Issue 17, item 9: a publisher's SVG words in Chinese drawn with the shipped font's outlines. */
class SvgTextOutlinesTest {

  private static byte[] svg(String body) {
    return ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" height=\"80\">"
            + body
            + "</svg>")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String out(byte[] b) {
    return new String(SvgTextOutlines.outline(b), StandardCharsets.UTF_8);
  }

  @Test
  void chineseTextBecomesAnOutlineInItsPlaceSizeAndColour() {
    String s =
        out(
            svg(
                "<text x=\"150\" y=\"50\" font-size=\"24\" fill=\"#1f4e79\" text-anchor=\"middle\""
                    + " transform=\"rotate(5)\">中文课件</text>"));
    assertFalse(s.contains("<text"), s);
    assertTrue(s.contains("<title>中文课件</title>"), "the words stay for screen readers: " + s);
    assertTrue(s.contains("fill=\"#1f4e79\""), s);
    assertTrue(s.contains("transform=\"rotate(5)\""), s);
    Matcher d = Pattern.compile(" d=\"(M[^\"]+)\"").matcher(s);
    assertTrue(d.find(), s);
    // centred on x = 150: four glyphs of 24 px span roughly 96 px, so the outline starts near 102
    Matcher first = Pattern.compile("^M(-?[0-9.]+) (-?[0-9.]+)").matcher(d.group(1));
    assertTrue(first.find());
    double x = Double.parseDouble(first.group(1));
    double y = Double.parseDouble(first.group(2));
    assertTrue(x > 95 && x < 200, "centred: " + x);
    assertTrue(y > 20 && y < 56, "on the baseline at 50: " + y);
  }

  @Test
  void styleSizeAndFillAreRead() {
    String s = out(svg("<text x=\"10\" y=\"40\" style=\"font-size:30px;fill:red\">减刑假释</text>"));
    assertTrue(s.contains("fill=\"red\""), s);
    assertFalse(s.contains("<text"), s);
  }

  @Test
  void latinTextAndPositionedRunsAreLeftToTheBrowser() {
    byte[] latin = svg("<text x=\"10\" y=\"40\">Hello</text>");
    assertArrayEquals(latin, SvgTextOutlines.outline(latin));
    byte[] runs =
        svg(
            "<text x=\"10\" y=\"40\"><tspan x=\"10\" dy=\"1em\">第一行</tspan><tspan x=\"10\" dy=\"1em\">第二行</tspan></text>");
    assertArrayEquals(runs, SvgTextOutlines.outline(runs));
  }

  @Test
  void aDoctypeOrBrokenXmlIsServedUnchangedAndNothingIsFetched() {
    byte[] xxe =
        ("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>中文&x;</text></svg>")
            .getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(xxe, SvgTextOutlines.outline(xxe));
    byte[] broken = "<svg><text>中文</svg>".getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(broken, SvgTextOutlines.outline(broken));
  }
}
