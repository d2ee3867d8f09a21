package cn.xinsheng.sentence.domain;

/** The penalty imposed: a fixed term (有期徒刑), life (无期徒刑) or death with reprieve (死缓). */
public enum SentenceKind {
  FIXED,
  LIFE,
  DEATH_REPRIEVE
}
