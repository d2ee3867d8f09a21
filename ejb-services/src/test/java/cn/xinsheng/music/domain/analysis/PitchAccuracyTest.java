package cn.xinsheng.music.domain.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.music.domain.synth.Tone;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The accuracy promised for the analysis aid: synthesized tones from 100 Hz to 2 kHz — a sine, a
 * bowed spectrum of eight partials, a bright one of sixteen, with vibrato, with noise — analysed to
 * a median frequency within 5 cents of the truth. Besides a fixed grid, frequencies are drawn from
 * a seeded random range: {@code -Dxinsheng.music.seed=N} draws others, and without it the seed
 * changes every run (and is printed with any failure), so the figures hold for frequencies nobody
 * chose.
 */
class PitchAccuracyTest {

  static final double LIMIT_CENTS = 5.0;

  record Case(String tone, int rate, double hz, double cents) {}

  static Tone[] tones(long seed) {
    return new Tone[] {
      Tone.SINE,
      Tone.BOWED,
      new Tone(16, 0.7, 0, 0, Double.POSITIVE_INFINITY, seed),
      Tone.BOWED.withVibrato(30, 5.5),
      Tone.BOWED.withNoise(20, seed),
      new Tone(12, 1.2, 20, 6.2, 25, seed)
    };
  }

  static String name(Tone t) {
    return String.format(
        Locale.ROOT,
        "%d partials%s%s",
        t.harmonics(),
        t.vibratoCents() > 0 ? ", vibrato ±" + (int) t.vibratoCents() + "¢" : "",
        Double.isInfinite(t.snrDb()) ? "" : ", noise " + (int) t.snrDb() + " dB SNR");
  }

  /** The error in cents of the median of a tone's voiced frames. */
  static double centsError(Tone tone, int rate, double hz) {
    double seconds = tone.vibratoCents() > 0 ? 2.0 : 1.0;
    float[] x = new float[(int) (rate * seconds)];
    tone.render(x, 0, rate, hz, seconds, 0.5);
    PitchTrack t = new YinPitchEstimator(PitchSettings.DEFAULT).track(x, rate);
    double median = NoteAligner.medianHz(t, 0, t.size() - 1);
    return 1200 * Math.log(median / hz) / Math.log(2);
  }

  @Test
  void aGridFrom100HzTo2kHz() {
    List<Case> cases = new ArrayList<>();
    Tone[] tones = tones(11);
    for (int rate : new int[] {44100, 48000}) {
      for (int k = 0; k <= 20; k++) {
        double hz = 100 * Math.pow(20, k / 20.0); // 100 … 2000 Hz, 21 steps
        for (Tone tone : tones) {
          cases.add(new Case(name(tone), rate, hz, centsError(tone, rate, hz)));
        }
      }
    }
    check(cases, "grid");
  }

  /**
   * Bright tones whose period falls between whole lags, each once drawn by the random test and
   * answered an octave low (−1200 cents): the dip at the period sampled above the threshold. About
   * one run in twelve drew one; a sweep of 2,160 drawn tones finds none now.
   */
  @Test
  void brightTonesBetweenWholeLagsAreNotHeardAnOctaveLow() {
    double[][] drawn = {
      // seed, Hz, sample rate
      {11784658491374d, 1515.40, 32000},
      {11708036315282d, 1691.27, 16000},
      {1026, 1919.78, 22050},
      {1029, 1765.85, 44100},
      {1036, 1529.07, 32000}
    };
    List<Case> cases = new ArrayList<>();
    for (double[] d : drawn) {
      Tone tone = new Tone(16, 0.7, 0, 0, Double.POSITIVE_INFINITY, (long) d[0]);
      cases.add(new Case(name(tone), (int) d[2], d[1], centsError(tone, (int) d[2], d[1])));
    }
    check(cases, "bright tones once heard an octave low");
  }

  @Test
  void frequenciesDrawnAtRandom() {
    long seed = Long.getLong("xinsheng.music.seed", System.nanoTime());
    Random random = new Random(seed);
    List<Case> cases = new ArrayList<>();
    int[] rates = {16000, 22050, 32000, 44100, 48000, 96000};
    Tone[] tones = tones(seed);
    for (int i = 0; i < 36; i++) {
      double hz = 100 * Math.pow(20, random.nextDouble()); // log-uniform over 100 Hz – 2 kHz
      int rate = rates[random.nextInt(rates.length)];
      Tone tone = tones[i % tones.length];
      cases.add(new Case(name(tone), rate, hz, centsError(tone, rate, hz)));
    }
    check(cases, "seed " + seed + " (rerun with -Dxinsheng.music.seed=" + seed + ")");
  }

  private static void check(List<Case> cases, String what) {
    double[] abs = cases.stream().mapToDouble(c -> Math.abs(c.cents())).sorted().toArray();
    double median = abs[abs.length / 2];
    Case worst =
        cases.stream()
            .max((a, b) -> Double.compare(Math.abs(a.cents()), Math.abs(b.cents())))
            .get();
    String summary =
        String.format(
            Locale.ROOT,
            "%s: %d tones, median |error| %.3f cents, worst %.3f cents (%s at %.2f Hz, %d Hz rate)",
            what,
            cases.size(),
            median,
            Math.abs(worst.cents()),
            worst.tone(),
            worst.hz(),
            worst.rate());
    System.out.println("pitch accuracy, " + summary);
    assertTrue(median <= LIMIT_CENTS, summary);
    for (Case c : cases) {
      assertTrue(
          Math.abs(c.cents()) <= LIMIT_CENTS,
          String.format(
              Locale.ROOT,
              "%s at %.3f Hz, rate %d: %.2f cents; %s",
              c.tone(),
              c.hz(),
              c.rate(),
              c.cents(),
              summary));
    }
    assertEquals(0, Arrays.stream(abs).filter(Double::isNaN).count(), "every tone was heard");
  }
}
