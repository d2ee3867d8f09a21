package cn.xinsheng.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * ADR 0013: services in {@code application} hold no SQL; it lives behind the repository interfaces
 * of the context's {@code domain}, in {@code infrastructure}. Checked for every context that has an
 * {@code application} package, found on disk, so a new context is held to it from its first service
 * (issue 13: learning's generic {@code LearningStore} retired, then the ledger, the audit log,
 * cases, identity and music's exams moved their last statements behind repositories).
 */
class NoSqlInApplicationTest {

  private static final Path SOURCES = Path.of("src", "main", "java", "cn", "xinsheng");

  /** Every context with an application package (at least the eleven issue 13 knew). */
  static List<String> contexts() throws IOException {
    try (Stream<Path> dirs = Files.list(SOURCES)) {
      return dirs.filter(d -> Files.isDirectory(d.resolve("application")))
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList();
    }
  }

  /** A string literal that starts a statement. */
  private static final Pattern STATEMENT =
      Pattern.compile("\"\\s*(SELECT|INSERT|UPDATE|DELETE|REPLACE)\\s", Pattern.CASE_INSENSITIVE);

  @Test
  void applicationServicesHoldNoSql() throws IOException {
    Set<String> found = new TreeSet<>();
    List<String> contexts = contexts();
    assertTrue(
        contexts.containsAll(
            List.of(
                "auditlog",
                "cases",
                "evidence",
                "identity",
                "ledger",
                "lms",
                "music",
                "organisation",
                "readiness",
                "sentence")),
        "the contexts found: " + contexts);
    for (String context : contexts) {
      try (Stream<Path> files = Files.walk(SOURCES.resolve(context).resolve("application"))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          if (STATEMENT.matcher(Files.readString(f)).find()) {
            found.add(SOURCES.relativize(f).toString().replace('\\', '/'));
          }
        }
      }
    }
    assertEquals(Set.of(), found, "SQL in an application service: move it behind a repository");
  }

  @Test
  void theGuardSeesAStatement() {
    // the pattern must catch the shape the services used to hold
    assertEquals(
        true, STATEMENT.matcher("store.rows(\"SELECT id FROM quiz WHERE course_id = ?1\")").find());
  }
}
