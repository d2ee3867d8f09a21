package cn.xinsheng.sentence.infrastructure;

import static cn.xinsheng.platform.SqlValues.bool;

import cn.xinsheng.sentence.application.RecordedSentences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * {@link RecordedSentences} on this context's {@code sentence_record} (the latest row is in force).
 */
@ApplicationScoped
public class SqlRecordedSentences implements RecordedSentences {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @Override
  public Optional<Boolean> recidivist(long inmateId) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT recidivist FROM sentence_record WHERE inmate_id = ?1 ORDER BY id DESC"
                    + " LIMIT 1")
            .setParameter(1, inmateId)
            .getResultList();
    return rows.stream().findFirst().map(o -> bool(o));
  }
}
