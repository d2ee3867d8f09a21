package cn.xinsheng.music.domain.synth;

import java.util.Random;

/**
 * How a synthesized note sounds: harmonics falling off as 1/h^rolloff (a bowed or blown
 * instrument's bright spectrum), vibrato of a depth in cents at a rate, white noise at a
 * signal-to-noise ratio, and short attack and release ramps.
 *
 * @param harmonics how many partials (1 = a pure sine); partials above 0.45 × rate are left out
 * @param rolloff partial h has amplitude 1/h^rolloff
 * @param vibratoCents depth (half the swing) of the vibrato, 0 for none
 * @param vibratoHz vibrato rate (erhu players use about 5–7 Hz)
 * @param snrDb signal-to-noise ratio of added white noise; infinite for none
 * @param seed the noise's and the partials' random phases' seed
 */
public record Tone(
    int harmonics, double rolloff, double vibratoCents, double vibratoHz, double snrDb, long seed) {

  public static final Tone SINE = new Tone(1, 1, 0, 0, Double.POSITIVE_INFINITY, 1);
  public static final Tone BOWED = new Tone(8, 1, 0, 0, Double.POSITIVE_INFINITY, 1);

  public Tone {
    if (harmonics < 1 || harmonics > 64 || !(rolloff >= 0) || !(vibratoCents >= 0)) {
      throw new IllegalArgumentException("tone parameters out of range");
    }
  }

  public Tone withVibrato(double cents, double rateHz) {
    return new Tone(harmonics, rolloff, cents, rateHz, snrDb, seed);
  }

  public Tone withNoise(double snr, long noiseSeed) {
    return new Tone(harmonics, rolloff, vibratoCents, vibratoHz, snr, noiseSeed);
  }

  /**
   * Adds {@code seconds} of this tone at {@code hz} to {@code out} from sample {@code start},
   * peaking at {@code amplitude}; returns the number of samples written.
   */
  public int render(
      float[] out, int start, int sampleRate, double hz, double seconds, double amplitude) {
    int len = (int) Math.min(out.length - (long) start, Math.round(seconds * sampleRate));
    if (len <= 0) {
      return 0;
    }
    Random random = new Random(seed ^ Double.doubleToLongBits(hz) ^ start);
    int parts = 0;
    double norm = 0;
    for (int h = 1;
        h <= harmonics && h * hz * (1 + vibratoCents / 1200.0) < 0.45 * sampleRate;
        h++) {
      parts = h;
      norm += 1 / Math.pow(h, rolloff);
    }
    double[] amp = new double[parts];
    double[] phase = new double[parts];
    double power = 0;
    for (int h = 1; h <= parts; h++) {
      amp[h - 1] = amplitude / Math.pow(h, rolloff) / Math.max(1, norm);
      phase[h - 1] = h == 1 ? 0 : random.nextDouble() * 2 * Math.PI;
      power += amp[h - 1] * amp[h - 1] / 2;
    }
    double noise = Double.isInfinite(snrDb) ? 0 : Math.sqrt(power / Math.pow(10, snrDb / 10));
    int ramp = Math.min(len / 4, (int) (0.015 * sampleRate));
    double theta = 0;
    double vibratoPhase = random.nextDouble() * 2 * Math.PI;
    for (int i = 0; i < len; i++) {
      double t = i / (double) sampleRate;
      double f = hz;
      if (vibratoCents > 0) {
        f =
            hz
                * Math.pow(
                    2, vibratoCents / 1200 * Math.sin(2 * Math.PI * vibratoHz * t + vibratoPhase));
      }
      double v = 0;
      for (int h = 0; h < parts; h++) {
        v += amp[h] * Math.sin((h + 1) * theta + phase[h]);
      }
      theta += 2 * Math.PI * f / sampleRate;
      if (theta > 2 * Math.PI * 1e6) {
        theta = Math.IEEEremainder(theta, 2 * Math.PI);
      }
      double envelope = 1;
      if (i < ramp) {
        envelope = i / (double) ramp;
      } else if (i >= len - ramp) {
        envelope = (len - 1 - i) / (double) ramp;
      }
      out[start + i] += (float) (v * envelope + noise * random.nextGaussian());
    }
    return len;
  }
}
