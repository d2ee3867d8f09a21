package cn.xinsheng.lms.application;

import cn.xinsheng.content.ContentPackage;
import cn.xinsheng.content.CourseSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files of a course that learners may fetch, listed once at import (issue 14, finding 3): the
 * lessons and what they show (pages, images, media, SCORM content). Quiz and bank sources, the
 * course description and the signed manifest never leave the server; the probe read a quiz's and a
 * bank's answers as an inmate with {@code …/file/quiz/chapter1.txt}. A file that is not on the list
 * is not served, whatever its name.
 */
final class CourseAssets {

  private CourseAssets() {}

  /** The sources a package brings that are for the server alone. */
  static Set<String> sources(CourseSpec spec) {
    Set<String> s = new HashSet<>();
    s.add(ContentPackage.MANIFEST);
    s.add(CourseSpec.FILE);
    s.add(ContentPackage.SIGNATURE);
    spec.banks().forEach(b -> s.add(clean(b.file())));
    spec.quizzes().stream()
        .filter(q -> q.file() != null && !q.file().isBlank())
        .forEach(q -> s.add(clean(q.file())));
    return s;
  }

  /** Every regular file of the extracted package but its sources, as '/'-separated paths. */
  static List<String> of(Path folder, CourseSpec spec) throws IOException {
    Set<String> sources = sources(spec);
    List<String> assets = new ArrayList<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String rel = folder.relativize(f).toString().replace('\\', '/');
        if (!sources.contains(rel)) {
          assets.add(rel);
        }
      }
    }
    return assets;
  }

  static String clean(String path) {
    String p = path.replace('\\', '/');
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    return p;
  }
}
