package cn.xinsheng.organisation.domain;

/**
 * Broad offence categories as the eligibility rules distinguish them; the judgment itself is
 * recorded in the case file, not here.
 */
public enum OffenceCategory {
  PROPERTY,
  VIOLENT,
  DRUG,
  FRAUD,
  DUTY,
  TRAFFIC,
  ORGANISED_CRIME,
  OTHER
}
