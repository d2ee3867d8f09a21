package cn.xinsheng.lms.application;

import cn.xinsheng.lms.infrastructure.SvgTextOutlines;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A lesson's or SCO's SVG image as a terminal without a CJK font can show it (issue 17, item 9):
 * its Chinese words drawn as outlines of the shipped font ({@link SvgTextOutlines}). Made once per
 * file version and kept (a few hundred images at most); the file on disk stays as imported, so a
 * package still verifies against its signature. Only files the caller was already allowed to read
 * ({@code LearningService.file} / {@code attemptFile}) come here.
 */
@ApplicationScoped
public class CoursewareImages {

  private static final int KEPT = 256;

  private final Map<String, byte[]> made =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
          return size() > KEPT;
        }
      };

  /** The image's bytes to send; whether it changed is told by comparing with the file's size. */
  public byte[] forTerminal(Path file) {
    try {
      String key = file + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
      synchronized (made) {
        byte[] b = made.get(key);
        if (b != null) {
          return b;
        }
      }
      byte[] out = SvgTextOutlines.outline(Files.readAllBytes(file));
      synchronized (made) {
        made.put(key, out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
