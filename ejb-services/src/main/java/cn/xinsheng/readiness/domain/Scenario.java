package cn.xinsheng.readiness.domain;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A release-readiness simulation as data (issue 20): the screens of an everyday machine or app
 * (ticket machine, payment app, ATM, hospital or government kiosk, job form, a fraud call), what a
 * learner can touch or type on each, the mistakes that cost points, hints and a time limit. The
 * platform plays any scenario that passes these checks; none is written in code.
 *
 * <p>Checked when it is built: ids are well formed and unique; every move leads to a screen that
 * exists; an end screen can be reached from the start; every mistake an element names is defined;
 * and at least {@link #MIN_MISTAKES} scored mistakes exist, so practice can go wrong in more than
 * one way.
 */
public record Scenario(
    String id,
    int version,
    Text title,
    Text description,
    String kind,
    int timeLimitSeconds,
    int passScore,
    int hintCost,
    String start,
    List<Screen> screens,
    List<Mistake> mistakes) {

  public static final int MIN_MISTAKES = 3;
  public static final int MAX_SCREENS = 200;
  public static final int MAX_ELEMENTS = 400;
  public static final String ID = "[a-z][a-z0-9-]{0,39}";

  /** A mistake a learner can make, and what it costs. */
  public record Mistake(String code, int points, Text text) {
    public Mistake {
      if (code == null || !code.matches("[A-Z][A-Z0-9_]{0,39}")) {
        throw new ReadinessRefusal("scenario.error.id", String.valueOf(code));
      }
      if (points < 1 || points > 100) {
        throw new ReadinessRefusal("scenario.error.points", code);
      }
    }
  }

  /**
   * Something on a screen: a button or list entry to touch ({@code TOUCH}), or a field to fill
   * ({@code INPUT}) whose accepted answers are listed. Touching, or submitting an accepted answer,
   * goes to {@code next}; a wrong answer costs {@code wrongAnswer} and stays. An element marked
   * with {@code mistake} is a trap: it costs the mistake and goes where it leads.
   */
  public record Element(
      String id,
      Type type,
      Text label,
      String next,
      String mistake,
      List<String> accepted,
      String wrongAnswer) {

    public enum Type {
      TOUCH,
      INPUT
    }

    public Element {
      if (id == null || !id.matches(ID)) {
        throw new ReadinessRefusal("scenario.error.id", String.valueOf(id));
      }
      if (type == null || label == null) {
        throw new ReadinessRefusal("scenario.error.element", id);
      }
      accepted = accepted == null ? List.of() : List.copyOf(accepted);
      if (type == Type.INPUT && accepted.isEmpty()) {
        throw new ReadinessRefusal("scenario.error.inputAnswers", id);
      }
    }
  }

  /** One screen; {@code end} screens finish the attempt. */
  public record Screen(
      String id, Text title, Text body, Text hint, boolean end, List<Element> elements) {
    public Screen {
      if (id == null || !id.matches(ID)) {
        throw new ReadinessRefusal("scenario.error.id", String.valueOf(id));
      }
      if (title == null) {
        throw new ReadinessRefusal("scenario.error.text", id);
      }
      elements = elements == null ? List.of() : List.copyOf(elements);
      if (elements.size() > MAX_ELEMENTS) {
        throw new ReadinessRefusal("scenario.error.tooBig", id);
      }
      if (!end && elements.isEmpty()) {
        throw new ReadinessRefusal("scenario.error.deadEnd", id);
      }
    }

    public Optional<Element> element(String elementId) {
      return elements.stream().filter(e -> e.id().equals(elementId)).findFirst();
    }
  }

  public Scenario {
    if (id == null || !id.matches(ID)) {
      throw new ReadinessRefusal("scenario.error.id", String.valueOf(id));
    }
    if (version < 1 || title == null || description == null || kind == null) {
      throw new ReadinessRefusal("scenario.error.header", id);
    }
    if (timeLimitSeconds < 10 || timeLimitSeconds > 3600) {
      throw new ReadinessRefusal("scenario.error.timeLimit", id);
    }
    if (passScore < 0 || passScore > 100 || hintCost < 0 || hintCost > 100) {
      throw new ReadinessRefusal("scenario.error.scoring", id);
    }
    screens = List.copyOf(screens);
    mistakes = List.copyOf(mistakes);
    if (screens.isEmpty() || screens.size() > MAX_SCREENS) {
      throw new ReadinessRefusal("scenario.error.tooBig", id);
    }
    Map<String, Screen> byId = new HashMap<>();
    for (Screen s : screens) {
      if (byId.put(s.id(), s) != null) {
        throw new ReadinessRefusal("scenario.error.duplicate", s.id());
      }
      Set<String> elementIds = new HashSet<>();
      for (Element e : s.elements()) {
        if (!elementIds.add(e.id())) {
          throw new ReadinessRefusal("scenario.error.duplicate", s.id() + "/" + e.id());
        }
      }
    }
    Set<String> mistakeCodes = new HashSet<>();
    for (Mistake m : mistakes) {
      if (!mistakeCodes.add(m.code())) {
        throw new ReadinessRefusal("scenario.error.duplicate", m.code());
      }
    }
    if (mistakes.size() < MIN_MISTAKES) {
      throw new ReadinessRefusal("scenario.error.fewMistakes", id);
    }
    if (!byId.containsKey(start)) {
      throw new ReadinessRefusal("scenario.error.noScreen", "start → " + start);
    }
    for (Screen s : screens) {
      for (Element e : s.elements()) {
        if (e.next() == null || !byId.containsKey(e.next())) {
          throw new ReadinessRefusal(
              "scenario.error.noScreen", s.id() + "/" + e.id() + " → " + e.next());
        }
        for (String m : new String[] {e.mistake(), e.wrongAnswer()}) {
          if (m != null && !mistakeCodes.contains(m)) {
            throw new ReadinessRefusal(
                "scenario.error.noMistake", s.id() + "/" + e.id() + " → " + m);
          }
        }
      }
    }
    // an end must be reachable from the start without a trap, or nobody can do it right
    Deque<String> todo = new ArrayDeque<>(List.of(start));
    Set<String> seen = new HashSet<>(todo);
    boolean endReached = false;
    while (!todo.isEmpty()) {
      Screen s = byId.get(todo.pop());
      endReached |= s.end();
      for (Element e : s.elements()) {
        if (e.mistake() == null && seen.add(e.next())) {
          todo.push(e.next());
        }
      }
    }
    if (!endReached) {
      throw new ReadinessRefusal("scenario.error.noWayToTheEnd", id);
    }
  }

  public Screen screen(String screenId) {
    return screens.stream().filter(s -> s.id().equals(screenId)).findFirst().orElseThrow();
  }

  public Mistake mistake(String code) {
    return mistakes.stream().filter(m -> m.code().equals(code)).findFirst().orElseThrow();
  }
}
