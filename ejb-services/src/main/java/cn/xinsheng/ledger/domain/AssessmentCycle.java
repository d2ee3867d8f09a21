package cn.xinsheng.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A closed 600-point cycle of one inmate, with the months it spans. */
@Entity
@Table(name = "assessment_cycle")
public class AssessmentCycle {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "inmate_id", nullable = false)
  private long inmateId;

  @Column(name = "number", nullable = false)
  private int number;

  @Column(name = "closed_month", nullable = false, length = 7)
  private String closedMonth;

  @Column(name = "close_id", nullable = false)
  private long closeId;

  @Column(name = "first_month", nullable = false, length = 7)
  private String firstMonth;

  protected AssessmentCycle() {}

  public AssessmentCycle(
      long inmateId, int number, String closedMonth, long closeId, String firstMonth) {
    this.inmateId = inmateId;
    this.number = number;
    this.closedMonth = closedMonth;
    this.closeId = closeId;
    this.firstMonth = firstMonth;
  }

  public Long getId() {
    return id;
  }

  public long getInmateId() {
    return inmateId;
  }

  public int getNumber() {
    return number;
  }

  public String getClosedMonth() {
    return closedMonth;
  }

  public long getCloseId() {
    return closeId;
  }

  public String getFirstMonth() {
    return firstMonth;
  }
}
