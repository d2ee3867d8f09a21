package cn.xinsheng.web.organisation;

import cn.xinsheng.organisation.application.OrganisationQueries;
import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.organisation.domain.Section;
import cn.xinsheng.web.shell.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The inmates of the officer's (or reviewer's) own sections. */
@Named
@ViewScoped
public class SectionInmatesView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient OrganisationQueries organisation;

  private List<Inmate> inmates;
  private List<Inmate> filtered;
  private List<Section> sections;
  private Map<Long, Long> counts;

  public List<Inmate> getInmates() {
    if (inmates == null) {
      inmates = organisation.inmatesOfMySections();
    }
    return inmates;
  }

  public List<Section> getSections() {
    if (sections == null) {
      sections = organisation.mySections();
    }
    return sections;
  }

  public long countIn(long sectionId) {
    if (counts == null) {
      counts =
          getInmates().stream()
              .collect(Collectors.groupingBy(i -> i.getSection().getId(), Collectors.counting()));
    }
    return counts.getOrDefault(sectionId, 0L);
  }

  /** "5年6个月" / "5 years 6 months". */
  public String term(Integer months) {
    if (months == null) {
      return "";
    }
    return MessageFormat.format(Messages.text("inmate.term"), months / 12, months % 12);
  }

  public List<Inmate> getFiltered() {
    return filtered;
  }

  public void setFiltered(List<Inmate> filtered) {
    this.filtered = filtered;
  }
}
