package cn.xinsheng.web.readiness;

import cn.xinsheng.readiness.application.ReleasePlanService;
import cn.xinsheng.web.shell.LocaleView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The inmate's own plan and countdown at the terminal. */
@Named
@RequestScoped
public class MyPlanView {

  @Inject ReleasePlanService plans;
  @Inject LocaleView locale;

  private ReleasePlanService.PlanPage page;

  public ReleasePlanService.PlanPage getPage() {
    if (page == null) {
      page = plans.mine();
    }
    return page;
  }

  public String text(String zh, String en) {
    return locale.isChinese() ? zh : en;
  }
}
