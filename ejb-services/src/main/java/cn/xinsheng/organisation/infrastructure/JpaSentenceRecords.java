package cn.xinsheng.organisation.infrastructure;

import cn.xinsheng.organisation.application.SentenceRecords;
import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.organisation.domain.UnknownInmateException;
import cn.xinsheng.platform.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Sentence ends on the inmate table. */
@ApplicationScoped
public class JpaSentenceRecords implements SentenceRecords {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  private static final String TERM =
      "SELECT id, prisoner_number, name, section_id, sentence_start, sentence_months,"
          + " life_sentence, current_sentence_end, offence_category FROM inmate";

  @Override
  public List<Term> terms(Long sectionId) {
    String where = sectionId == null ? "" : " WHERE section_id = ?1";
    var q = em.createNativeQuery(TERM + where + " ORDER BY id");
    if (sectionId != null) {
      q.setParameter(1, sectionId);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = q.getResultList();
    return rows.stream().map(JpaSentenceRecords::term).toList();
  }

  @Override
  public Optional<Term> term(long inmateId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(TERM + " WHERE id = ?1").setParameter(1, inmateId).getResultList();
    return rows.stream().findFirst().map(JpaSentenceRecords::term);
  }

  private static Term term(Object[] r) {
    return new Term(
        SqlValues.num(r[0]),
        (String) r[1],
        (String) r[2],
        SqlValues.num(r[3]),
        SqlValues.date(r[4]),
        SqlValues.integer(r[5]),
        SqlValues.bool(r[6]),
        SqlValues.date(r[7]),
        (String) r[8]);
  }

  @Override
  public LocalDate currentSentenceEnd(long inmateId) {
    // read from the row, not a cached entity: another transaction may have moved it, and a read
    // port answers outside a transaction too
    List<?> rows =
        em.createNativeQuery("SELECT current_sentence_end FROM inmate WHERE id = ?1")
            .setParameter(1, inmateId)
            .getResultList();
    if (rows.isEmpty()) {
      throw new UnknownInmateException(String.valueOf(inmateId));
    }
    return SqlValues.date(rows.get(0));
  }

  @Override
  public void setSentence(
      long inmateId, LocalDate start, Integer months, boolean life, LocalDate end) {
    int n =
        em.createNativeQuery(
                "UPDATE inmate SET sentence_start = ?1, sentence_months = ?2, life_sentence = ?3,"
                    + " current_sentence_end = ?4 WHERE id = ?5")
            .setParameter(1, java.sql.Date.valueOf(start))
            .setParameter(2, months)
            .setParameter(3, life)
            .setParameter(4, end == null ? null : java.sql.Date.valueOf(end))
            .setParameter(5, inmateId)
            .executeUpdate();
    if (n == 0) {
      throw new UnknownInmateException(String.valueOf(inmateId));
    }
    Inmate inmate = em.find(Inmate.class, inmateId);
    if (inmate != null) {
      em.refresh(inmate);
    }
  }

  @Override
  public void moveSentenceEnd(long inmateId, LocalDate newEnd) {
    em.createNativeQuery("UPDATE inmate SET current_sentence_end = ?1 WHERE id = ?2")
        .setParameter(1, java.sql.Date.valueOf(newEnd))
        .setParameter(2, inmateId)
        .executeUpdate();
    // the entity this transaction may hold follows the row, for the reads after the ruling
    Inmate inmate = em.find(Inmate.class, inmateId);
    if (inmate == null) {
      throw new UnknownInmateException(String.valueOf(inmateId));
    }
    em.refresh(inmate);
  }
}
