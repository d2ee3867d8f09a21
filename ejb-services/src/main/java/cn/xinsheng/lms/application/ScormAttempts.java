package cn.xinsheng.lms.application;

import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Capabilities of SCO attempts (issue 14, finding 11; ADR 0014). A SCO runs in a sandboxed frame
 * with no origin of its own, so it cannot use the inmate's session; what it may do instead is
 * carried by a token made when the inmate opens the lesson page: read the files of its own lesson,
 * read the data the run-time starts with, and commit the tracking data of that one learner, lesson
 * and SCO. Nothing else. The tokens live in memory for {@link #LIFETIME} at most and end when the
 * inmate logs out ({@link #endFor}); after a restart the lesson page sends what is still unsaved
 * with the inmate's session instead.
 */
@ApplicationScoped
public class ScormAttempts {

  /** How long a SCO attempt's token works: a school day. */
  static final Duration LIFETIME = Duration.ofHours(12);

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int MAX = 20_000;

  /**
   * One attempt: whose, which lesson and SCO, the launch file (relative to the course, with its
   * query) and until when it works.
   */
  public record Attempt(
      String token, long inmateId, long lessonId, String sco, String launch, Instant expires) {}

  private final Map<String, Attempt> attempts = new ConcurrentHashMap<>();

  @Inject PrisonTime time;

  Attempt open(long inmateId, long lessonId, String sco, String launch) {
    Instant now = time.now();
    if (attempts.size() > MAX) {
      attempts.values().removeIf(a -> !a.expires().isAfter(now));
    }
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    Attempt a = new Attempt(token, inmateId, lessonId, sco, launch, now.plus(LIFETIME));
    attempts.put(token, a);
    return a;
  }

  /**
   * Ends every attempt of this inmate: at his logout, so that no courseware URL he opened works for
   * whoever sits at the terminal next (a token is a capability: whoever holds it reads the lesson
   * and writes his tracking).
   *
   * @return how many ended
   */
  int endFor(long inmateId) {
    int before = attempts.size();
    attempts.values().removeIf(a -> a.inmateId() == inmateId);
    return Math.max(0, before - attempts.size());
  }

  /** The attempt a token stands for; an unknown or expired token is not found (404). */
  Attempt of(String token) {
    Attempt a = token == null ? null : attempts.get(token);
    if (a == null || !a.expires().isAfter(time.now())) {
      throw Refusal.notFound("lms.error.attempt");
    }
    return a;
  }
}
