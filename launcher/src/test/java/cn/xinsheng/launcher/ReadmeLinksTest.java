package cn.xinsheng.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, item 12: the README and the role guides point only inside the repository. Every
 * Markdown link and image resolves to a file of the checkout (never above it), and no address names
 * a host other than the local one (the platform runs air-gapped; {@code *.example} is an example).
 */
class ReadmeLinksTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern URL = Pattern.compile("https?://([A-Za-z0-9.-]+)");

  private static List<Path> documents() throws IOException {
    List<Path> out = new ArrayList<>();
    out.add(ROOT.resolve("README.md"));
    try (Stream<Path> guides = Files.list(ROOT.resolve("docs").resolve("guide"))) {
      guides.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
    }
    return out;
  }

  @Test
  void everyLinkStaysInsideTheRepository() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path doc : documents()) {
      String text = Files.readString(doc);
      Matcher m = LINK.matcher(text);
      while (m.find()) {
        String target = m.group(1).replaceAll("#.*$", "");
        if (target.isEmpty() || target.matches("https?://(localhost|127\\.0\\.0\\.1)[:/].*")) {
          continue;
        }
        if (target.matches("[a-z]+:.*")) {
          broken.add(ROOT.relativize(doc) + ": " + target + " leaves the repository");
          continue;
        }
        Path resolved = doc.getParent().resolve(target).normalize();
        if (!resolved.startsWith(ROOT)) {
          broken.add(ROOT.relativize(doc) + ": " + target + " points outside the repository");
        } else if (resolved.startsWith(ROOT.resolve("docs").resolve("guide").resolve("img"))) {
          // the guides' pictures are taken by GuideScreenshotsIT, which checks they are there
          continue;
        } else if (!Files.exists(resolved)) {
          broken.add(ROOT.relativize(doc) + ": " + target + " does not exist");
        }
      }
      Matcher u = URL.matcher(text);
      while (u.find()) {
        String host = u.group(1);
        if (!host.equals("localhost") && !host.equals("127.0.0.1") && !host.endsWith(".example")) {
          broken.add(ROOT.relativize(doc) + ": " + u.group() + " names an outside host");
        }
      }
      if (text.contains("../shared") || text.contains("(../")) {
        broken.add(ROOT.relativize(doc) + ": refers to a folder outside the repository");
      }
    }
    assertTrue(broken.isEmpty(), String.join("\n", broken));
  }
}
