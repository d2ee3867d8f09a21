package cn.xinsheng.music.domain.analysis;

/**
 * Halves a sample rate with a linear-phase half-band low-pass (a Kaiser-windowed sinc of 47 taps,
 * about 70 dB down in its stop band), centred so that output sample k sits at input sample 2k. The
 * pitch estimator works at 22–24 kHz: every partial that matters for pitches up to 2.6 kHz lies
 * below 11 kHz, and half the rate is half the work.
 */
final class HalfBand {
  private static final int HALF = 23; // taps at -23..23; the even ones (but 0) are zero
  private static final double[] ODD = new double[(HALF + 1) / 2];
  private static final double CENTRE;

  static {
    double beta = 7.0;
    double sum = 0.5;
    for (int i = 0; i < ODD.length; i++) {
      int n = 2 * i + 1;
      double sinc = Math.sin(Math.PI * n / 2) / (Math.PI * n);
      double r = n / (HALF + 1.0);
      ODD[i] = sinc * besselI0(beta * Math.sqrt(1 - r * r)) / besselI0(beta);
      sum += 2 * ODD[i];
    }
    for (int i = 0; i < ODD.length; i++) {
      ODD[i] /= sum; // unit gain at 0 Hz
    }
    CENTRE = 0.5 / sum;
  }

  private HalfBand() {}

  static float[] decimate(float[] x) {
    int n = (x.length + 1) / 2;
    float[] y = new float[n];
    int len = x.length;
    for (int k = 0; k < n; k++) {
      int c = 2 * k;
      double v = CENTRE * x[c];
      if (c - HALF >= 0 && c + HALF < len) {
        for (int i = 0; i < ODD.length; i++) {
          int d = 2 * i + 1;
          v += ODD[i] * (x[c - d] + x[c + d]);
        }
      } else {
        for (int i = 0; i < ODD.length; i++) {
          int d = 2 * i + 1;
          double a = c - d >= 0 ? x[c - d] : 0;
          double b = c + d < len ? x[c + d] : 0;
          v += ODD[i] * (a + b);
        }
      }
      y[k] = (float) v;
    }
    return y;
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
}
