package cn.xinsheng.music.domain.analysis;

/**
 * Frames of a pitch track, every {@code hopSeconds} from {@code firstSeconds}: the frequency (NaN
 * where no pitch was heard: silence, noise, a bow change), the estimator's confidence 0..1, and the
 * frame's level in dB below the loudest frame (0 for the loudest), which finds re-articulated notes
 * of the same pitch.
 */
public record PitchTrack(
    double firstSeconds, double hopSeconds, float[] hz, float[] confidence, float[] levelDb) {

  public int size() {
    return hz.length;
  }

  /** The time of frame {@code i}: the centre of its integration window. */
  public double time(int i) {
    return firstSeconds + i * hopSeconds;
  }

  public boolean voiced(int i) {
    return !Float.isNaN(hz[i]);
  }
}
