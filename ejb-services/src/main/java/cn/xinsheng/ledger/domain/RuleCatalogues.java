package cn.xinsheng.ledger.domain;

import java.util.List;
import java.util.Optional;

/**
 * The prisons' rule catalogues and their clauses (ADR 0013: the storage lives in infrastructure).
 * Runs in the caller's transaction; the calling service checks who may ask.
 */
public interface RuleCatalogues {

  /** The prison's catalogue in force (the latest). */
  Optional<RuleCatalogue> current(long prisonId);

  List<RuleClause> clauses(long catalogueId);

  Optional<RuleClause> clause(long catalogueId, String code);

  /** A clause by id, of whichever catalogue; null when there is none. */
  RuleClause clause(long clauseId);
}
