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

  public void submit() {
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
    try {
      graded = quizzes.submit(attempt.attemptId(), answers);
      attempt = null;
    } catch (Refusal r) {
      Messages.refused(r);
    }
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
