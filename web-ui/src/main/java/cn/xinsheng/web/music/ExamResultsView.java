package cn.xinsheng.web.music;

import cn.xinsheng.music.application.exam.ExamQueries;
import cn.xinsheng.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Published exam results: the inmate his own (with his certificates), a teacher his cohorts', an
 * external reader those of inmates whose case file he may read, the board everyone's.
 */
@Named
@RequestScoped
public class ExamResultsView {

  @Inject ExamQueries queries;
  @Inject CurrentUser currentUser;

  private List<ExamQueries.CandidateView> results;

  public List<ExamQueries.CandidateView> getResults() {
    if (results == null) {
      results = currentUser.isInmate() ? queries.myResults() : queries.results();
    }
    return results;
  }

  public boolean isMayDownload() {
    return currentUser.isInmate() || currentUser.hasRole("EDU_ADMIN");
  }
}
