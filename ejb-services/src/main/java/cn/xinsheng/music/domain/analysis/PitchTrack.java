package cn.xinsheng.music.domain.analysis;

/**
 * Frames of a pitch track, every {@code hopSeconds} from {@code firstSeconds}: the frequency (NaN
 * where no pitch was heard: silence, noise, a bow change) and the estimator's confidence 0..1.
 */
public record PitchTrack(double firstSeconds, double hopSeconds, float[] hz, float[] confidence) {

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
