package cn.xinsheng.ledger.application;

import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.domain.ClauseDraft;
import cn.xinsheng.ledger.domain.RuleCatalogue;
import cn.xinsheng.ledger.domain.RuleClause;
import cn.xinsheng.ledger.domain.Violation;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The prison's rule catalogue: read by everyone who records, reviews or examines entries; a new
 * version written by the administrator, whole, checked clause by clause. Old entries keep the
 * clause they were scored under.
 */
@Stateless
public class CatalogueService {

  public static final String DEFAULT_RESOURCE = "/cn/xinsheng/ledger/default-catalogue.tsv";

  @Inject LedgerRecords records;
  @Inject LedgerSettings settings;
  @Inject LedgerAudit audit;
  @Inject Caller caller;
  @Inject PrisonTime time;

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  /** The current version and its clauses, as the screens and the API show them. */
  public record Catalogue(int version, String note, List<Clause> clauses) {

    /** The clauses under one part (by name), in the catalogue's order. */
    public List<Clause> under(String part) {
      return clauses.stream().filter(c -> c.part().equals(part)).toList();
    }
  }

  /**
   * One clause as read: its part and the evidence kinds it requires by name, its amounts as
   * written.
   */
  public record Clause(
      String code,
      String text,
      String part,
      String min,
      String max,
      List<String> requiredKinds,
      int minEvidence) {

    static Clause of(RuleClause c) {
      return new Clause(
          c.getCode(),
          c.getText(),
          c.getPart().name(),
          c.getMin().toString(),
          c.getMax().toString(),
          c.getRequiredKinds().stream().map(Enum::name).toList(),
          c.getMinEvidence());
    }
  }

  @PermitAll
  public Optional<Catalogue> current() {
    try {
      RuleCatalogue c = records.currentCatalogue(settings.prisonId());
      return Optional.of(
          new Catalogue(
              c.getVersion(), c.getNote(), records.clauses(c).stream().map(Clause::of).toList()));
    } catch (Refusal r) {
      return Optional.empty();
    }
  }

  /** A new version from the clauses given: all or nothing. */
  @RolesAllowed(Role.SYS_ADMIN_NAME)
  public RuleCatalogue publish(String note, List<ClauseDraft> clauses) {
    if (note == null || note.isBlank() || note.length() > 500) {
      throw Refusal.invalid("catalogue.error.note");
    }
    if (clauses == null || clauses.isEmpty()) {
      throw Refusal.invalid("catalogue.error.empty");
    }
    Set<String> codes = new HashSet<>();
    for (ClauseDraft d : clauses) {
      List<Violation> v =
          RuleClause.check(
              d.code(), d.text(), d.part(), d.min(), d.max(), d.minEvidence(), settings.rules());
      if (!v.isEmpty()) {
        throw Refusal.invalid(v.get(0).key(), v.get(0).args().toArray());
      }
      if (!codes.add(d.code())) {
        throw Refusal.invalid("catalogue.error.duplicate", d.code());
      }
    }
    int version = current().map(Catalogue::version).orElse(0) + 1;
    Instant now = time.now();
    RuleCatalogue catalogue =
        new RuleCatalogue(settings.prisonId(), version, note.strip(), caller.name(), now);
    em.persist(catalogue);
    em.flush();
    for (ClauseDraft d : clauses) {
      em.persist(
          new RuleClause(
              catalogue.getId(),
              d.code(),
              d.text(),
              d.part(),
              d.min(),
              d.max(),
              d.requiredKinds(),
              d.minEvidence()));
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("prison", settings.prisonId());
    p.put("version", version);
    p.put("note", note.strip());
    p.put(
        "clauses",
        clauses.stream()
            .map(d -> d.code() + " " + d.part() + " " + d.min() + ".." + d.max() + " " + d.text())
            .toList());
    audit.append("ledger.catalogue.published", "catalogue/" + catalogue.getId(), p);
    return catalogue;
  }

  /** The regulation's default catalogue (44 clauses), as a new version; answers its number. */
  @RolesAllowed(Role.SYS_ADMIN_NAME)
  public int adoptDefault() {
    return publish("默认规则目录 / default catalogue", defaultClauses()).getVersion();
  }

  public static List<ClauseDraft> defaultClauses() {
    try (InputStream in = CatalogueService.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      return ClauseDraft.parseTsv(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
