package cn.xinsheng.web.music;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 简谱 as a reader sees it on paper, not as its text source: the key, time and tempo on one line;
 * each note a digit with its octave dots above or below, its underlines (减时线) beneath, its
 * accidental before and its augmentation dot after; dashes (增时线) and bar lines between. The text
 * form is the one {@code cn.xinsheng.music.domain.notation.Jianpu} reads (docs/music-jianpu.md); a
 * syllabus item's notation was parsed at import, so anything this does not know is shown as written
 * rather than guessed at. Every character that reaches the page is escaped here.
 */
public final class JianpuHtml {

  private static final Pattern HEADER =
      Pattern.compile("\\s*([A-Za-z\\p{IsHan}]+)\\s*[:：]\\s*(.*?)\\s*");

  private JianpuHtml() {}

  /** The notation as HTML (spans only), for {@code h:outputText escape="false"}. */
  public static String render(String notation) {
    if (notation == null || notation.isBlank()) {
      return "";
    }
    String key = null;
    String time = null;
    String tempo = null;
    StringBuilder body = new StringBuilder();
    for (String raw : notation.split("\\R")) {
      int comment = raw.indexOf('%');
      String line = comment >= 0 ? raw.substring(0, comment) : raw;
      if (line.isBlank()) {
        continue;
      }
      Matcher h = HEADER.matcher(line);
      if (h.matches()) {
        switch (h.group(1).toLowerCase(java.util.Locale.ROOT)) {
          case "key", "调", "调号" -> key = h.group(2);
          case "time", "拍号" -> time = h.group(2);
          case "tempo", "速度" -> tempo = h.group(2).replaceFirst("^(?:♩|q|Q)\\s*=\\s*", "");
          default -> {
            // the title is the item's heading already
          }
        }
        continue;
      }
      body.append("<span class=\"jp-line\">");
      line(line.strip(), body);
      body.append("</span>");
    }
    StringBuilder out = new StringBuilder("<span class=\"jp-head\">");
    if (key != null) {
      out.append("<span class=\"jp-key\">").append(Markup.escape(key)).append("</span>");
    }
    if (time != null) {
      out.append("<span class=\"jp-time\">").append(Markup.escape(time)).append("</span>");
    }
    if (tempo != null) {
      out.append("<span class=\"jp-tempo\">♩=").append(Markup.escape(tempo)).append("</span>");
    }
    return out.append("</span>").append(body).toString();
  }

  private static void line(String line, StringBuilder out) {
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '|') {
        int bars = 0;
        while (i < n && line.charAt(i) == '|') {
          bars++;
          i++;
        }
        out.append(
            bars > 1
                ? "<span class=\"jp-bar jp-end\">‖</span>"
                : "<span class=\"jp-bar\">|</span>");
      } else if (c == '-') {
        out.append("<span class=\"jp-dash\">–</span>");
        i++;
      } else {
        i = note(line, i, out);
      }
    }
  }

  /** One note (or rest) starting at {@code i}; returns where the next token starts. */
  private static int note(String line, int i, StringBuilder out) {
    int n = line.length();
    int start = i;
    String accidental = "";
    char c = line.charAt(i);
    if (c == '#' || c == '♯' || c == 'b' || c == '♭') {
      accidental = (c == '#' || c == '♯') ? "♯" : "♭";
      i++;
    }
    if (i >= n || line.charAt(i) < '0' || line.charAt(i) > '7') {
      // not a note this reader knows: the character as written
      out.append("<span class=\"jp-raw\">")
          .append(Markup.escape(String.valueOf(line.charAt(start))))
          .append("</span>");
      return start + 1;
    }
    char digit = line.charAt(i++);
    int octaves = 0;
    while (i < n && (line.charAt(i) == '\'' || line.charAt(i) == ',')) {
      octaves += line.charAt(i) == '\'' ? 1 : -1;
      i++;
    }
    int underlines = 0;
    while (i < n && line.charAt(i) == '_') {
      underlines++;
      i++;
    }
    int dots = 0;
    while (i < n && line.charAt(i) == '.') {
      dots++;
      i++;
    }
    out.append("<span class=\"jp-note");
    if (underlines > 0) {
      out.append(" jp-u").append(Math.min(underlines, 3));
    }
    out.append("\">");
    if (!accidental.isEmpty()) {
      out.append("<span class=\"jp-acc\">").append(accidental).append("</span>");
    }
    out.append("<span class=\"jp-pitch\">");
    out.append("<span class=\"jp-above\">")
        .append("•".repeat(Math.max(octaves, 0)))
        .append("</span>");
    out.append("<span class=\"jp-digit\">").append(digit).append("</span>");
    out.append("<span class=\"jp-below\">")
        .append("•".repeat(Math.max(-octaves, 0)))
        .append("</span>");
    out.append("</span>");
    if (dots > 0) {
      out.append("<span class=\"jp-aug\">").append("·".repeat(dots)).append("</span>");
    }
    out.append("</span>");
    return i;
  }
}
