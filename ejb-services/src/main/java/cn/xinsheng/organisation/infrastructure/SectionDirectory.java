package cn.xinsheng.organisation.infrastructure;

import cn.xinsheng.identity.application.KnownSections;
import cn.xinsheng.organisation.domain.SectionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Organisation's side of identity's {@link KnownSections} port. */
@ApplicationScoped
public class SectionDirectory implements KnownSections {

  @Inject SectionRepository sections;

  @Override
  public boolean exists(long sectionId) {
    return sections.find(sectionId).isPresent();
  }
}
