package cn.xinsheng.organisation.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface InmateRepository {
  List<Inmate> findBySections(Collection<Long> sectionIds);

  Optional<Inmate> findByPrisonerNumber(PrisonerNumber number);

  Optional<Inmate> findByAccount(long accountId);

  /** The inmates with these ids (unknown ids are left out). */
  List<Inmate> findByIds(Collection<Long> ids);

  /** Inmates whose prisoner number or name contains the text, by number, at most {@code max}. */
  List<Inmate> findByNumberOrNameContaining(String text, int max);

  /** Number of inmates per section id. */
  Map<Long, Long> countBySection();
}
