package cn.xinsheng.music.domain.notation;

/**
 * Equal temperament at a concert pitch: A4 is 440 Hz unless an ensemble tunes otherwise (Chinese
 * orchestras often tune to 442 Hz).
 */
public record Tuning(double a4Hz) {

  public static final Tuning STANDARD = new Tuning(440.0);

  public Tuning {
    if (!(a4Hz >= 400.0 && a4Hz <= 480.0)) {
      throw new IllegalArgumentException(
          "A4 须在 400–480 Hz 之间 / A4 must lie between 400 and 480 Hz: " + a4Hz);
    }
  }

  /** The frequency of a MIDI note number (69 = A4), fractional numbers allowed. */
  public double hz(double midi) {
    return a4Hz * Math.pow(2.0, (midi - 69.0) / 12.0);
  }

  /** The MIDI note number (fractional) of a frequency. */
  public double midi(double hz) {
    return 69.0 + 12.0 * log2(hz / a4Hz);
  }

  /** How far {@code hz} lies from {@code referenceHz}, in cents (100 to the semitone). */
  public static double cents(double hz, double referenceHz) {
    return 1200.0 * log2(hz / referenceHz);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2.0);
  }
}
