package cn.xinsheng.music.domain.analysis;

import java.util.function.DoubleConsumer;

/**
 * The YIN estimator (de Cheveigné and Kawahara, JASA 111(4), 2002): for each frame the difference
 * function d(τ) = Σ (x_j − x_{j+τ})², normalised by its cumulative mean, the first dip under the
 * absolute threshold, and a sub-sample refinement of the lag. The difference function comes from
 * one cross-correlation by FFT per frame (d = energy + energy(τ) − 2·r(τ)), O(N log N) instead of
 * O(W·τmax); all buffers are made once per track, so the frame loop allocates nothing.
 */
public final class YinPitchEstimator {

  private final PitchSettings settings;

  /**
   * Periods shorter than this many samples are refined on quarter samples; above it the parabola's
   * bias (which falls with the cube of the period) is under 0.2 cent.
   */
  private static final int REFINE_BELOW = 64;

  /** Rates from this up are halved before the pitch is looked for. */
  static final int DECIMATE_FROM = 32_000;

  /** Half the length of the fractional-delay filter. */
  private static final int TAPS = 12;

  /**
   * Kaiser-windowed sinc filters for delays of 1/4, 2/4, 3/4 sample: tap t weighs the sample at
   * offset t - TAPS + 1 from the whole lag.
   */
  private static final double[][] KERNELS = kernels();

  private static double[][] kernels() {
    double[][] k = new double[4][2 * TAPS];
    double beta = 8.0;
    double i0beta = besselI0(beta);
    for (int q = 1; q < 4; q++) {
      double frac = q / 4.0;
      double sum = 0;
      for (int t = 0; t < 2 * TAPS; t++) {
        double u = (t - TAPS + 1) - frac; // distance from the wanted point
        double sinc = u == 0 ? 1 : Math.sin(Math.PI * u) / (Math.PI * u);
        double r = u / TAPS;
        double window = Math.abs(r) >= 1 ? 0 : besselI0(beta * Math.sqrt(1 - r * r)) / i0beta;
        k[q][t] = sinc * window;
        sum += k[q][t];
      }
      for (int t = 0; t < 2 * TAPS; t++) {
        k[q][t] /= sum; // unit gain at 0 Hz
      }
    }
    return k;
  }

  private static double besselI0(double x) {
    double sum = 1;
    double term = 1;
    for (int m = 1; m < 50; m++) {
      term *= (x / (2 * m)) * (x / (2 * m));
      sum += term;
    }
    return sum;
  }

  public YinPitchEstimator(PitchSettings settings) {
    this.settings = settings;
  }

  public PitchTrack track(float[] x, int sampleRate) {
    return track(x, sampleRate, p -> {});
  }

  /** The pitch track of {@code x}; {@code progress} hears 0..1 as frames are done. */
  public PitchTrack track(float[] x, int sampleRate, DoubleConsumer progress) {
    // 44.1 or 48 kHz (and 96 kHz) are halved to 22–24 kHz first: half the work, same accuracy
    while (sampleRate >= DECIMATE_FROM) {
      x = HalfBand.decimate(x);
      sampleRate /= 2;
    }
    int hop = Math.max(1, (int) Math.round(settings.hopSeconds() * sampleRate));
    int w = Math.max(16, (int) Math.round(settings.windowSeconds() * sampleRate));
    int tauMin = Math.max(2, (int) Math.floor(sampleRate / settings.maxHz()));
    int tauMax = (int) Math.ceil(sampleRate / settings.minHz()) + 2;
    int span = w + tauMax + 1;
    int n = Integer.highestOneBit(span - 1) << 1;
    int frames = x.length < span ? 0 : 1 + (x.length - span) / hop;
    float[] hz = new float[frames];
    float[] conf = new float[frames];
    double first = (w / 2.0) / sampleRate;
    if (frames == 0) {
      progress.accept(1.0);
      return new PitchTrack(first, hop / (double) sampleRate, hz, conf, new float[0]);
    }

    // Silence gate: each frame's energy over its window, against the loudest frame.
    double[] energy = new double[frames];
    double loudest = 0;
    for (int f = 0; f < frames; f++) {
      double e = 0;
      int s = f * hop;
      for (int j = 0; j < w; j++) {
        double v = x[s + j];
        e += v * v;
      }
      energy[f] = e;
      loudest = Math.max(loudest, e);
    }
    loudest = Math.max(loudest, 1e-30);
    double gate = Math.max(loudest * Math.pow(10, -settings.silenceDb() / 10), w * 1e-9);

    Frame frame = new Frame(n, w, tauMin, tauMax, settings.threshold());
    int report = Math.max(1, frames / 100);
    for (int f = 0; f < frames; f++) {
      if (energy[f] < gate) {
        hz[f] = Float.NaN;
        conf[f] = 0f;
      } else {
        double lag = frame.estimate(x, f * hop);
        double c = Math.max(0, Math.min(1, 1 - frame.aperiodicity));
        conf[f] = (float) c;
        hz[f] = lag > 0 && c >= settings.minConfidence() ? (float) (sampleRate / lag) : Float.NaN;
      }
      if (f % report == 0) {
        progress.accept(f / (double) frames);
      }
    }
    float[] level = new float[frames];
    for (int f = 0; f < frames; f++) {
      level[f] = (float) Math.max(-200, 10 * Math.log10(Math.max(energy[f], 1e-30) / loudest));
    }
    progress.accept(1.0);
    return new PitchTrack(first, hop / (double) sampleRate, hz, conf, level);
  }

  /** The per-frame work and its buffers. */
  private static final class Frame {
    private final Fft fft;
    private final Fft half;
    private final double[] twr;
    private final double[] twi;
    private final int n;
    private final int w;
    private final int tauMin;
    private final int tauMax;
    private final double threshold;
    private final double[] re;
    private final double[] im;
    private final double[] cr;
    private final double[] ci;
    private final double[] squares;
    private final double[] d;
    private final double[] dn;
    private final double[] grid = new double[9];
    double aperiodicity;

    Frame(int n, int w, int tauMin, int tauMax, double threshold) {
      this.fft = new Fft(n);
      this.half = new Fft(n / 2);
      twr = new double[n / 2];
      twi = new double[n / 2];
      for (int k = 0; k < n / 2; k++) {
        twr[k] = Math.cos(2 * Math.PI * k / n);
        twi[k] = Math.sin(2 * Math.PI * k / n);
      }
      this.n = n;
      this.w = w;
      this.tauMin = tauMin;
      this.tauMax = tauMax;
      this.threshold = threshold;
      re = new double[n];
      im = new double[n];
      cr = new double[n];
      ci = new double[n];
      squares = new double[w + tauMax + 2];
      d = new double[tauMax + 2];
      dn = new double[tauMax + 2];
    }

    /** The period in samples (fractional), or -1; sets {@link #aperiodicity}. */
    double estimate(float[] x, int s) {
      int span = w + tauMax + 1;
      // a = the window (real part), b = window plus every lag (imaginary part): one FFT for both
      for (int j = 0; j < span; j++) {
        double v = x[s + j];
        re[j] = j < w ? v : 0;
        im[j] = v;
      }
      for (int j = span; j < n; j++) {
        re[j] = 0;
        im[j] = 0;
      }
      fft.transform(re, im, false);
      // A_k = (Z_k + conj Z_{-k}) / 2, B_k = (Z_k − conj Z_{-k}) / 2i, cross spectrum conj(A)·B
      for (int k = 0; k < n; k++) {
        int m = (n - k) & (n - 1);
        double ar = 0.5 * (re[k] + re[m]);
        double ai = 0.5 * (im[k] - im[m]);
        double br = 0.5 * (im[k] + im[m]);
        double bi = -0.5 * (re[k] - re[m]);
        cr[k] = ar * br + ai * bi;
        ci[k] = ar * bi - ai * br;
      }
      // The correlation is real: invert with one FFT of half the size, even lags in the real
      // part and odd lags in the imaginary part (Z_k = X_k + X_{k+N/2} + i(X_k −
      // X_{k+N/2})e^{2πik/N}).
      int h = n / 2;
      for (int k = 0; k < h; k++) {
        double sr = cr[k] + cr[k + h];
        double si = ci[k] + ci[k + h];
        double dr = cr[k] - cr[k + h];
        double di = ci[k] - ci[k + h];
        double or = dr * twr[k] - di * twi[k];
        double oi = dr * twi[k] + di * twr[k];
        re[k] = sr - oi;
        im[k] = si + or;
      }
      half.transform(re, im, true);
      for (int m = 0; m < h && 2 * m <= tauMax + 1; m++) {
        cr[2 * m] = re[m];
        cr[2 * m + 1] = im[m];
      }
      squares[0] = 0;
      for (int j = 0; j < span; j++) {
        double v = x[s + j];
        squares[j + 1] = squares[j] + v * v;
      }
      double ea = squares[w];
      double scale = 2.0 / n;
      d[0] = 0;
      dn[0] = 1;
      double running = 0;
      for (int tau = 1; tau <= tauMax; tau++) {
        double eb = squares[tau + w] - squares[tau];
        double v = ea + eb - scale * cr[tau];
        d[tau] = v < 0 ? 0 : v;
        running += d[tau];
        dn[tau] = running > 0 ? d[tau] * tau / running : 1;
      }
      // the first dip under the threshold, followed down to its minimum (YIN step 4)
      // A short period that falls between two whole lags leaves the dip's sampled floor above the
      // threshold for a bright tone (1.5 kHz at 32 kHz: the period is 21.1 samples), and the scan
      // then found the next dip, an octave below. So a dip is judged by its floor as a parabola
      // through the three lags around it gives it, not by its lowest whole lag.
      int best = -1;
      for (int tau = tauMin; tau < tauMax; tau++) {
        boolean dip = tau > tauMin && dn[tau] <= dn[tau - 1] && dn[tau] <= dn[tau + 1];
        if (dn[tau] < threshold || (dip && floor(dn[tau - 1], dn[tau], dn[tau + 1]) < threshold)) {
          while (tau + 1 < tauMax && dn[tau + 1] < dn[tau]) {
            tau++;
          }
          best = tau;
          break;
        }
      }
      if (best < 0) {
        // no dip under the threshold: the global minimum, with the low confidence it has
        double min = Double.MAX_VALUE;
        for (int tau = tauMin; tau < tauMax; tau++) {
          if (dn[tau] < min) {
            min = dn[tau];
            best = tau;
          }
        }
      }
      aperiodicity = dn[best];
      if (best <= tauMin || best >= tauMax - 1) {
        return best;
      }
      if (best < REFINE_BELOW && s + best - TAPS >= 0 && s + w + best + TAPS + 2 <= x.length) {
        return refine(x, s, best);
      }
      return best + vertex(d[best - 1], d[best], d[best + 1]);
    }

    /** The lowest value of the parabola through three neighbouring values around a dip. */
    private static double floor(double l, double c, double r) {
      double curve = l - 2 * c + r;
      if (curve <= 0) {
        return c;
      }
      double slope = r - l;
      return c - slope * slope / (8 * curve);
    }

    /**
     * A parabola through d at whole lags is biased when a period is only a few dozen samples long
     * (a tone at 2 kHz sampled at 44.1 kHz: up to 4 cents, at 16 kHz over 10). Short periods are
     * therefore refined on a grid of quarter samples, d evaluated with the signal delayed by a
     * windowed-sinc fractional delay: the parabola's bias shrinks with the square of the step.
     */
    private double refine(float[] x, int s, int n) {
      java.util.Arrays.fill(grid, Double.NaN);
      int i = 4; // grid index of lag n; index g is lag n - 1 + g/4
      double l = grid(x, s, n, i - 2);
      double r = grid(x, s, n, i + 2);
      double c = grid(x, s, n, i);
      if (l < c && l <= r) {
        i -= 2;
      } else if (r < c) {
        i += 2;
      }
      while (i > 0 && grid(x, s, n, i - 1) < grid(x, s, n, i)) {
        i--;
      }
      while (i < 8 && grid(x, s, n, i + 1) < grid(x, s, n, i)) {
        i++;
      }
      double lag = n - 1 + i / 4.0;
      if (i == 0 || i == 8) {
        return lag;
      }
      return lag + 0.25 * vertex(grid(x, s, n, i - 1), grid(x, s, n, i), grid(x, s, n, i + 1));
    }

    private double grid(float[] x, int s, int n, int g) {
      if (Double.isNaN(grid[g])) {
        grid[g] = direct(x, s, n - 1 + g / 4, g % 4);
      }
      return grid[g];
    }

    /** d at lag {@code whole + q/4}: the window against the signal delayed by a fractional lag. */
    private double direct(float[] x, int s, int whole, int q) {
      double sum = 0;
      if (q == 0) {
        for (int j = 0; j < w; j++) {
          double e = x[s + j] - x[s + j + whole];
          sum += e * e;
        }
        return sum;
      }
      double[] k = KERNELS[q];
      int base = s + whole - TAPS + 1;
      for (int j = 0; j < w; j++) {
        double v = 0;
        int at = base + j;
        for (int t = 0; t < 2 * TAPS; t++) {
          v += k[t] * x[at + t];
        }
        double e = x[s + j] - v;
        sum += e * e;
      }
      return sum;
    }

    /** Where a parabola through three equally spaced points has its extreme, -0.5..0.5. */
    private static double vertex(double a, double b, double c) {
      double den = a - 2 * b + c;
      if (den <= 0) {
        return 0;
      }
      double p = 0.5 * (a - c) / den;
      return Math.max(-0.5, Math.min(0.5, p));
    }
  }
}
