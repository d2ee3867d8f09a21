package cn.xinsheng.readiness.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * One learner's attempt at a scenario, replayed from the steps the terminal recorded: every touch,
 * every answer typed, every hint asked, each with the time since the start. The server scores the
 * replay, never a score the terminal sends; a step that is not on the screen the replay has reached
 * is refused (a stale or forged client), so a recorded attempt is always one that could happen.
 */
public final class ScenarioAttempt {

  /** More steps than any honest attempt; a longer record is refused, not cut. */
  public static final int MAX_STEPS = 2000;

  private ScenarioAttempt() {}

  /** What the learner did: touch an element, type into a field, or ask for the screen's hint. */
  public record Step(Kind kind, String element, String value, long elapsedMillis) {
    public enum Kind {
      TOUCH,
      INPUT,
      HINT
    }
  }

  /** A mistake made, where. */
  public record MistakeMade(String code, String screen, String element, int points) {}

  public record Result(
      String scenario,
      int version,
      boolean completed,
      boolean timedOut,
      int score,
      boolean passed,
      int hints,
      long elapsedSeconds,
      List<MistakeMade> mistakes,
      List<String> path) {}

  public static Result replay(Scenario scenario, List<Step> steps) {
    if (steps.size() > MAX_STEPS) {
      throw new ReadinessRefusal("attempt.error.tooLong", String.valueOf(steps.size()));
    }
    Scenario.Screen screen = scenario.screen(scenario.start());
    List<String> path = new ArrayList<>(List.of(screen.id()));
    List<MistakeMade> mistakes = new ArrayList<>();
    int hints = 0;
    long last = 0;
    int n = 0;
    for (Step step : steps) {
      int number = ++n;
      if (step.kind() == null || step.elapsedMillis() < last) {
        throw new ReadinessRefusal("attempt.error.step", "step " + n);
      }
      last = step.elapsedMillis();
      if (screen.end()) {
        throw new ReadinessRefusal("attempt.error.afterEnd", "step " + n);
      }
      if (step.kind() == Step.Kind.HINT) {
        hints++;
        continue;
      }
      Scenario.Screen here = screen;
      Scenario.Element e =
          here.element(step.element())
              .orElseThrow(
                  () ->
                      new ReadinessRefusal(
                          "attempt.error.notOnScreen", "step " + number + " " + here.id()));
      if ((e.type() == Scenario.Element.Type.INPUT) != (step.kind() == Step.Kind.INPUT)) {
        throw new ReadinessRefusal("attempt.error.step", "step " + n);
      }
      if (e.type() == Scenario.Element.Type.INPUT && !accepted(e, step.value())) {
        if (e.wrongAnswer() != null) {
          mistakes.add(made(scenario, e.wrongAnswer(), here, e));
        }
        continue; // a wrong answer stays on the screen
      }
      if (e.mistake() != null) {
        mistakes.add(made(scenario, e.mistake(), here, e));
      }
      screen = scenario.screen(e.next());
      path.add(screen.id());
    }
    int lost = hints * scenario.hintCost();
    for (MistakeMade m : mistakes) {
      lost += m.points();
    }
    int score = Math.max(0, 100 - lost);
    long seconds = last / 1000;
    boolean timedOut = seconds > scenario.timeLimitSeconds();
    boolean completed = screen.end();
    return new Result(
        scenario.id(),
        scenario.version(),
        completed,
        timedOut,
        score,
        completed && !timedOut && score >= scenario.passScore(),
        hints,
        seconds,
        List.copyOf(mistakes),
        List.copyOf(path));
  }

  private static MistakeMade made(
      Scenario scenario, String code, Scenario.Screen screen, Scenario.Element e) {
    return new MistakeMade(code, screen.id(), e.id(), scenario.mistake(code).points());
  }

  /**
   * An answer is accepted when it equals one of the listed answers after width folding (NFKC:
   * full-width digits and letters, as a Chinese input method types them, count as their ASCII
   * forms), trimming and ignoring case.
   */
  static boolean accepted(Scenario.Element e, String value) {
    if (value == null || value.length() > 500) {
      return false;
    }
    String v = fold(value);
    return e.accepted().stream().anyMatch(a -> fold(a).equals(v));
  }

  private static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC).strip().toLowerCase(java.util.Locale.ROOT);
  }
}
