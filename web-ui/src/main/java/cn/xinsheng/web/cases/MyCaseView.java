package cn.xinsheng.web.cases;

import cn.xinsheng.cases.application.CaseQueries;
import cn.xinsheng.cases.application.CaseService;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.web.shell.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The inmate's own cases at the terminal: where each stands, what it rests on, how to object; and
 * the section's noticeboard of cases being posted, where he may object.
 */
@Named
@ViewScoped
public class MyCaseView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient CaseQueries queries;
  @Inject transient CaseService cases;

  private transient List<CaseQueries.CaseFile> mine;
  private transient List<CaseQueries.CaseSummary> posted;
  private String text;

  public List<CaseQueries.CaseFile> getCases() {
    if (mine == null) {
      mine = queries.mine();
    }
    return mine;
  }

  public List<CaseQueries.CaseSummary> getPosted() {
    if (posted == null) {
      posted = queries.publicList(false);
    }
    return posted;
  }

  public boolean posting(CaseQueries.CaseFile f) {
    return f.summary().postingEnds() != null
        && "DIRECTOR_MEETING".equals(f.summary().nextStep())
        && !f.today().isAfter(f.summary().postingEnds());
  }

  public String reason(CaseQueries.CaseFile f) {
    return f.eligibility() == null
        ? ""
        : Messages.text(f.eligibility().reasonKey(), f.eligibility().reasonArgs().toArray());
  }

  public void object(long caseId) {
    try {
      cases.objectDuringPosting(caseId, text);
      Messages.info("case.saved");
      text = null;
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }
}
