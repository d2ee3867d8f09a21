package cn.xinsheng.music.domain.exam;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The exam sessions the board opens (music_exam_session): a day, a room, one instrument and one
 * level, append-only. Runs in the caller's transaction; the calling service checks who may ask.
 */
public interface ExamSessions {

  /** A session as the board opens it. */
  record NewSession(
      LocalDate date,
      String room,
      String instrumentCode,
      int level,
      String createdBy,
      Instant createdAt) {}

  /** What a session examines: the instrument and the level its candidates sit. */
  record Examined(String instrumentCode, int level) {}

  /**
   * A session with its instrument's and level's Chinese names, how many candidates it registered
   * and how many of their results are published.
   */
  record Session(
      long id,
      LocalDate date,
      String room,
      String instrumentCode,
      String instrumentZh,
      int level,
      String levelZh,
      int candidates,
      int published) {}

  /** Opens a session; answers its id. */
  long insert(NewSession session);

  /** The instrument and level the session examines, if there is such a session. */
  Optional<Examined> examined(long sessionId);

  /** Every session, newest first. */
  List<Session> all();
}
