package cn.xinsheng.web.organisation;

import cn.xinsheng.organisation.application.OrganisationQueries;
import cn.xinsheng.organisation.application.SectionOverview;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Wards and sections with head counts, for leadership and administrators. */
@Named
@RequestScoped
public class SectionOverviewView {

  @Inject OrganisationQueries organisation;

  private List<SectionOverview> sections;

  public List<SectionOverview> getSections() {
    if (sections == null) {
      sections = organisation.sectionOverview();
    }
    return sections;
  }

  public long getTotal() {
    return getSections().stream().mapToLong(SectionOverview::inmateCount).sum();
  }
}
