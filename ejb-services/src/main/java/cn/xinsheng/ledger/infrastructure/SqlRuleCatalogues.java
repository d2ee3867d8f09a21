package cn.xinsheng.ledger.infrastructure;

import cn.xinsheng.ledger.domain.RuleCatalogue;
import cn.xinsheng.ledger.domain.RuleCatalogues;
import cn.xinsheng.ledger.domain.RuleClause;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The rule catalogues through JPA, by the entities' named queries. */
@ApplicationScoped
public class SqlRuleCatalogues implements RuleCatalogues {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @Override
  public Optional<RuleCatalogue> current(long prisonId) {
    return em.createNamedQuery("RuleCatalogue.latest", RuleCatalogue.class)
        .setParameter("prison", prisonId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<RuleClause> clauses(long catalogueId) {
    return em.createNamedQuery("RuleClause.ofCatalogue", RuleClause.class)
        .setParameter("catalogue", catalogueId)
        .getResultList();
  }

  @Override
  public Optional<RuleClause> clause(long catalogueId, String code) {
    return em.createNamedQuery("RuleClause.byCode", RuleClause.class)
        .setParameter("catalogue", catalogueId)
        .setParameter("code", code)
        .getResultStream()
        .findFirst();
  }

  @Override
  public RuleClause clause(long clauseId) {
    return em.find(RuleClause.class, clauseId);
  }
}
