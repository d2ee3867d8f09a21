package cn.xinsheng.web.lms;

import cn.xinsheng.lms.application.EducationCreditService;
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
 * The section officer's list of learning achievements to turn into ledger entries (then reviewed).
 */
@Named
@ViewScoped
public class AchievementsView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient EducationCreditService credits;

  private transient List<EducationCreditService.Achievement> list;
  private final Map<String, String> amounts = new HashMap<>();

  public List<EducationCreditService.Achievement> getList() {
    if (list == null) {
      list = credits.achievements();
    }
    return list;
  }

  public static String key(EducationCreditService.Achievement a) {
    return a.prisonerNumber() + "/" + a.courseId() + "/" + a.quizId();
  }

  public String keyOf(EducationCreditService.Achievement a) {
    return key(a);
  }

  public void confirm(EducationCreditService.Achievement a) {
    try {
      long entry =
          credits.confirm(
              a.prisonerNumber(), a.courseId(), a.quizId(), amounts.getOrDefault(key(a), "1"));
      Messages.info("lms.achievement.recorded", entry);
      list = null;
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public Map<String, String> getAmounts() {
    return amounts;
  }
}
