package cn.xinsheng.sentence.infrastructure;

import static cn.xinsheng.platform.SqlValues.bool;
import static cn.xinsheng.platform.SqlValues.date;
import static cn.xinsheng.platform.SqlValues.integer;
import static cn.xinsheng.platform.SqlValues.num;

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
 * The sentence record of each inmate as the engine needs it: the inmate's sentence, the latest
 * {@code sentence_record} row, every {@code sentence_change}, and the older {@code sentence_fact}
 * rows (earlier reductions, a commuted life term, strict, unpaid property) read as what they meant.
 */
@ApplicationScoped
public class SentenceStore {

  /** One inmate's record, or why it cannot be built; and what his ledger says of performance. */
  public record Loaded(
      long inmateId, SentenceRecord record, SentenceFactException error, Performance derived) {}

  @Inject Clock clock;

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  /** Every inmate of a section (or of the prison when null), in a handful of queries. */
  public Map<Long, Loaded> records(Long sectionId) {
    Map<Long, List<SentenceChange>> changes = new HashMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT c.inmate_id, c.kind, c.ruled_on, c.months, c.to_months, s.served_on"
                    + " FROM sentence_change c"
                    + " LEFT JOIN sentence_change_service s ON s.sentence_change_id = c.id"
                    + " WHERE c.kind <> 'PAROLE' ORDER BY c.id")
            .getResultList();
    for (Object[] r : rows) {
      ChangeKind kind = ChangeKind.valueOf((String) r[1]);
      // 法释〔2016〕23号第四十条第二款: the interval runs from the service, once it is recorded
      changes
          .computeIfAbsent(num(r[0]), k -> new ArrayList<>())
          .add(
              new SentenceChange(
                  kind,
                  date(r[2]),
                  integer(r[3]),
                  integer(r[4]),
                  r[5] == null ? null : date(r[5])));
    }
    // the older facts: the latest row of each kind is in force, earlier reductions all count
    Map<Long, Map<String, Object[]>> facts = new HashMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> factRows =
        em.createNativeQuery(
                "SELECT inmate_id, kind, active, effective_on, months FROM sentence_fact ORDER BY id")
            .getResultList();
    for (Object[] r : factRows) {
      long id = num(r[0]);
      String kind = (String) r[1];
      if ("PRIOR_REDUCTION".equals(kind)) {
        if (bool(r[2])) {
          changes
              .computeIfAbsent(id, k -> new ArrayList<>())
              // without its months the record is incomplete: the engine refuses it, naming the
              // field
              .add(new SentenceChange(ChangeKind.REDUCTION, date(r[3]), integer(r[4]), null));
        }
      } else {
        facts.computeIfAbsent(id, k -> new HashMap<>()).put(kind, r);
      }
    }
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
    Set<Long> commended = new java.util.HashSet<>();
    @SuppressWarnings("unchecked")
    List<Object> praised =
        em.createNativeQuery(
                "SELECT DISTINCT c.inmate_id FROM assessment_cycle c"
                    + " JOIN cycle_decision d ON d.cycle_id = c.id WHERE d.result = 'PRAISE'")
            .getResultList();
    praised.forEach(o -> commended.add(num(o)));
    String where = sectionId == null ? "" : " WHERE section_id = ?1";
    var q =
        em.createNativeQuery(
            "SELECT id, sentence_start, sentence_months, life_sentence FROM inmate" + where);
    if (sectionId != null) {
      q.setParameter(1, sectionId);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> inmates = q.getResultList();
    Map<Long, Loaded> out = new HashMap<>();
    for (Object[] r : inmates) {
      long id = num(r[0]);
      Map<String, Object[]> f = facts.getOrDefault(id, Map.of());
      Performance derived = derive(active(f, "MAJOR_MERIT"), commended.contains(id));
      try {
        out.put(
            id,
            new Loaded(
                id,
                build(
                    date(r[1]),
                    integer(r[2]),
                    bool(r[3]),
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

  private static SentenceRecord build(
      LocalDate start,
      Integer months,
      boolean life,
      Object[] rec,
      Map<String, Object[]> facts,
      List<SentenceChange> changes) {
    List<SentenceChange> all = new ArrayList<>(changes);
    Object[] commuted = facts.get("LIFE_COMMUTED");
    if (life && commuted != null && bool(commuted[2]) && commuted[4] != null) {
      all.add(SentenceChange.toFixed(date(commuted[3]), integer(commuted[4])));
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

  private static boolean active(Map<String, Object[]> facts, String kind) {
    Object[] r = facts.get(kind);
    return r != null && bool(r[2]);
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
    return em.createNativeQuery(
            "INSERT INTO sentence_change_service (sentence_change_id, served_on, recorded_by,"
                + " recorded_at) SELECT c.id, ?2, ?3, ?4 FROM sentence_change c"
                + " WHERE c.case_id = ?1 AND c.kind IN ('REDUCTION', 'COMMUTATION_TO_FIXED')"
                + " AND c.ruled_on <= ?2 AND NOT EXISTS (SELECT 1 FROM sentence_change_service s"
                + " WHERE s.sentence_change_id = c.id)")
        .setParameter(1, caseId)
        .setParameter(2, java.sql.Date.valueOf(servedOn))
        .setParameter(3, by)
        .setParameter(4, Timestamp.from(clock.instant()))
        .executeUpdate();
  }

  /** A change, written by a case's granted ruling when {@code caseId} is given. */
  public long recordChange(
      long inmateId,
      Long caseId,
      SentenceChange c,
      LocalDate previousEnd,
      LocalDate newEnd,
      String by) {
    em.createNativeQuery(
            "INSERT INTO sentence_change (inmate_id, case_id, kind, ruled_on, months, to_months,"
                + " previous_end, new_end, recorded_by, recorded_at)"
                + " VALUES (?1, ?10, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .setParameter(10, caseId)
        .setParameter(1, inmateId)
        .setParameter(2, c.kind().name())
        .setParameter(3, java.sql.Date.valueOf(c.on()))
        .setParameter(4, c.months())
        .setParameter(5, c.toMonths())
        .setParameter(6, previousEnd == null ? null : java.sql.Date.valueOf(previousEnd))
        .setParameter(7, newEnd == null ? null : java.sql.Date.valueOf(newEnd))
        .setParameter(8, by)
        .setParameter(9, Timestamp.from(clock.instant()))
        .executeUpdate();
    // the row's id, so the audit entry binds it (issue 15), as a ruling's change is bound
    return ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
  }

  /**
   * A life (or 死缓) term commuted to a fixed term by a granted ruling: the change row (刑法第八十条:
   * counted from the ruling). The inmate's current end is moved by the caller, through
   * organisation's {@code SentenceRecords}.
   */
  public long recordCommutation(
      long inmateId, long caseId, LocalDate ruledOn, int toMonths, String by) {
    LocalDate newEnd = ruledOn.plusMonths(toMonths);
    em.createNativeQuery(
            "INSERT INTO sentence_change (inmate_id, case_id, kind, ruled_on, months, to_months,"
                + " previous_end, new_end, recorded_by, recorded_at)"
                + " VALUES (?1, ?2, 'COMMUTATION_TO_FIXED', ?3, NULL, ?4, NULL, ?5, ?6, ?7)")
        .setParameter(1, inmateId)
        .setParameter(2, caseId)
        .setParameter(3, java.sql.Date.valueOf(ruledOn))
        .setParameter(4, toMonths)
        .setParameter(5, java.sql.Date.valueOf(newEnd))
        .setParameter(6, by)
        .setParameter(7, Timestamp.from(clock.instant()))
        .executeUpdate();
    // the inmate's end is organisation's: the caller moves it through SentenceRecords
    return ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
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
    @SuppressWarnings("unchecked")
    List<Object> rows =
        em.createNativeQuery(
                "SELECT DISTINCT x.cycle_id FROM case_cycle x"
                    + " JOIN reduction_case k ON k.id = x.case_id"
                    + " JOIN case_event e ON e.case_id = k.id"
                    + " WHERE k.inmate_id = ?1 AND e.step = 'RULING' AND e.choice = 'GRANTED'")
            .setParameter(1, inmateId)
            .getResultList();
    Set<Long> out = new java.util.HashSet<>();
    rows.forEach(o -> out.add(num(o)));
    return out;
  }
}
