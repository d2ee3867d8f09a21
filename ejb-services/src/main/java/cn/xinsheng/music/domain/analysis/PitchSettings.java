package cn.xinsheng.music.domain.analysis;

/**
 * How the pitch track is taken. The defaults cover the folk instruments of the programme, from the
 * ruan's and yangqin's low strings to the dizi's top (60 Hz – 2.6 kHz), every 10 ms.
 *
 * @param minHz lowest pitch looked for (sets the longest lag)
 * @param maxHz highest pitch looked for (sets the shortest lag)
 * @param hopSeconds time between frames
 * @param windowSeconds length of the integration window of the difference function
 * @param threshold YIN's absolute threshold on the normalised difference (paper: 0.10–0.15)
 * @param minConfidence frames below this confidence (1 − normalised difference) are unvoiced
 * @param silenceDb frames quieter than the loudest frame by more than this are silent
 */
public record PitchSettings(
    double minHz,
    double maxHz,
    double hopSeconds,
    double windowSeconds,
    double threshold,
    double minConfidence,
    double silenceDb) {

  public static final PitchSettings DEFAULT =
      new PitchSettings(60, 2600, 0.010, 0.024, 0.15, 0.70, 45);

  public PitchSettings {
    if (!(minHz >= 20 && maxHz > minHz && maxHz <= 8000)) {
      throw new IllegalArgumentException("pitch range " + minHz + "–" + maxHz);
    }
    if (!(hopSeconds >= 0.001 && hopSeconds <= 0.1 && windowSeconds >= 0.005)) {
      throw new IllegalArgumentException("hop or window out of range");
    }
    if (!(threshold > 0 && threshold < 1 && minConfidence >= 0 && minConfidence < 1)) {
      throw new IllegalArgumentException("threshold or confidence out of range");
    }
    if (!(silenceDb > 0)) {
      throw new IllegalArgumentException("silenceDb must be positive");
    }
  }
}
