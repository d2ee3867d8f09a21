package cn.xinsheng.music.domain.audio;

/**
 * How much audio is taken: a file's size and a take's length. A CNOS exam piece runs a few minutes;
 * the defaults leave room for a whole practice session and refuse anything that would only fill
 * memory.
 */
public record AudioLimits(long maxBytes, double maxSeconds) {

  public static final int MIN_RATE = 4_000;
  public static final int MAX_RATE = 384_000;

  /** 200 MiB and 20 minutes. */
  public static final AudioLimits DEFAULT = new AudioLimits(200L << 20, 20 * 60);

  public AudioLimits {
    if (maxBytes <= 0 || !(maxSeconds > 0)) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /** The most mono samples a take at {@code rate} may have. */
  public long maxSamples(int rate) {
    return (long) Math.ceil(maxSeconds * rate);
  }
}
