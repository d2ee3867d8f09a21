package cn.xinsheng.web.lms;

import cn.xinsheng.lms.application.EduAdminQueue;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The education administrator's work queue on his home page (issue 18, item 3). */
@Named
@RequestScoped
public class EduAdminQueueView {

  @Inject EduAdminQueue queue;

  private EduAdminQueue.Counts counts;

  public EduAdminQueue.Counts getCounts() {
    if (counts == null) {
      counts = queue.counts();
    }
    return counts;
  }
}
