package cn.xinsheng.organisation.domain;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A ward (监区) of the prison, made of sections. */
@Entity
@Cacheable
@Table(name = "ward")
public class Ward {
  @Id private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "prison_id")
  private Prison prison;

  @Column(nullable = false, length = 32)
  private String code;

  @Column(nullable = false, length = 200)
  private String name;

  protected Ward() {}

  public Long getId() {
    return id;
  }

  public Prison getPrison() {
    return prison;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }
}
