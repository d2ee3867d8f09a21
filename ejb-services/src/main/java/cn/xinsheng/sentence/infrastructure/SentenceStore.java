package cn.xinsheng.sentence.infrastructure;

import static cn.xinsheng.platform.SqlValues.bool;
import static cn.xinsheng.platform.SqlValues.integer;
import static cn.xinsheng.platform.SqlValues.num;

import cn.xinsheng.ledger.application.CaseReferences;
import cn.xinsheng.ledger.application.CommendationQueries;
import cn.xinsheng.organisation.application.SentenceRecords;
import cn.xinsheng.sentence.application.SentenceHistory;
import cn.xinsheng.sentence.domain.ChangeKind;
import cn.xinsheng.sentence.domain.Offence;
import cn.xinsheng.sentence.domain.Performance;
import cn.xinsheng.sentence.domain.PropertyPenalty;
import cn.xinsheng.sentence.domain.SentenceChange;
import cn.xinsheng.sentence.domain.SentenceFactException;
import cn.xinsheng.sentence.domain.SentenceKind;
import cn.xinsheng.sentence.domain.SentenceRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sentence record of each inmate as the engine needs it: the inmate's sentence (organisation's
 * {@code SentenceRecords}), the latest {@code sentence_record} row (this context's), every change
 * and the older facts (earlier reductions, a commuted life term, strict, unpaid property) read as
 * what they meant (the cases' {@link SentenceHistory}), and the ledger's commendations ({@code
 * CommendationQueries}, {@code CaseReferences}). Only this context's tables are named here.
 */
@ApplicationScoped
public class SentenceStore {

  /** One inmate's record, or why it cannot be built; and what his ledger says of performance. */
  public record Loaded(
      long inmateId, SentenceRecord record, SentenceFactException error, Performance derived) {}

  @Inject Clock clock;
  @Inject SentenceRecords terms;
  @Inject SentenceHistory history;
  @Inject CommendationQueries commendations;
  @Inject CaseReferences caseReferences;

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  /**
   * Every inmate of a section (or of the prison when null), in a handful of queries: the term from
   * organisation, the changes and older facts from the cases' history, the commendations from the
   * ledger, each through its port; the sentence records from this context's own table.
   */
  public Map<Long, Loaded> records(Long sectionId) {
    History h = fold(history.changes(), history.facts());
    Map<Long, List<SentenceChange>> changes = h.changes();
    Map<Long, Map<String, SentenceHistory.Fact>> facts = h.facts();
    Map<Long, Object[]> records = new HashMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> recordRows =
        em.createNativeQuery(
                "SELECT inmate_id, kind, detention_days, limited_reduction, no_reduction_or_parole,"
                    + " offences, recidivist, property_penalty, juvenile, elderly_ill_disabled,"
                    + " minor_while_serving, combined_sentence, violent_term_months, two_crimes_of_ten_years"
                    + " FROM sentence_record ORDER BY id")
            .getResultList();
    for (Object[] r : recordRows) {
      records.put(num(r[0]), r);
    }
    Set<Long> commended = commendations.praisedInmates();
    Map<Long, Loaded> out = new HashMap<>();
    for (SentenceRecords.Term t : terms.terms(sectionId)) {
      long id = t.inmateId();
      Map<String, SentenceHistory.Fact> f = facts.getOrDefault(id, Map.of());
      Performance derived = derive(active(f, "MAJOR_MERIT"), commended.contains(id));
      try {
        out.put(
            id,
            new Loaded(
                id,
                build(
                    t.start(),
                    t.months(),
                    t.life(),
                    records.get(id),
                    f,
                    changes.getOrDefault(id, List.of())),
                null,
                derived));
      } catch (SentenceFactException e) {
        out.put(id, new Loaded(id, null, e, derived));
      }
    }
    return out;
  }

  /** Each inmate's changes, and the older facts in force by kind. */
  record History(
      Map<Long, List<SentenceChange>> changes,
      Map<Long, Map<String, SentenceHistory.Fact>> facts) {}

  /**
   * The history as the engine counts from it: every change in the order recorded, then each active
   * earlier reduction as a reduction; of the other older facts the latest of each kind is in force.
   */
  static History fold(List<SentenceHistory.Change> recorded, List<SentenceHistory.Fact> older) {
    Map<Long, List<SentenceChange>> changes = new HashMap<>();
    for (SentenceHistory.Change c : recorded) {
      changes.computeIfAbsent(c.inmateId(), k -> new ArrayList<>()).add(c.change());
    }
    Map<Long, Map<String, SentenceHistory.Fact>> facts = new HashMap<>();
    for (SentenceHistory.Fact f : older) {
      if ("PRIOR_REDUCTION".equals(f.kind())) {
        if (f.active()) {
          changes
              .computeIfAbsent(f.inmateId(), k -> new ArrayList<>())
              // without its months the record is incomplete: the engine refuses it, naming the
              // field
              .add(new SentenceChange(ChangeKind.REDUCTION, f.effectiveOn(), f.months(), null));
        }
      } else {
        facts.computeIfAbsent(f.inmateId(), k -> new HashMap<>()).put(f.kind(), f);
      }
    }
    return new History(changes, facts);
  }

  public Optional<Loaded> record(long inmateId, long sectionId) {
    return Optional.ofNullable(records(sectionId).get(inmateId));
  }

  /**
   * The performance the ledger shows: major merit where it is recorded (重大立功), with repentance when
   * a commendation (表扬) stands beside it; otherwise repentance (确有悔改表现), which the commendations a
   * proposal cites are the basis of.
   */
  static Performance derive(boolean majorMerit, boolean commended) {
    if (majorMerit) {
      return commended ? Performance.REPENTANCE_AND_MAJOR_MERIT : Performance.MAJOR_MERIT;
    }
    return Performance.REPENTANCE;
  }

  static SentenceRecord build(
      LocalDate start,
      Integer months,
      boolean life,
      Object[] rec,
      Map<String, SentenceHistory.Fact> facts,
      List<SentenceChange> changes) {
    List<SentenceChange> all = new ArrayList<>(changes);
    SentenceHistory.Fact commuted = facts.get("LIFE_COMMUTED");
    if (life && commuted != null && commuted.active() && commuted.months() != null) {
      all.add(SentenceChange.toFixed(commuted.effectiveOn(), commuted.months()));
    }
    Set<Offence> offences = EnumSet.noneOf(Offence.class);
    SentenceKind kind = life ? SentenceKind.LIFE : SentenceKind.FIXED;
    int detention = 0;
    boolean limited = false;
    boolean noReduction = false;
    boolean recidivist = false;
    boolean juvenile = false;
    boolean elderly = false;
    boolean minorWhileServing = false;
    boolean combined = false;
    Integer violentTerm = null;
    boolean twoCrimes = false;
    PropertyPenalty property =
        active(facts, "PROPERTY_UNPAID") ? PropertyPenalty.UNPAID_ABLE : PropertyPenalty.NONE;
    if (rec != null) {
      kind = SentenceKind.valueOf((String) rec[1]);
      detention = integer(rec[2]);
      limited = bool(rec[3]);
      noReduction = bool(rec[4]);
      for (String code : ((String) rec[5]).split(" ")) {
        if (!code.isBlank()) {
          offences.add(Offence.valueOf(code.strip()));
        }
      }
      recidivist = bool(rec[6]);
      property = PropertyPenalty.valueOf((String) rec[7]);
      juvenile = bool(rec[8]);
      elderly = bool(rec[9]);
      minorWhileServing = bool(rec[10]);
      combined = bool(rec[11]);
      violentTerm = rec[12] == null ? null : integer(rec[12]);
      twoCrimes = bool(rec[13]);
    }
    if (active(facts, "STRICT")
        && offences.stream().noneMatch(o -> o.category() == Offence.Category.STRICT)) {
      offences.add(Offence.STRICT_OTHER);
    }
    if (offences.isEmpty()) {
      offences.add(Offence.OTHER);
    }
    return new SentenceRecord(
        kind,
        kind == SentenceKind.FIXED ? months : null,
        start,
        detention,
        limited,
        noReduction,
        offences,
        recidivist,
        property,
        juvenile,
        elderly,
        minorWhileServing,
        combined,
        violentTerm,
        twoCrimes,
        all);
  }

  private static boolean active(Map<String, SentenceHistory.Fact> facts, String kind) {
    SentenceHistory.Fact f = facts.get(kind);
    return f != null && f.active();
  }

  /** A sentence record as the judgment gives it (the latest row is in force). */
  public void recordSentence(long inmateId, SentenceRecord r, String note, String by) {
    em.createNativeQuery(
            "INSERT INTO sentence_record (inmate_id, kind, detention_days, limited_reduction,"
                + " no_reduction_or_parole, offences, recidivist, property_penalty, juvenile,"
                + " elderly_ill_disabled, minor_while_serving, combined_sentence,"
                + " violent_term_months, two_crimes_of_ten_years, note, recorded_by, recorded_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
                + " ?17)")
        .setParameter(1, inmateId)
        .setParameter(2, r.kind().name())
        .setParameter(3, r.detentionDays())
        .setParameter(4, r.limitedReduction())
        .setParameter(5, r.noReductionOrParole())
        .setParameter(6, String.join(" ", r.offences().stream().sorted().map(Enum::name).toList()))
        .setParameter(7, r.recidivist())
        .setParameter(8, r.propertyPenalty().name())
        .setParameter(9, r.juvenile())
        .setParameter(10, r.elderlyIllOrDisabled())
        .setParameter(11, r.minorWhileServing())
        .setParameter(12, r.combinedSentence())
        .setParameter(13, r.violentTermMonths())
        .setParameter(14, r.twoCrimesOfTenYears())
        .setParameter(15, note)
        .setParameter(16, by)
        .setParameter(17, Timestamp.from(clock.instant()))
        .executeUpdate();
  }

  /**
   * A change entered from the court's papers, without a case of this system (issue 16): a
   * reduction, a commutation or a new judgment, with the end before and after.
   */
  public long recordChange(
      long inmateId, SentenceChange c, LocalDate previousEnd, LocalDate newEnd, String by) {
    return recordChange(inmateId, null, c, previousEnd, newEnd, by);
  }

  /**
   * The day a case's granted ruling was served (送达), for each reduction or commutation to a fixed
   * term the ruling wrote and that has no service day yet: the interval to the next reduction runs
   * from it (法释〔2016〕23号第四十条第二款). Returns how many changes it dated.
   */
  public int recordService(long caseId, LocalDate servedOn, String by) {
    return history.recordService(caseId, servedOn, by, clock.instant());
  }

  /**
   * The day a ruling entered by hand (without a case of this system) was served, beside its change
   * row: append-only, as a case's service step writes it.
   */
  public void recordChangeService(long changeId, LocalDate servedOn, String by) {
    history.recordChangeService(changeId, servedOn, by, clock.instant());
  }

  /** A change, written by a case's granted ruling when {@code caseId} is given. */
  public long recordChange(
      long inmateId,
      Long caseId,
      SentenceChange c,
      LocalDate previousEnd,
      LocalDate newEnd,
      String by) {
    // the row's id, so the audit entry binds it (issue 15), as a ruling's change is bound
    return history.recordChange(inmateId, caseId, c, previousEnd, newEnd, by, clock.instant());
  }

  /**
   * A life (or 死缓) term commuted to a fixed term by a granted ruling: the change row (刑法第八十条:
   * counted from the ruling). The inmate's current end is moved by the caller, through
   * organisation's {@code SentenceRecords}.
   */
  public long recordCommutation(
      long inmateId, long caseId, LocalDate ruledOn, int toMonths, String by) {
    LocalDate newEnd = ruledOn.plusMonths(toMonths);
    // the inmate's end is organisation's: the caller moves it through SentenceRecords
    return history.recordChange(
        inmateId,
        caseId,
        SentenceChange.toFixed(ruledOn, toMonths),
        null,
        newEnd,
        by,
        clock.instant());
  }

  /** The proposal's kind of performance, the ledger's, and why they differ. */
  public void recordPerformance(
      long caseId, Performance performance, Performance derived, String reason, String by) {
    em.createNativeQuery(
            "INSERT INTO case_performance (case_id, performance, derived, reason, recorded_by,"
                + " recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .setParameter(1, caseId)
        .setParameter(2, performance.name())
        .setParameter(3, derived.name())
        .setParameter(4, reason)
        .setParameter(5, by)
        .setParameter(6, Timestamp.from(clock.instant()))
        .executeUpdate();
  }

  /** A proposal's departure from the general rule, with the article of its exception. */
  public void recordNonStandard(long caseId, String ground, String article, String by) {
    em.createNativeQuery(
            "INSERT INTO case_non_standard (case_id, ground, article, recorded_by, recorded_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, caseId)
        .setParameter(2, ground)
        .setParameter(3, article)
        .setParameter(4, by)
        .setParameter(5, Timestamp.from(clock.instant()))
        .executeUpdate();
  }

  /** The limit a proposal kept and the article of the rule that computed it (issue 16). */
  public void recordLimitBasis(long caseId, Integer limitMonths, String article, String by) {
    em.createNativeQuery(
            "INSERT INTO case_limit_basis (case_id, limit_months, article, recorded_by,"
                + " recorded_at) VALUES (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, caseId)
        .setParameter(2, limitMonths)
        .setParameter(3, article)
        .setParameter(4, by)
        .setParameter(5, Timestamp.from(clock.instant()))
        .executeUpdate();
  }

  /** The article a case's kept limit rests on. */
  public Optional<String> limitArticleOf(long caseId) {
    @SuppressWarnings("unchecked")
    List<Object> rows =
        em.createNativeQuery("SELECT article FROM case_limit_basis WHERE case_id = ?1")
            .setParameter(1, caseId)
            .getResultList();
    return rows.stream().findFirst().map(o -> (String) o);
  }

  /** {ground, article} of a case that departs from the general rule. */
  public Optional<String[]> nonStandardOf(long caseId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery("SELECT ground, article FROM case_non_standard WHERE case_id = ?1")
            .setParameter(1, caseId)
            .getResultList();
    return rows.stream().findFirst().map(r -> new String[] {(String) r[0], (String) r[1]});
  }

  public Optional<Performance> performanceOf(long caseId) {
    @SuppressWarnings("unchecked")
    List<Object> rows =
        em.createNativeQuery("SELECT performance FROM case_performance WHERE case_id = ?1")
            .setParameter(1, caseId)
            .getResultList();
    return rows.stream().findFirst().map(o -> Performance.valueOf((String) o));
  }

  /**
   * The assessment cycles (commendations) of an inmate that a case with a granted ruling cited: a
   * commendation is not cited again by the next case (DOMAIN §3, a province's setting).
   */
  public Set<Long> usedCommendations(long inmateId) {
    return new java.util.HashSet<>(caseReferences.usedByGrantedCases(inmateId).keySet());
  }
}
