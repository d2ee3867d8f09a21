package cn.xinsheng.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: on a terminal without a CJK system font, the platform's own courseware still shows
 * Chinese. Its SCO pages name the shipped font (served at /fonts/NotoSansSC-Regular.ttf) first; its
 * SVG images carry their words as outlines, since an image cannot load a font.
 */
class DemoCourseFontsTest {

  private static final Path DEMO = Path.of("src", "main", "resources", "demo-content");

  private static List<Path> files(String suffix) throws IOException {
    try (Stream<Path> s = Files.walk(DEMO)) {
      return s.filter(p -> p.toString().endsWith(suffix)).toList();
    }
  }

  @Test
  void svgImagesCarryNoTextThatNeedsAFont() throws IOException {
    List<Path> svgs = files(".svg");
    assertTrue(!svgs.isEmpty());
    List<String> withText = new ArrayList<>();
    for (Path p : svgs) {
      String s = Files.readString(p);
      if (s.contains("<text") && !s.contains("NotoSansSC")) {
        withText.add(DEMO.relativize(p).toString());
      }
    }
    assertEquals(List.of(), withText, "SVGs whose words depend on the terminal's fonts");
  }

  @Test
  void scoPagesUseTheShippedFont() throws IOException {
    List<String> without = new ArrayList<>();
    int pages = 0;
    for (Path p : files(".html")) {
      if (!p.toString().contains("scorm")) {
        continue;
      }
      pages++;
      String s = Files.readString(p);
      if (!s.contains("/fonts/NotoSansSC-Regular.ttf") || !s.contains("\"Xinsheng Sans\"")) {
        without.add(DEMO.relativize(p).toString());
      }
    }
    assertTrue(pages > 0);
    assertEquals(List.of(), without, "SCO pages that do not name the shipped font");
  }
}
