package cn.xinsheng.sentence.application;

import cn.xinsheng.sentence.domain.Performance;
import cn.xinsheng.sentence.domain.SentenceFactException;
import cn.xinsheng.sentence.domain.SentenceRecord;
import cn.xinsheng.sentence.infrastructure.SentenceStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sentence facts this context offers the cases' monthly eligibility run (issue 13, ADR 0013):
 * each inmate's sentence record as the engine needs it, or why it cannot be built, with the
 * performance his ledger shows. The cases read them here, never from this context's storage. Like
 * {@link CaseLaw} it checks no role of its own: the run that calls it is the security boundary.
 */
@ApplicationScoped
public class SentenceFacts {

  /** One inmate's record, or the fact that is missing; and what his ledger says of performance. */
  public record Facts(
      long inmateId, SentenceRecord record, SentenceFactException error, Performance derived) {}

  @Inject SentenceStore store;

  /** Every inmate of a section, or of the prison when {@code sectionId} is null, by inmate id. */
  public Map<Long, Facts> records(Long sectionId) {
    Map<Long, Facts> out = new LinkedHashMap<>();
    store
        .records(sectionId)
        .forEach(
            (id, l) -> out.put(id, new Facts(l.inmateId(), l.record(), l.error(), l.derived())));
    return out;
  }
}
