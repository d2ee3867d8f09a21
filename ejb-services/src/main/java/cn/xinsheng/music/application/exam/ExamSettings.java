package cn.xinsheng.music.application.exam;

import cn.xinsheng.music.domain.exam.ExamRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The exam board's settings (issue 19: "a threshold (a setting)", "rules in settings"). Defaults
 * follow common CNOS practice: five items of 20, 90/80/60 for 优秀/良好/合格.
 */
@ApplicationScoped
public class ExamSettings {

  @Inject
  @ConfigProperty(name = "xinsheng.music.exam.item-max", defaultValue = "20")
  int itemMax;

  @Inject
  @ConfigProperty(name = "xinsheng.music.exam.third-examiner-difference", defaultValue = "4")
  int thirdDifference;

  @Inject
  @ConfigProperty(name = "xinsheng.music.exam.excellent-from", defaultValue = "90")
  int excellent;

  @Inject
  @ConfigProperty(name = "xinsheng.music.exam.good-from", defaultValue = "80")
  int good;

  @Inject
  @ConfigProperty(name = "xinsheng.music.exam.pass-from", defaultValue = "60")
  int pass;

  public ExamRules rules() {
    return new ExamRules(itemMax, thirdDifference, excellent, good, pass);
  }
}
