package cn.xinsheng.music.domain.analysis;

import cn.xinsheng.music.domain.notation.ExpectedNote;
import java.util.ArrayList;
import java.util.List;

/** Tempo stability from onset intervals, with or without the score's beats and marked tempo. */
public final class TempoAnalysis {
  private TempoAnalysis() {}

  /** Against the score: {@code notes} and {@code expected} in the same order. */
  public static TempoResult scored(
      List<ExpectedNote> expected, List<NoteResult> notes, double markedBpm) {
    List<double[]> points = new ArrayList<>(); // beat position, onset seconds, note index
    for (int i = 0; i < notes.size(); i++) {
      if (notes.get(i).heard()) {
        points.add(new double[] {expected.get(i).beatPosition(), notes.get(i).startSeconds(), i});
      }
    }
    List<TempoResult.Interval> intervals = new ArrayList<>();
    for (int k = 1; k < points.size(); k++) {
      double[] a = points.get(k - 1);
      double[] b = points.get(k);
      double beats = b[0] - a[0];
      double seconds = b[1] - a[1];
      if (beats > 0 && seconds > 0) {
        intervals.add(
            new TempoResult.Interval(
                (int) a[2], (int) b[2], beats, seconds, 60.0 * beats / seconds));
      }
    }
    if (points.size() < 2) {
      return new TempoResult(markedBpm, Double.NaN, Double.NaN, Double.NaN, Double.NaN, intervals);
    }
    // least squares onset = a + b·beat
    double n = points.size();
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (double[] p : points) {
      sx += p[0];
      sy += p[1];
      sxx += p[0] * p[0];
      sxy += p[0] * p[1];
    }
    double den = n * sxx - sx * sx;
    double slope = den > 0 ? (n * sxy - sx * sy) / den : Double.NaN;
    double intercept = (sy - slope * sx) / n;
    double measured = slope > 0 ? 60.0 / slope : Double.NaN;
    double drift = 0;
    for (double[] p : points) {
      drift = Math.max(drift, Math.abs(p[1] - (intercept + slope * p[0])));
    }
    return new TempoResult(
        markedBpm,
        measured,
        100.0 * (measured / markedBpm - 1),
        variation(intervals.stream().mapToDouble(TempoResult.Interval::bpm).toArray()),
        drift,
        intervals);
  }

  /** Without a score: only how evenly the onsets follow one another. */
  public static TempoResult unscored(List<NoteResult> notes) {
    List<TempoResult.Interval> intervals = new ArrayList<>();
    for (int k = 1; k < notes.size(); k++) {
      double seconds = notes.get(k).startSeconds() - notes.get(k - 1).startSeconds();
      if (seconds > 0) {
        intervals.add(new TempoResult.Interval(k - 1, k, Double.NaN, seconds, Double.NaN));
      }
    }
    double[] s = intervals.stream().mapToDouble(TempoResult.Interval::seconds).toArray();
    return new TempoResult(Double.NaN, Double.NaN, Double.NaN, variation(s), Double.NaN, intervals);
  }

  /** Coefficient of variation in percent; NaN for fewer than two values. */
  static double variation(double[] v) {
    if (v.length < 2) {
      return Double.NaN;
    }
    double mean = 0;
    for (double x : v) {
      mean += x;
    }
    mean /= v.length;
    double ss = 0;
    for (double x : v) {
      ss += (x - mean) * (x - mean);
    }
    return 100.0 * Math.sqrt(ss / (v.length - 1)) / mean;
  }
}
