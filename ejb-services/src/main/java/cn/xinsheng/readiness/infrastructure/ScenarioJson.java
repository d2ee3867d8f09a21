package cn.xinsheng.readiness.infrastructure;

import cn.xinsheng.audit.CanonicalJson;
import cn.xinsheng.readiness.domain.ReadinessRefusal;
import cn.xinsheng.readiness.domain.Scenario;
import cn.xinsheng.readiness.domain.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a scenario from its JSON file ({@code format: "xinsheng-scenario/1"}, docs/scenarios.md).
 * Anything malformed is refused with what is wrong; the checks on the whole (moves, mistakes, a way
 * to the end) are the scenario's own.
 */
public final class ScenarioJson {

  public static final String FORMAT = "xinsheng-scenario/1";

  /** Larger than any scenario, even a kiosk with two hundred guides. */
  public static final int MAX_CHARS = 2_000_000;

  private ScenarioJson() {}

  public static Scenario read(String json) {
    if (json.length() > MAX_CHARS) {
      throw new ReadinessRefusal("scenario.error.tooBig", json.length() + " chars");
    }
    Object parsed;
    try {
      parsed = CanonicalJson.parseLenient(json);
    } catch (RuntimeException e) {
      throw new ReadinessRefusal("scenario.error.json", e.getMessage());
    }
    Map<?, ?> root = object(parsed, "scenario");
    if (!FORMAT.equals(root.get("format"))) {
      throw new ReadinessRefusal("scenario.error.format", String.valueOf(root.get("format")));
    }
    List<Scenario.Screen> screens = new ArrayList<>();
    for (Object s : list(root.get("screens"), "screens")) {
      Map<?, ?> screen = object(s, "screen");
      List<Scenario.Element> elements = new ArrayList<>();
      for (Object e : list(orEmpty(screen.get("elements")), "elements")) {
        Map<?, ?> el = object(e, "element");
        List<String> accepted = new ArrayList<>();
        for (Object a : list(orEmpty(el.get("accepted")), "accepted")) {
          accepted.add(string(a, "accepted"));
        }
        elements.add(
            new Scenario.Element(
                optional(el.get("id")),
                type(el.get("type")),
                text(el.get("label"), "label"),
                optional(el.get("next")),
                optional(el.get("mistake")),
                accepted,
                optional(el.get("wrongAnswer"))));
      }
      screens.add(
          new Scenario.Screen(
              optional(screen.get("id")),
              text(screen.get("title"), "title"),
              screen.get("body") == null ? null : text(screen.get("body"), "body"),
              screen.get("hint") == null ? null : text(screen.get("hint"), "hint"),
              Boolean.TRUE.equals(screen.get("end")),
              elements));
    }
    List<Scenario.Mistake> mistakes = new ArrayList<>();
    for (Object m : list(root.get("mistakes"), "mistakes")) {
      Map<?, ?> mistake = object(m, "mistake");
      mistakes.add(
          new Scenario.Mistake(
              optional(mistake.get("code")),
              integer(mistake.get("points"), "points"),
              text(mistake.get("text"), "text")));
    }
    return new Scenario(
        optional(root.get("id")),
        integer(root.get("version"), "version"),
        text(root.get("title"), "title"),
        text(root.get("description"), "description"),
        optional(root.get("kind")),
        integer(root.get("timeLimitSeconds"), "timeLimitSeconds"),
        integer(root.get("passScore"), "passScore"),
        root.get("hintCost") == null ? 0 : integer(root.get("hintCost"), "hintCost"),
        optional(root.get("start")),
        screens,
        mistakes);
  }

  private static Map<?, ?> object(Object o, String what) {
    if (o instanceof Map<?, ?> m) {
      return m;
    }
    throw new ReadinessRefusal("scenario.error.field", what);
  }

  private static List<?> list(Object o, String what) {
    if (o instanceof List<?> l) {
      return l;
    }
    throw new ReadinessRefusal("scenario.error.field", what);
  }

  private static Object orEmpty(Object o) {
    return o == null ? List.of() : o;
  }

  private static String string(Object o, String what) {
    if (o instanceof String s) {
      return s;
    }
    throw new ReadinessRefusal("scenario.error.field", what);
  }

  private static String optional(Object o) {
    return o instanceof String s ? s : null;
  }

  private static int integer(Object o, String what) {
    if (o instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
      return l.intValue();
    }
    throw new ReadinessRefusal("scenario.error.field", what);
  }

  private static Text text(Object o, String what) {
    Map<?, ?> m = object(o, what);
    return new Text(string(m.get("zh"), what + ".zh"), string(m.get("en"), what + ".en"));
  }

  private static Scenario.Element.Type type(Object o) {
    if ("touch".equals(o)) {
      return Scenario.Element.Type.TOUCH;
    }
    if ("input".equals(o)) {
      return Scenario.Element.Type.INPUT;
    }
    throw new ReadinessRefusal("scenario.error.field", "type");
  }
}
