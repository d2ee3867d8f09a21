package cn.xinsheng.organisation.domain;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A section (分监区): the unit officers are assigned to and inmates live in. */
@Entity
@Cacheable
@Table(name = "section")
@NamedQuery(
    name = "Section.findAll",
    query = "SELECT s FROM Section s ORDER BY s.ward.code, s.code")
public class Section {
  @Id private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "ward_id")
  private Ward ward;

  @Column(nullable = false, length = 32)
  private String code;

  @Column(nullable = false, length = 200)
  private String name;

  protected Section() {}

  public Long getId() {
    return id;
  }

  public Ward getWard() {
    return ward;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  /** "一监区 / 一分监区" as it is written on a noticeboard. */
  public String getFullName() {
    return ward.getName() + " / " + name;
  }
}
