package cn.xinsheng.organisation.infrastructure;

import cn.xinsheng.organisation.application.SentenceRecords;
import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.organisation.domain.UnknownInmateException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;

/** Sentence ends on the inmate table. */
@ApplicationScoped
public class JpaSentenceRecords implements SentenceRecords {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @Override
  public LocalDate currentSentenceEnd(long inmateId) {
    // refreshed: another transaction may have moved it since this one first read the inmate
    return fresh(inmateId).getCurrentSentenceEnd();
  }

  @Override
  public void moveSentenceEnd(long inmateId, LocalDate newEnd) {
    em.createNativeQuery("UPDATE inmate SET current_sentence_end = ?1 WHERE id = ?2")
        .setParameter(1, java.sql.Date.valueOf(newEnd))
        .setParameter(2, inmateId)
        .executeUpdate();
    // the entity this transaction may hold follows the row, for the reads after the ruling
    fresh(inmateId);
  }

  private Inmate fresh(long inmateId) {
    Inmate inmate = em.find(Inmate.class, inmateId);
    if (inmate == null) {
      throw new UnknownInmateException(String.valueOf(inmateId));
    }
    em.refresh(inmate);
    return inmate;
  }
}
