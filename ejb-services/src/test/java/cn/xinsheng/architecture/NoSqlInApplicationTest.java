package cn.xinsheng.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * of the context's {@code domain}, in {@code infrastructure}. Checked for the contexts that follow
 * it in full (learning since issue 13 retired its generic {@code LearningStore}; the ledger, the
 * audit log, cases and identity since their last services' statements moved behind repositories); a
 * context joins the list when its last statement has moved.
 */
class NoSqlInApplicationTest {

  private static final Path SOURCES = Path.of("src", "main", "java", "cn", "xinsheng");

  /** The contexts whose application packages are free of SQL. */
  private static final List<String> DONE =
      List.of(
          "auditlog",
          "cases",
          "evidence",
          "identity",
          "ledger",
          "lms",
          "organisation",
          "readiness",
          "sentence");

  /** A string literal that starts a statement. */
  private static final Pattern STATEMENT =
      Pattern.compile("\"\\s*(SELECT|INSERT|UPDATE|DELETE|REPLACE)\\s", Pattern.CASE_INSENSITIVE);

  @Test
  void applicationServicesHoldNoSql() throws IOException {
    Set<String> found = new TreeSet<>();
    for (String context : DONE) {
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
