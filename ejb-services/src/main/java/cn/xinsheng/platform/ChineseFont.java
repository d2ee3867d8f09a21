package cn.xinsheng.platform;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The CJK font every PDF embeds (subset): Noto Sans SC, SIL Open Font License, which the build
 * takes from its npm package and ships inside the application. No font of the host is ever used, so
 * a PDF looks the same from every installation and on every court's PC.
 */
public final class ChineseFont {

  static final String RESOURCE = "/cn/xinsheng/platform/fonts/400Regular/NotoSansSC_400Regular.ttf";

  private static volatile BaseFont base;

  private ChineseFont() {}

  public static BaseFont base() {
    BaseFont b = base;
    if (b == null) {
      synchronized (ChineseFont.class) {
        if (base == null) {
          try (InputStream in = ChineseFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
              throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            base =
                BaseFont.createFont(
                    "NotoSansSC-Regular.ttf",
                    BaseFont.IDENTITY_H,
                    BaseFont.EMBEDDED,
                    true,
                    in.readAllBytes(),
                    null);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        b = base;
      }
    }
    return b;
  }

  /**
   * The font file itself, for drawing it outside a PDF (issue 17, item 9: the words of an SVG image
   * turned into outlines). The caller closes the stream.
   */
  public static InputStream ttf() {
    InputStream in = ChineseFont.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException(RESOURCE + " is missing from the build");
    }
    return in;
  }

  public static Font font(float size) {
    return new Font(base(), size);
  }

  public static Font bold(float size) {
    return new Font(base(), size, Font.BOLD);
  }
}
