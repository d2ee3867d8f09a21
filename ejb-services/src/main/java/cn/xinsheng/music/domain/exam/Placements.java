package cn.xinsheng.music.domain.exam;

import java.time.Instant;
import java.util.Optional;

/**
 * The board's placement decisions (music_placement): an inmate may sit a level without having
 * passed the one below, for a recorded reason. Append-only: a later decision is a new row. Runs in
 * the caller's transaction; the calling service checks who may ask.
 */
public interface Placements {

  /** A placement on record: its id and the level it allows. */
  record Placement(long id, int level) {}

  /** Records a placement decision; answers its id. */
  long insert(
      long inmateId,
      String instrumentCode,
      int level,
      String reason,
      String decidedBy,
      Instant decidedAt);

  /** The newest placement of the inmate at this instrument and level, if any. */
  Optional<Placement> latest(long inmateId, String instrumentCode, int level);
}
