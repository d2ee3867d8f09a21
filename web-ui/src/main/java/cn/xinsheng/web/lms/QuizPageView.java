package cn.xinsheng.web.lms;

import cn.xinsheng.lms.application.QuizService;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.web.shell.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A quiz at the terminal: start or resume an attempt, answer with the keyboard, hand in, see the
 * grade at once (essays: when a teacher has graded them).
 */
@Named
@ViewScoped
public class QuizPageView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient QuizService quizzes;

  private Long id;
  private QuizService.AttemptView attempt;
  private QuizService.Graded graded;
  private final Map<String, String> single = new HashMap<>();
  private final Map<String, Object> multiple = new HashMap<>();
  private final Map<String, String> text = new HashMap<>();
  private final Map<String, List<String>> matching = new HashMap<>();
  private List<Integer> unanswered = List.of();
  private boolean known;

  public void start() {
    try {
      attempt = quizzes.start(id);
      graded = null;
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public List<QuizService.Graded> getResults() {
    try {
      return id == null ? List.of() : quizzes.results(id);
    } catch (Refusal r) {
      return List.of();
    }
  }

  /**
   * Reads the quiz before the page renders: an unknown or missing id is said at once, and the page
   * offers no 开始答题 that could only be refused (the walk: ?id=999 showed the button).
   */
  public void load() {
    if (id == null) {
      Messages.error("lms.error.noQuiz");
      return;
    }
    try {
      quizzes.results(id);
      known = true;
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public boolean isKnown() {
    return known;
  }

  /** The matching answer for one left side, by its position. */
  public String getMatch(String key, int i) {
    List<String> l = matching.get(key);
    return l == null || i >= l.size() ? null : l.get(i);
  }

  public Map<String, List<String>> getMatching() {
    for (QuizService.QuestionView q :
        attempt == null ? List.<QuizService.QuestionView>of() : attempt.questions()) {
      if (q.type().equals("MATCHING")) {
        matching.computeIfAbsent(
            q.key(),
            k -> {
              List<String> l = new ArrayList<>();
              q.left().forEach(x -> l.add(null));
              return l;
            });
      }
    }
    return matching;
  }

  /**
   * Hands in, after a warning when some questions are unanswered (issue 18 walk: an empty hand-in
   * used up an attempt). The first press lists the unanswered questions and asks; "hand in anyway"
   * hands in. With nothing answered at all the service refuses, and no attempt is used.
   */
  public void submit() {
    Map<String, Object> answers = answers();
    unanswered = unanswered(answers);
    if (!unanswered.isEmpty() && unanswered.size() < attempt.questions().size()) {
      return;
    }
    handIn(answers);
  }

  /** Hands in as it stands, unanswered questions and all, once the learner has been told. */
  public void submitAnyway() {
    handIn(answers());
  }

  /** Back to the questions without handing in. */
  public void keepAnswering() {
    unanswered = List.of();
  }

  /** The numbers (from 1) of the questions without an answer, while the learner is asked. */
  public List<Integer> getUnanswered() {
    return unanswered;
  }

  public String getUnansweredText() {
    return unanswered.stream()
        .map(String::valueOf)
        .collect(java.util.stream.Collectors.joining("、"));
  }

  private List<Integer> unanswered(Map<String, Object> answers) {
    List<Integer> out = new ArrayList<>();
    List<QuizService.QuestionView> qs = attempt.questions();
    for (int i = 0; i < qs.size(); i++) {
      if (!QuizService.answered(answers.get(qs.get(i).key()))) {
        out.add(i + 1);
      }
    }
    return out;
  }

  private void handIn(Map<String, Object> answers) {
    try {
      graded = quizzes.submit(attempt.attemptId(), answers);
      attempt = null;
      unanswered = List.of();
    } catch (Refusal r) {
      unanswered = List.of();
      Messages.refused(r);
    }
  }

  private Map<String, Object> answers() {
    Map<String, Object> answers = new HashMap<>();
    for (QuizService.QuestionView q : attempt.questions()) {
      switch (q.type()) {
        case "SINGLE" -> {
          if (single.get(q.key()) != null) {
            answers.put(q.key(), Long.valueOf(single.get(q.key())));
          }
        }
        case "MULTIPLE" -> {
          // a select-many bound into a map gives an array (or a list): the chosen option indexes
          List<Object> idx = new ArrayList<>();
          Object chosen = multiple.get(q.key());
          List<?> values =
              chosen instanceof Object[] a
                  ? List.of(a)
                  : chosen instanceof List<?> l ? l : List.of();
          values.forEach(v -> idx.add(Long.valueOf(String.valueOf(v))));
          if (!idx.isEmpty()) {
            answers.put(q.key(), idx);
          }
        }
        case "MATCHING" -> {
          List<String> l = matching.get(q.key());
          if (l != null) {
            answers.put(
                q.key(), new ArrayList<Object>(l.stream().map(x -> x == null ? "" : x).toList()));
          }
        }
        default -> {
          if (text.get(q.key()) != null && !text.get(q.key()).isBlank()) {
            answers.put(q.key(), text.get(q.key()));
          }
        }
      }
    }
    return answers;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public QuizService.AttemptView getAttempt() {
    return attempt;
  }

  public QuizService.Graded getGraded() {
    return graded;
  }

  public Map<String, String> getSingle() {
    return single;
  }

  public Map<String, Object> getMultiple() {
    return multiple;
  }

  public Map<String, String> getText() {
    return text;
  }
}
