package cn.xinsheng.ledger.domain;

import cn.xinsheng.evidence.domain.EvidenceKind;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One clause of the catalogue: the rule an entry applies, with the amounts it allows and the
 * evidence it needs. Every entry names its clause; courts examine it (法发〔2021〕31号).
 */
@Entity
@Cacheable
@Table(name = "rule_clause")
@NamedQuery(
    name = "RuleClause.ofCatalogue",
    query = "SELECT c FROM RuleClause c WHERE c.catalogueId = :catalogue ORDER BY c.part, c.code")
@NamedQuery(
    name = "RuleClause.byCode",
    query = "SELECT c FROM RuleClause c WHERE c.catalogueId = :catalogue AND c.code = :code")
public class RuleClause {

  private static final Pattern CODE = Pattern.compile("[A-Z]{2,4}-\\d{2,3}");

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "catalogue_id", nullable = false)
  private long catalogueId;

  @Column(nullable = false, length = 20)
  private String code;

  @Column(nullable = false, length = 500)
  private String text;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private AssessmentPart part;

  @Column(name = "min_tenths", nullable = false)
  private int minTenths;

  @Column(name = "max_tenths", nullable = false)
  private int maxTenths;

  @Column(name = "required_kinds", nullable = false, length = 100)
  private String requiredKinds;

  @Column(name = "min_evidence", nullable = false)
  private int minEvidence;

  protected RuleClause() {}

  public RuleClause(
      long catalogueId,
      String code,
      String text,
      AssessmentPart part,
      Points min,
      Points max,
      Set<EvidenceKind> requiredKinds,
      int minEvidence) {
    this.catalogueId = catalogueId;
    this.code = code;
    this.text = text;
    this.part = part;
    this.minTenths = Math.toIntExact(min.tenths());
    this.maxTenths = Math.toIntExact(max.tenths());
    this.requiredKinds =
        requiredKinds.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    this.minEvidence = minEvidence;
  }

  /**
   * What is wrong with a clause as a catalogue would hold it: code form, text, the range (not
   * spanning zero; a sanction fixed and negative; a special bonus positive and within the per-event
   * cap), at least one piece of evidence.
   */
  public static List<Violation> check(
      String code,
      String text,
      AssessmentPart part,
      Points min,
      Points max,
      int minEvidence,
      AssessmentRules rules) {
    List<Violation> v = new ArrayList<>();
    if (code == null || !CODE.matcher(code).matches()) {
      v.add(Violation.of("catalogue.error.code", String.valueOf(code)));
    }
    if (text == null || text.isBlank() || text.length() > 500) {
      v.add(Violation.of("catalogue.error.text", String.valueOf(code)));
    }
    if (min.compareTo(max) > 0
        || (min.isNegative() != max.isNegative())
        || min.isZero()
        || max.isZero()) {
      v.add(Violation.of("catalogue.error.range", code, min, max));
    } else if (part == AssessmentPart.SANCTION && (!min.equals(max) || !min.isNegative())) {
      v.add(Violation.of("catalogue.error.sanction", code));
    } else if (part == AssessmentPart.SPECIAL
        && (min.isNegative() || max.compareTo(rules.specialPerEvent()) > 0)) {
      v.add(Violation.of("catalogue.error.special", code, rules.specialPerEvent()));
    }
    if (minEvidence < 1) {
      v.add(Violation.of("catalogue.error.evidence", code));
    }
    return v;
  }

  /**
   * What is wrong with an entry under this clause: the amount outside the range, too little
   * evidence, or a required kind of evidence missing.
   */
  public List<Violation> violations(Points amount, Collection<EvidenceKind> evidence) {
    List<Violation> v = new ArrayList<>();
    if (amount.compareTo(getMin()) < 0 || amount.compareTo(getMax()) > 0) {
      v.add(Violation.of("ledger.error.amountOutOfRange", amount, code, getMin(), getMax()));
    }
    if (evidence.size() < Math.max(1, minEvidence)) {
      v.add(Violation.of("ledger.error.evidenceMissing", code, Math.max(1, minEvidence)));
    }
    Set<EvidenceKind> missing = EnumSet.noneOf(EvidenceKind.class);
    missing.addAll(getRequiredKinds());
    missing.removeAll(evidence);
    // one violation per missing kind, named by its message key (evidence.kind.PHOTO) so the screen
    // and the API say 照片 / photo rather than the constant
    for (EvidenceKind kind : missing) {
      v.add(Violation.of("ledger.error.evidenceKind", code, "evidence.kind." + kind.name()));
    }
    return v;
  }

  public Long getId() {
    return id;
  }

  public long getCatalogueId() {
    return catalogueId;
  }

  public String getCode() {
    return code;
  }

  public String getText() {
    return text;
  }

  public AssessmentPart getPart() {
    return part;
  }

  public Points getMin() {
    return new Points(minTenths);
  }

  public Points getMax() {
    return new Points(maxTenths);
  }

  public Set<EvidenceKind> getRequiredKinds() {
    Set<EvidenceKind> kinds = EnumSet.noneOf(EvidenceKind.class);
    if (!requiredKinds.isBlank()) {
      Arrays.stream(requiredKinds.split(",")).map(EvidenceKind::valueOf).forEach(kinds::add);
    }
    return kinds;
  }

  public int getMinEvidence() {
    return minEvidence;
  }
}
