package cn.xinsheng.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One inmate's month as a close computed it: parts, special, sanctions, total, balance and cycle
 * carry, in tenths.
 */
@Entity
@Table(name = "month_result")
public class MonthResult {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "close_id", nullable = false)
  private long closeId;

  @Column(name = "inmate_id", nullable = false)
  private long inmateId;

  @Column(name = "supervision_tenths", nullable = false)
  private int supervisionTenths;

  @Column(name = "education_tenths", nullable = false)
  private int educationTenths;

  @Column(name = "labour_tenths", nullable = false)
  private int labourTenths;

  @Column(name = "special_tenths", nullable = false)
  private int specialTenths;

  @Column(name = "sanction_tenths", nullable = false)
  private int sanctionTenths;

  @Column(name = "discarded_tenths", nullable = false)
  private int discardedTenths;

  @Column(name = "total_tenths", nullable = false)
  private int totalTenths;

  @Column(name = "balance_tenths", nullable = false)
  private long balanceTenths;

  @Column(name = "cycle_carry_tenths", nullable = false)
  private long cycleCarryTenths;

  @Column(name = "cycles_closed", nullable = false)
  private int cyclesClosed;

  @Column(name = "entries", nullable = false)
  private int entries;

  protected MonthResult() {}

  public MonthResult(
      long closeId,
      long inmateId,
      int supervisionTenths,
      int educationTenths,
      int labourTenths,
      int specialTenths,
      int sanctionTenths,
      int discardedTenths,
      int totalTenths,
      long balanceTenths,
      long cycleCarryTenths,
      int cyclesClosed,
      int entries) {
    this.closeId = closeId;
    this.inmateId = inmateId;
    this.supervisionTenths = supervisionTenths;
    this.educationTenths = educationTenths;
    this.labourTenths = labourTenths;
    this.specialTenths = specialTenths;
    this.sanctionTenths = sanctionTenths;
    this.discardedTenths = discardedTenths;
    this.totalTenths = totalTenths;
    this.balanceTenths = balanceTenths;
    this.cycleCarryTenths = cycleCarryTenths;
    this.cyclesClosed = cyclesClosed;
    this.entries = entries;
  }

  public Long getId() {
    return id;
  }

  public long getCloseId() {
    return closeId;
  }

  public long getInmateId() {
    return inmateId;
  }

  public int getSupervisionTenths() {
    return supervisionTenths;
  }

  public int getEducationTenths() {
    return educationTenths;
  }

  public int getLabourTenths() {
    return labourTenths;
  }

  public int getSpecialTenths() {
    return specialTenths;
  }

  public int getSanctionTenths() {
    return sanctionTenths;
  }

  public int getDiscardedTenths() {
    return discardedTenths;
  }

  public int getTotalTenths() {
    return totalTenths;
  }

  public long getBalanceTenths() {
    return balanceTenths;
  }

  public long getCycleCarryTenths() {
    return cycleCarryTenths;
  }

  public int getCyclesClosed() {
    return cyclesClosed;
  }

  public int getEntries() {
    return entries;
  }
}
