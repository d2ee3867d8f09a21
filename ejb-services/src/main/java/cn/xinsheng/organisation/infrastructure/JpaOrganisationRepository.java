package cn.xinsheng.organisation.infrastructure;

import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.organisation.domain.InmateRepository;
import cn.xinsheng.organisation.domain.PrisonerNumber;
import cn.xinsheng.organisation.domain.Section;
import cn.xinsheng.organisation.domain.SectionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

@ApplicationScoped
public class JpaOrganisationRepository implements SectionRepository, InmateRepository {

  @PersistenceContext(unitName = "xinsheng")
  private EntityManager em;

  @Override
  public List<Section> findAll() {
    return em.createNamedQuery("Section.findAll", Section.class).getResultList();
  }

  @Override
  public Optional<Section> find(long id) {
    return Optional.ofNullable(em.find(Section.class, id));
  }

  @Override
  public List<Inmate> findBySections(Collection<Long> sectionIds) {
    if (sectionIds.isEmpty()) {
      return List.of();
    }
    return em.createNamedQuery("Inmate.findBySections", Inmate.class)
        .setParameter("sectionIds", sectionIds)
        .getResultList();
  }

  @Override
  public List<Inmate> findByNumberOrNameContaining(String text, int max) {
    String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    return em.createQuery(
            "SELECT i FROM Inmate i WHERE i.prisonerNumber LIKE :q OR i.name LIKE :q"
                + " ORDER BY i.prisonerNumber",
            Inmate.class)
        .setParameter("q", like)
        .setMaxResults(max)
        .getResultList();
  }

  @Override
  public List<Inmate> findByIds(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery("SELECT i FROM Inmate i WHERE i.id IN :ids", Inmate.class)
        .setParameter("ids", ids)
        .getResultList();
  }

  @Override
  public Optional<Inmate> findByPrisonerNumber(PrisonerNumber number) {
    return em.createNamedQuery("Inmate.findByPrisonerNumber", Inmate.class)
        .setParameter("number", number.value())
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Inmate> findByAccount(long accountId) {
    return em.createNamedQuery("Inmate.findByAccount", Inmate.class)
        .setParameter("accountId", accountId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Map<Long, Long> countBySection() {
    return em.createNamedQuery("Inmate.countBySection", Object[].class).getResultList().stream()
        .collect(Collectors.toMap(r -> (Long) r[0], r -> (Long) r[1]));
  }
}
