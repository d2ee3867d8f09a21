package cn.xinsheng.web.cases;

import cn.xinsheng.cases.application.CaseFile;
import cn.xinsheng.cases.application.CaseFiles;
import cn.xinsheng.cases.application.CaseSummary;
import cn.xinsheng.cases.application.Noticeboard;
import cn.xinsheng.cases.application.PostingService;
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

  @Inject transient CaseFiles caseFiles;

  @Inject transient Noticeboard noticeboard;
  @Inject transient PostingService posting;

  private transient List<CaseFile> mine;
  private transient List<CaseSummary> posted;
  private String text;

  public List<CaseFile> getCases() {
    if (mine == null) {
      mine = caseFiles.mine();
    }
    return mine;
  }

  public List<CaseSummary> getPosted() {
    if (posted == null) {
      posted = noticeboard.publicList(false);
    }
    return posted;
  }

  public boolean posting(CaseFile f) {
    return f.summary().postingEnds() != null
        && "DIRECTOR_MEETING".equals(f.summary().nextStep())
        && !f.today().isAfter(f.summary().postingEnds());
  }

  /**
   * The court's ruling on the case, the last signed (a ruling returned for re-signing counts once).
   */
  public CaseFile.TimelineItem ruling(CaseFile f) {
    CaseFile.TimelineItem ruling = null;
    for (CaseFile.TimelineItem t : f.timeline()) {
      if ("STEP".equals(t.type()) && "RULING".equals(t.step()) && t.choice() != null) {
        ruling = t;
      }
    }
    return ruling;
  }

  public String rulingMonths(CaseFile f) {
    CaseFile.TimelineItem r = ruling(f);
    return r == null || r.months() == null
        ? ""
        : Messages.text("case.mine.ruling.months", r.months());
  }

  public String reason(CaseFile f) {
    return f.eligibility() == null
        ? ""
        : Messages.text(f.eligibility().reasonKey(), f.eligibility().reasonArgs().toArray());
  }

  public void object(long caseId) {
    try {
      posting.objectDuringPosting(caseId, text);
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
