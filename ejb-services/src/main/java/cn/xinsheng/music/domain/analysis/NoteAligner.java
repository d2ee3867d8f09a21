package cn.xinsheng.music.domain.analysis;

import cn.xinsheng.music.domain.notation.ExpectedNote;
import cn.xinsheng.music.domain.notation.PitchName;
import cn.xinsheng.music.domain.notation.Tuning;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Matches the notes heard with the notes expected, in order, by dynamic programming: a heard note
 * may match an expected one (cheap when pitch and length agree), up to three heard pieces may make
 * one expected note (a note broken by a wide vibrato or a bow change), an expected note may be
 * missed and a heard one may be extra (a grace note, a slip). A wrong note still matches when that
 * is cheaper than a miss plus an extra, so that its error in cents shows.
 */
public final class NoteAligner {

  static final double MISS = 2.0;
  static final double MERGE = 0.3;
  static final int MAX_MERGE = 3;

  private NoteAligner() {}

  /** Each expected note, heard or not. */
  public static List<NoteResult> align(
      List<ExpectedNote> expected, List<Segment> heard, PitchTrack track, Tuning tuning) {
    int ni = expected.size();
    int nj = heard.size();
    double[] start = new double[nj];
    double[] end = new double[nj];
    for (int j = 0; j < nj; j++) {
      start[j] = track.time(heard.get(j).first());
      end[j] = track.time(heard.get(j).last()) + track.hopSeconds();
    }
    double scale = 1;
    double medianExpected = 0.5;
    if (ni > 0 && nj > 0) {
      ExpectedNote last = expected.get(ni - 1);
      double scoreSpan = last.onsetSeconds() + last.durationSeconds();
      double playedSpan = end[nj - 1] - start[0];
      if (scoreSpan > 0 && playedSpan > 0) {
        scale = playedSpan / scoreSpan;
      }
      double[] d = expected.stream().mapToDouble(ExpectedNote::durationSeconds).toArray();
      Arrays.sort(d);
      medianExpected = d[d.length / 2] * scale;
    }
    double[] cost = new double[(ni + 1) * (nj + 1)];
    int[] move = new int[(ni + 1) * (nj + 1)]; // 0 = extra, -1 = miss, g > 0 = match g pieces
    int w = nj + 1;
    for (int i = 0; i <= ni; i++) {
      for (int j = 0; j <= nj; j++) {
        if (i == 0 && j == 0) {
          continue;
        }
        double best = Double.MAX_VALUE;
        int how = 0;
        if (j > 0) {
          double c = cost[i * w + j - 1] + extra(end[j - 1] - start[j - 1], medianExpected);
          if (c < best) {
            best = c;
            how = 0;
          }
        }
        if (i > 0) {
          double c = cost[(i - 1) * w + j] + MISS;
          if (c < best) {
            best = c;
            how = -1;
          }
          for (int g = 1; g <= MAX_MERGE && g <= j; g++) {
            double m =
                cost[(i - 1) * w + j - g]
                    + match(expected.get(i - 1), heard, j - g, j - 1, start, end, scale)
                    + MERGE * (g - 1);
            if (m < best) {
              best = m;
              how = g;
            }
          }
        }
        cost[i * w + j] = best;
        move[i * w + j] = how;
      }
    }
    NoteResult[] out = new NoteResult[ni];
    int i = ni;
    int j = nj;
    while (i > 0 || j > 0) {
      int how = move[i * w + j];
      if (how == 0) {
        j--;
      } else if (how < 0) {
        ExpectedNote e = expected.get(i - 1);
        out[i - 1] =
            new NoteResult(
                e.index(), e.name(), e.hz(), Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        i--;
      } else {
        ExpectedNote e = expected.get(i - 1);
        Segment first = heard.get(j - how);
        Segment last = heard.get(j - 1);
        double hz = medianHz(track, first.first(), last.last());
        out[i - 1] =
            new NoteResult(
                e.index(),
                e.name(),
                e.hz(),
                start[j - how],
                end[j - 1],
                hz,
                Tuning.cents(hz, e.hz()));
        i--;
        j -= how;
      }
    }
    return List.of(out);
  }

  /** Without a score: every heard note, named after the nearest equal-tempered note. */
  public static List<NoteResult> unscored(List<Segment> heard, PitchTrack track, Tuning tuning) {
    List<NoteResult> out = new ArrayList<>();
    for (Segment s : heard) {
      double hz = medianHz(track, s.first(), s.last());
      int nearest = (int) Math.round(tuning.midi(hz));
      double ref = tuning.hz(nearest);
      out.add(
          new NoteResult(
              out.size(),
              PitchName.of(nearest, false),
              ref,
              track.time(s.first()),
              track.time(s.last()) + track.hopSeconds(),
              hz,
              Tuning.cents(hz, ref)));
    }
    return out;
  }

  private static double match(
      ExpectedNote e,
      List<Segment> heard,
      int from,
      int to,
      double[] start,
      double[] end,
      double scale) {
    // the frame-weighted median of the pieces' pitches (one piece: its own)
    double m;
    if (from == to) {
      m = heard.get(from).medianMidi();
    } else {
      int g = to - from + 1;
      double[] v = new double[g];
      int[] f = new int[g];
      int total = 0;
      for (int k = 0; k < g; k++) {
        v[k] = heard.get(from + k).medianMidi();
        f[k] = heard.get(from + k).frames();
        total += f[k];
      }
      Integer[] order = new Integer[g];
      for (int k = 0; k < g; k++) {
        order[k] = k;
      }
      Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
      int acc = 0;
      m = v[order[g - 1]];
      for (int k = 0; k < g; k++) {
        acc += f[order[k]];
        if (2 * acc >= total) {
          m = v[order[k]];
          break;
        }
      }
    }
    double dev = Math.abs(m - e.midi());
    double pitch = dev <= 0.5 ? dev : Math.min(4.0, 0.5 + 2 * (dev - 0.5));
    double played = end[to] - start[from];
    double wanted = e.durationSeconds() * scale;
    double timing =
        wanted > 0 && played > 0 ? 0.5 * Math.min(3, Math.abs(log2(played / wanted))) : 1;
    return pitch + timing;
  }

  private static double extra(double seconds, double typical) {
    return 0.8 + 0.2 * Math.min(3, seconds / Math.max(typical, 1e-3));
  }

  static double medianHz(PitchTrack track, int first, int last) {
    double[] v = new double[last - first + 1];
    for (int i = first; i <= last; i++) {
      v[i - first] = track.voiced(i) ? track.hz()[i] : Double.NaN;
    }
    return NoteSegmenter.medianOf(v, 0, v.length - 1);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
