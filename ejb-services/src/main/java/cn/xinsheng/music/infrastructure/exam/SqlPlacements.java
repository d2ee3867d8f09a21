package cn.xinsheng.music.infrastructure.exam;

import static cn.xinsheng.platform.SqlValues.num;

import cn.xinsheng.music.domain.exam.Placements;
import cn.xinsheng.platform.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/** The placement decisions on music_placement, by plain SQL. */
@ApplicationScoped
public class SqlPlacements implements Placements {

  @Inject ExamStore store;

  @Override
  public long insert(
      long inmateId,
      String instrumentCode,
      int level,
      String reason,
      String decidedBy,
      Instant decidedAt) {
    return store.insert(
        "INSERT INTO music_placement (inmate_id, instrument_code, level, reason, decided_by, decided_at)"
            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        inmateId,
        instrumentCode,
        level,
        reason,
        decidedBy,
        decidedAt);
  }

  @Override
  public Optional<Placement> latest(long inmateId, String instrumentCode, int level) {
    return store
        .one(
            "SELECT id, level FROM music_placement WHERE inmate_id = ?1 AND instrument_code = ?2"
                + " AND level = ?3 ORDER BY id DESC LIMIT 1",
            inmateId,
            instrumentCode,
            level)
        .map(r -> new Placement(num(r[0]), SqlValues.integer(r[1])));
  }
}
