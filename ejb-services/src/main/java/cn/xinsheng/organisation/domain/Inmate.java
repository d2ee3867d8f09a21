package cn.xinsheng.organisation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A person serving a sentence here, with the facts the other contexts build on. */
@Entity
@Table(name = "inmate")
@NamedQuery(
    name = "Inmate.findBySections",
    query =
        "SELECT i FROM Inmate i WHERE i.section.id IN :sectionIds"
            + " ORDER BY i.section.id, i.prisonerNumber")
@NamedQuery(
    name = "Inmate.findByPrisonerNumber",
    query = "SELECT i FROM Inmate i WHERE i.prisonerNumber = :number")
@NamedQuery(
    name = "Inmate.findByAccount",
    query = "SELECT i FROM Inmate i WHERE i.accountId = :accountId")
@NamedQuery(
    name = "Inmate.countBySection",
    query = "SELECT i.section.id, COUNT(i) FROM Inmate i GROUP BY i.section.id")
public class Inmate {
  @Id private Long id;

  @Column(name = "prisoner_number", nullable = false, unique = true, length = 10)
  private String prisonerNumber;

  @Column(nullable = false, length = 100)
  private String name;

  @ManyToOne(optional = false)
  @JoinColumn(name = "section_id")
  private Section section;

  @Column(name = "offence_category", nullable = false, length = 40)
  private String offenceCategory;

  @Column(name = "sentence_start", nullable = false)
  private LocalDate sentenceStart;

  @Column(name = "sentence_months")
  private Integer sentenceMonths;

  @Column(name = "life_sentence", nullable = false)
  private boolean lifeSentence;

  @Column(name = "current_sentence_end")
  private LocalDate currentSentenceEnd;

  @Column(name = "admission_date", nullable = false)
  private LocalDate admissionDate;

  @Column(name = "account_id")
  private Long accountId;

  protected Inmate() {}

  public Long getId() {
    return id;
  }

  public PrisonerNumber getPrisonerNumber() {
    return new PrisonerNumber(prisonerNumber);
  }

  /** The prisoner number as text, for views and JSON. */
  public String getNumber() {
    return prisonerNumber;
  }

  public LocalDate getSentenceStart() {
    return sentenceStart;
  }

  /** Null for a life sentence. */
  public Integer getSentenceMonths() {
    return sentenceMonths;
  }

  public boolean isLifeSentence() {
    return lifeSentence;
  }

  public String getName() {
    return name;
  }

  public Section getSection() {
    return section;
  }

  public OffenceCategory getOffenceCategory() {
    return OffenceCategory.valueOf(offenceCategory);
  }

  public Sentence getSentence() {
    return new Sentence(sentenceStart, sentenceMonths, lifeSentence);
  }

  /** Null while a life sentence has not been commuted to a fixed term. */
  public LocalDate getCurrentSentenceEnd() {
    return currentSentenceEnd;
  }

  public LocalDate getAdmissionDate() {
    return admissionDate;
  }

  public Long getAccountId() {
    return accountId;
  }
}
