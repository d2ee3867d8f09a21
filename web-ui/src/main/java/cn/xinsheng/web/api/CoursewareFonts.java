package cn.xinsheng.web.api;

import java.util.List;

/**
 * The font stylesheet put into every HTML page of third-party courseware (issue 17, item 9): a
 * terminal without a CJK system font shows its Chinese in the font the platform ships ({@code
 * /fonts/NotoSansSC-Regular.ttf}). A publisher's page names its own fonts, which cannot be extended
 * from outside; so the families courseware commonly names get one more face each that covers only
 * the CJK ranges with the shipped font, beside the installed font of that name for everything else.
 * A page that names none of them gets the shipped font as the document's default. A family not in
 * the list, and text in an SVG shown as an image, still fall back to the terminal's own fonts
 * (docs/courseware.md).
 */
final class CoursewareFonts {

  private CoursewareFonts() {}

  /**
   * The families courseware commonly names (authoring tools' defaults and Chinese system fonts).
   */
  static final List<String> FAMILIES =
      List.of(
          "Arial",
          "Helvetica",
          "Helvetica Neue",
          "Verdana",
          "Tahoma",
          "Trebuchet MS",
          "Segoe UI",
          "Times New Roman",
          "Times",
          "Georgia",
          "Open Sans",
          "Lato",
          "Roboto",
          "Calibri",
          "SimSun",
          "宋体",
          "SimHei",
          "黑体",
          "Microsoft YaHei",
          "微软雅黑",
          "PingFang SC",
          "Hiragino Sans GB",
          "STHeiti",
          "Noto Sans SC",
          "Noto Sans CJK SC",
          "Source Han Sans SC");

  /** CJK punctuation, kana, unified ideographs and extension A, compatibility, full-width forms. */
  static final String CJK =
      "U+2E80-2FDF, U+3000-33FF, U+3400-4DBF, U+4E00-9FFF, U+F900-FAFF, U+FE30-FE4F, U+FF00-FFEF";

  static String css(String contextPath) {
    String url = contextPath + "/fonts/NotoSansSC-Regular.ttf";
    StringBuilder b = new StringBuilder("/* Xinsheng: Chinese without a CJK system font */\n");
    b.append("@font-face{font-family:\"Xinsheng Sans\";src:local(\"Noto Sans SC\"),")
        .append("local(\"Noto Sans CJK SC\"),url(\"")
        .append(url)
        .append("\") format(\"truetype\");font-display:swap}\n");
    for (String f : FAMILIES) {
      // the installed font first (all characters), then the shipped one for CJK only: for a CJK
      // character the face defined last is tried first
      b.append("@font-face{font-family:\"")
          .append(f)
          .append("\";src:local(\"")
          .append(f)
          .append("\")}\n");
      b.append("@font-face{font-family:\"")
          .append(f)
          .append("\";src:url(\"")
          .append(url)
          .append("\") format(\"truetype\");unicode-range:")
          .append(CJK)
          .append(";font-display:swap}\n");
    }
    b.append("html{font-family:\"Xinsheng Sans\",sans-serif}\n");
    return b.toString();
  }
}
