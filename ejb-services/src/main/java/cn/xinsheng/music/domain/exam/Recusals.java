package cn.xinsheng.music.domain.exam;

import java.time.Instant;

/**
 * The recusals on record (music_recusal): an examiner kept off a candidate's panel, with the
 * reasons, append-only. Runs in the caller's transaction; the calling service checks who may ask.
 */
public interface Recusals {

  /**
   * Records a recusal; answers its id.
   *
   * @param reasons the {@link Recusal.Reason} names, space-separated
   */
  long insert(
      long candidateId, String examiner, String reasons, String recordedBy, Instant recordedAt);
}
