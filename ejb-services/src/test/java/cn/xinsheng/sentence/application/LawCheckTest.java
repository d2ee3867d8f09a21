package cn.xinsheng.sentence.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.CanonicalJson;
import cn.xinsheng.sentence.domain.SentenceFactException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The outside law check (docs/law-check): every request file worked out by hand from the articles
 * is run through the calculator the CLI and the API use, and must give the hand answer written in
 * {@code expected.md}. A case whose {@code - cites:} line names articles must also give each of
 * them among its reasons, so a right date for a wrong reason fails. The hand answers are the
 * reviewers' and stay theirs: a disagreement is settled in the engine or, where the hand answer was
 * wrong, in {@code expected.md} with a line in {@code REPORT.md}.
 */
class LawCheckTest {

  private static final Path DIR = Path.of("..", "docs", "law-check");

  /** One hand-worked case: its file, the expected fields, the articles it must cite. */
  record Case(
      String file, List<String[]> expected, boolean error, String errorField, List<String> cites) {
    @Override
    public String toString() {
      return file;
    }
  }

  static List<Case> cases() throws IOException {
    List<Case> cases = new ArrayList<>();
    String file = null;
    List<String[]> expected = null;
    boolean error = false;
    String errorField = null;
    List<String> cites = new ArrayList<>();
    for (String line : Files.readAllLines(DIR.resolve("expected.md"), StandardCharsets.UTF_8)) {
      if (line.startsWith("## ")) {
        if (file != null) {
          cases.add(new Case(file, expected, error, errorField, cites));
        }
        file = line.substring(3).strip();
        expected = new ArrayList<>();
        error = false;
        errorField = null;
        cites = new ArrayList<>();
      } else if (file != null && line.startsWith("- expected:")) {
        String body = line.substring("- expected:".length()).strip();
        if (body.startsWith("400")) {
          error = true;
          String rest = body.substring(3).replace("error", "").strip();
          errorField = rest.isEmpty() ? null : rest;
          continue;
        }
        for (String pair : body.split(",")) {
          String[] kv = pair.strip().split("=", 2);
          if (kv.length == 2 && !kv[1].strip().equals("*")) {
            expected.add(new String[] {kv[0].strip(), kv[1].strip()});
          }
        }
      } else if (file != null && line.startsWith("- cites:")) {
        for (String a : line.substring("- cites:".length()).split(";")) {
          if (!a.isBlank()) {
            cites.add(a.strip());
          }
        }
      }
    }
    if (file != null) {
      cases.add(new Case(file, expected, error, errorField, cites));
    }
    return cases;
  }

  static Stream<Arguments> each() throws IOException {
    return cases().stream().map(Arguments::of);
  }

  @Test
  void everyRequestFileHasAHandAnswer() throws IOException {
    List<String> answered = cases().stream().map(Case::file).toList();
    try (Stream<Path> files = Files.list(DIR)) {
      List<String> requests =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.matches("c\\d+.*\\.json"))
              .sorted()
              .toList();
      assertTrue(requests.size() >= 60, "at least 60 cases: " + requests.size());
      for (String r : requests) {
        assertTrue(answered.contains(r), r + " has no hand answer in expected.md");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("each")
  void givesTheHandAnswer(Case c) throws IOException {
    Object json = CanonicalJson.parseLenient(Files.readString(DIR.resolve(c.file()), UTF8));
    if (c.error()) {
      SentenceFactException e =
          assertThrows(
              SentenceFactException.class,
              () -> EligibilityCalculator.standard().evaluate(CalculatorRequest.fromJson(json)));
      if (c.errorField() != null) {
        assertEquals(c.errorField(), e.field(), c.file() + ": the field the refusal names");
      }
      return;
    }
    Map<String, Object> answer =
        EligibilityCalculator.standard().evaluate(CalculatorRequest.fromJson(json)).toMap();
    assertTrue(!c.expected().isEmpty(), c.file() + ": no expected fields");
    for (String[] kv : c.expected()) {
      Object actual = field(answer, kv[0]);
      assertEquals(kv[1], text(actual), c.file() + " " + kv[0]);
    }
    String articles = articles(answer);
    for (String a : c.cites()) {
      assertTrue(articles.contains(a), c.file() + " should cite " + a + "; cites " + articles);
    }
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  /** The hand answers' short names for the answer's fields. */
  @SuppressWarnings("unchecked")
  private static Object field(Map<String, Object> answer, String name) {
    Map<String, Object> red = (Map<String, Object>) answer.get("reduction");
    Map<String, Object> parole = (Map<String, Object>) answer.get("parole");
    return switch (name) {
      case "commuteMin" -> red.get("commuteToMinMonths");
      case "commuteMax" -> red.get("commuteToMaxMonths");
      case "lenientMax" -> red.get("lenientMaxMonths");
      case "lenientFrom" -> red.get("lenientEligibleFrom");
      default -> {
        if (name.startsWith("red.")) {
          String f = name.substring(4);
          if (!red.containsKey(f)) {
            throw new AssertionError("no reduction field " + f);
          }
          yield red.get(f);
        }
        if (name.startsWith("parole.")) {
          String f = name.substring(7);
          if (!parole.containsKey(f)) {
            throw new AssertionError("no parole field " + f);
          }
          yield parole.get(f);
        }
        throw new AssertionError("unknown field in expected.md: " + name);
      }
    };
  }

  /** As the hand answers write values: True/False, null, numbers and dates as they are. */
  private static String text(Object v) {
    if (v instanceof Boolean b) {
      return b ? "True" : "False";
    }
    return String.valueOf(v);
  }

  @SuppressWarnings("unchecked")
  private static String articles(Map<String, Object> answer) {
    StringBuilder b = new StringBuilder();
    for (String part : List.of("reduction", "parole")) {
      for (Object r : (List<Object>) ((Map<String, Object>) answer.get(part)).get("reasons")) {
        b.append(((Map<String, Object>) r).get("article")).append(" | ");
      }
    }
    return b.toString();
  }
}
