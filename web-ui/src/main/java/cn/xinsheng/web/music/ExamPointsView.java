package cn.xinsheng.web.music;

import cn.xinsheng.music.application.exam.ExamCreditService;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.web.shell.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The section officer's list of exam passes to record in the ledger under JY-04 (then reviewed by a
 * second officer), as the learning achievements screen does for courses.
 */
@Named
@ViewScoped
public class ExamPointsView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient ExamCreditService credits;

  private transient List<ExamCreditService.ExamAchievement> list;
  private final Map<Long, String> amounts = new HashMap<>();

  public List<ExamCreditService.ExamAchievement> getList() {
    if (list == null) {
      list = credits.achievements();
    }
    return list;
  }

  public void confirm(ExamCreditService.ExamAchievement a) {
    try {
      long entry = credits.confirm(a.candidateId(), amounts.getOrDefault(a.candidateId(), "2"));
      Messages.info("lms.achievement.recorded", entry);
      list = null;
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public Map<Long, String> getAmounts() {
    return amounts;
  }
}
