package cn.xinsheng.music.domain.analysis;

/**
 * An in-place radix-2 complex FFT of one fixed size, with its twiddles and bit-reversal table made
 * once, so that transforming a frame allocates nothing.
 */
final class Fft {
  private final int n;
  private final double[] cos;
  private final double[] sin;
  private final int[] reverse;

  Fft(int n) {
    if (n < 2 || Integer.bitCount(n) != 1) {
      throw new IllegalArgumentException("FFT size must be a power of two: " + n);
    }
    this.n = n;
    cos = new double[n / 2];
    sin = new double[n / 2];
    for (int i = 0; i < n / 2; i++) {
      cos[i] = Math.cos(2 * Math.PI * i / n);
      sin[i] = Math.sin(2 * Math.PI * i / n);
    }
    reverse = new int[n];
    int bits = Integer.numberOfTrailingZeros(n);
    for (int i = 0; i < n; i++) {
      reverse[i] = Integer.reverse(i) >>> (32 - bits);
    }
  }

  int size() {
    return n;
  }

  /** Forward transform (e^{-2πikn/N}); {@code inverse} uses e^{+…} and does not scale. */
  void transform(double[] re, double[] im, boolean inverse) {
    for (int i = 0; i < n; i++) {
      int j = reverse[i];
      if (j > i) {
        double t = re[i];
        re[i] = re[j];
        re[j] = t;
        t = im[i];
        im[i] = im[j];
        im[j] = t;
      }
    }
    double sign = inverse ? 1 : -1;
    for (int len = 2; len <= n; len <<= 1) {
      int half = len >> 1;
      int step = n / len;
      for (int start = 0; start < n; start += len) {
        for (int k = 0, w = 0; k < half; k++, w += step) {
          double wr = cos[w];
          double wi = sign * sin[w];
          int a = start + k;
          int b = a + half;
          double xr = re[b] * wr - im[b] * wi;
          double xi = re[b] * wi + im[b] * wr;
          re[b] = re[a] - xr;
          im[b] = im[a] - xi;
          re[a] += xr;
          im[a] += xi;
        }
      }
    }
  }
}
