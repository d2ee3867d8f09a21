package cn.xinsheng.web.music;

/**
 * Text put into markup the music pages build themselves (the drawn 简谱, the statistics' SVG chart),
 * escaped so that no name or notation a package brought can become a tag or an attribute.
 */
final class Markup {
  private Markup() {}

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
