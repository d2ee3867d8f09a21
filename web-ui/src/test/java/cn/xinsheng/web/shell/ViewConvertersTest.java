package cn.xinsheng.web.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Issue 17: a number typed into a field that is an element of a map or list ({@code
 * #{view.points[id][i]}}) reaches the bean as a String unless the field names its converter: EL
 * cannot see a collection's element type, and the String fails later as a ClassCastException (the
 * teacher's grading screen showed "page not found"). Every number field bound into a collection
 * names its converter. (A many-choice list is converted by the type of its items' values, so it
 * needs none; the ones bound to {@code List<Long>} name theirs anyway.)
 */
class ViewConvertersTest {

  private static final Pattern FIELD =
      Pattern.compile(
          "<(p:inputNumber|p:inputText|p:spinner|h:inputText|p:selectManyCheckbox|p:selectCheckboxMenu"
              + "|p:selectManyMenu|h:selectManyCheckbox|h:selectManyListbox)\\b([^>]*?)(/>|>)",
          Pattern.DOTALL);

  private static final List<String> NUMBERS = List.of("p:inputNumber", "p:spinner");

  @Test
  void everyNumberFieldBoundIntoACollectionNamesItsConverter() throws IOException {
    Path root = Path.of("src", "main", "webapp");
    List<String> missing = new ArrayList<>();
    int checked = 0;
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
        String s = Files.readString(f);
        Matcher m = FIELD.matcher(s);
        while (m.find()) {
          String tag = m.group(1);
          String attrs = m.group(2);
          boolean intoCollection = attrs.matches("(?s).*value=\"#\\{[^}]*\\[.*");
          // a text field of type="number" (the grading screen's: p:inputNumber cut a mark over
          // the maximum without a word) is a number field too
          boolean number = NUMBERS.contains(tag) || attrs.contains("type=\"number\"");
          if (!number || !intoCollection) {
            continue;
          }
          checked++;
          String body = "";
          if (m.group(3).equals(">")) {
            int end = s.indexOf("</" + tag, m.end());
            body = end < 0 ? "" : s.substring(m.end(), end);
          }
          if (!attrs.contains("converter=") && !body.contains("<f:converter")) {
            missing.add(root.relativize(f) + ": " + tag + " " + attrs.strip());
          }
        }
      }
    }
    assertTrue(checked >= 2, "the views were read: " + checked);
    assertEquals(List.of(), missing, "fields without a converter");
  }
}
