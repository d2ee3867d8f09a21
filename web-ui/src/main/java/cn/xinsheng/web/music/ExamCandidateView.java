package cn.xinsheng.web.music;

import cn.xinsheng.music.application.exam.ExamMarking;
import cn.xinsheng.music.application.exam.ExamQueries;
import cn.xinsheng.music.application.exam.ExamScheduling;
import cn.xinsheng.music.application.exam.ExamService;
import cn.xinsheng.music.domain.exam.RubricItem;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.web.security.CurrentUser;
import cn.xinsheng.web.shell.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.event.FileUploadEvent;

/**
 * One candidate: his performance (recorded as evidence before anything else), the panel, the marks
 * the reader may see, his own marking form, and the board's seat and publish actions. A candidate
 * the reader may not see shows only the refusal.
 */
@Named
@ViewScoped
public class ExamCandidateView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient ExamService exams;
  @Inject transient ExamScheduling scheduling;
  @Inject transient ExamMarking marking;
  @Inject transient ExamQueries queries;
  @Inject CurrentUser currentUser;

  private long id;
  private transient ExamQueries.CandidateView candidate;
  private transient ExamMarking.MarksView marks;
  private transient List<ExamScheduling.ExaminerOption> options;
  private final Map<String, Object> given = new LinkedHashMap<>();
  private String examiner;

  public void load() {
    candidate = null;
    marks = null;
    options = null;
    try {
      candidate = queries.candidateView(id);
      marks = marking.marks(id);
      if (isBoard()) {
        options = scheduling.examinerOptions(id);
      }
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public boolean isBoard() {
    return currentUser.hasRole("EDU_ADMIN");
  }

  /** The examiner on the panel who has not marked yet may mark. */
  public boolean isMayMark() {
    return candidate != null
        && currentUser.hasRole("EXAMINER")
        && candidate.grade() == null
        && candidate.performanceRecorded()
        && candidate.panel().contains(currentUser.getUsername())
        && !candidate.markedByMe();
  }

  public List<String> getItems() {
    List<String> out = new ArrayList<>();
    for (RubricItem i : RubricItem.values()) {
      out.add(i.name());
    }
    return out;
  }

  public void upload(FileUploadEvent event) {
    try (InputStream in = event.getFile().getInputStream()) {
      exams.recordPerformance(id, in);
      Messages.info("music.exam.performance.recorded");
    } catch (Refusal r) {
      Messages.refused(r);
    } catch (IOException e) {
      Messages.error("music.exam.error.audio", "", "");
    }
    load();
  }

  public void mark() {
    try {
      Map<String, Integer> marks = new LinkedHashMap<>();
      // the number field hands over whatever number type it likes; the service takes whole marks
      given.forEach(
          (k, v) -> {
            Integer n = null;
            if (v instanceof Number x) {
              n = x.intValue();
            } else if (v instanceof String t && t.strip().matches("-?\\d{1,3}")) {
              n = Integer.valueOf(t.strip());
            }
            marks.put(k, n);
          });
      marking.mark(id, marks);
      Messages.info("music.exam.marked");
      given.clear();
    } catch (Refusal r) {
      Messages.refused(r);
    }
    load();
  }

  public void assign() {
    try {
      int seat = scheduling.assign(id, examiner);
      Messages.info("music.exam.assigned", seat);
    } catch (Refusal r) {
      Messages.refused(r);
    }
    load();
  }

  public void publish() {
    try {
      ExamService.ResultView r = exams.publish(id);
      Messages.info("music.exam.publishedAs", Messages.text("music.exam.grade." + r.grade()));
    } catch (Refusal r) {
      Messages.refused(r);
    }
    load();
  }

  public String reasons(ExamScheduling.ExaminerOption o) {
    if (o.recusalReasons().isEmpty()) {
      return Messages.text("music.exam.recusal.none");
    }
    return String.join(
        "、",
        o.recusalReasons().stream().map(r -> Messages.text("music.exam.recusal." + r)).toList());
  }

  public List<Map.Entry<String, Map<String, Integer>>> getMarkRows() {
    return marks == null ? List.of() : new ArrayList<>(marks.marks().entrySet());
  }

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public ExamQueries.CandidateView getCandidate() {
    return candidate;
  }

  public ExamMarking.MarksView getMarks() {
    return marks;
  }

  public List<ExamScheduling.ExaminerOption> getOptions() {
    return options == null ? List.of() : options;
  }

  public Map<String, Object> getGiven() {
    return given;
  }

  public String getExaminer() {
    return examiner;
  }

  public void setExaminer(String examiner) {
    this.examiner = examiner;
  }
}
