package cn.xinsheng.music.domain.analysis;

import cn.xinsheng.music.domain.notation.Tuning;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a pitch track into notes: a new note where the pitch moves away from the running note by
 * more than {@link #STEP} semitones for {@link #HOLD} frames (vibrato of half a semitone either way
 * stays one note), where the sound stops for longer than a glitch, and where the level dips and
 * rises again (a re-bowed or re-tongued note of the same pitch).
 */
public final class NoteSegmenter {

  /** A pitch change this large (semitones) starts a new note. */
  static final double STEP = 0.6;

  /** …once it has lasted this many frames. */
  static final int HOLD = 3;

  /** Unvoiced frames bridged inside a note (a bow change, a noisy frame). */
  static final int BRIDGE = 2;

  /** A level dip this deep (dB below the note's level) and a rise after it re-articulate. */
  static final double DIP_DB = 12;

  /** Notes shorter than this many frames are transients, not notes. */
  static final int MIN_FRAMES = 4;

  private NoteSegmenter() {}

  public static List<Segment> segments(PitchTrack track, Tuning tuning) {
    int n = track.size();
    double[] midi = new double[n];
    for (int i = 0; i < n; i++) {
      midi[i] = track.voiced(i) ? tuning.midi(track.hz()[i]) : Double.NaN;
    }
    double[] smooth = smoothed(midi);
    float[] level = track.levelDb();
    List<Segment> out = new ArrayList<>();
    int start = -1;
    int lastVoiced = -1;
    int gap = 0;
    int pending = 0;
    double[] recent = new double[15];
    int recentCount = 0;
    double noteLevel = -200;
    double dipLevel = 0;
    boolean dipped = false;
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(midi[i])) {
        if (start >= 0) {
          gap++;
          boolean silentGap = level.length > i && level[i] < noteLevel - 2 * DIP_DB;
          if (gap > BRIDGE || silentGap) {
            close(out, start, lastVoiced, midi);
            start = -1;
          }
        }
        continue;
      }
      if (start < 0) {
        start = i;
        lastVoiced = i;
        gap = 0;
        pending = 0;
        recentCount = 0;
        noteLevel = level.length > i ? level[i] : 0;
        dipped = false;
        recent[recentCount++ % recent.length] = smooth[i];
        continue;
      }
      double ref = median(recent, Math.min(recentCount, recent.length));
      boolean cut = false;
      int cutAt = i;
      if (Math.abs(smooth[i] - ref) > STEP) {
        pending++;
        if (pending >= HOLD) {
          cut = true;
          cutAt = i - HOLD + 1;
        }
      } else {
        pending = 0;
      }
      if (!cut && level.length > i) {
        double l = level[i];
        if (!dipped && l < noteLevel - DIP_DB) {
          dipped = true;
          dipLevel = l;
        } else if (dipped) {
          dipLevel = Math.min(dipLevel, l);
          if (l > dipLevel + DIP_DB / 2 && l > noteLevel - DIP_DB / 2) {
            cut = true;
            cutAt = i;
          }
        }
        if (!dipped) {
          noteLevel = Math.max(noteLevel, l);
        }
      }
      if (cut) {
        close(out, start, cutAt - 1, midi);
        start = cutAt;
        pending = 0;
        recentCount = 0;
        dipped = false;
        noteLevel = level.length > i ? level[i] : 0;
        for (int k = cutAt; k <= i; k++) {
          if (!Double.isNaN(smooth[k])) {
            recent[recentCount++ % recent.length] = smooth[k];
          }
        }
      } else {
        recent[recentCount++ % recent.length] = smooth[i];
      }
      lastVoiced = i;
      gap = 0;
    }
    if (start >= 0) {
      close(out, start, lastVoiced, midi);
    }
    return out;
  }

  private static void close(List<Segment> out, int first, int last, double[] midi) {
    int voiced = 0;
    for (int k = first; k <= last; k++) {
      if (!Double.isNaN(midi[k])) {
        voiced++;
      }
    }
    if (voiced < MIN_FRAMES) {
      return;
    }
    out.add(new Segment(first, last, medianOf(midi, first, last)));
  }

  /** The median of the voiced values in {@code first..last}, NaN if none. */
  static double medianOf(double[] values, int first, int last) {
    double[] v = new double[last - first + 1];
    int k = 0;
    for (int i = first; i <= last; i++) {
      if (!Double.isNaN(values[i])) {
        v[k++] = values[i];
      }
    }
    return k == 0 ? Double.NaN : median(v, k);
  }

  /** A five-frame running median over voiced frames: one wild frame does not start a note. */
  private static double[] smoothed(double[] midi) {
    double[] out = new double[midi.length];
    double[] window = new double[5];
    for (int i = 0; i < midi.length; i++) {
      if (Double.isNaN(midi[i])) {
        out[i] = Double.NaN;
        continue;
      }
      int k = 0;
      for (int j = Math.max(0, i - 2); j <= Math.min(midi.length - 1, i + 2); j++) {
        if (!Double.isNaN(midi[j])) {
          window[k++] = midi[j];
        }
      }
      out[i] = median(window, k);
    }
    return out;
  }

  static double median(double[] v, int count) {
    double[] c = Arrays.copyOf(v, count);
    Arrays.sort(c);
    return count % 2 == 1 ? c[count / 2] : 0.5 * (c[count / 2 - 1] + c[count / 2]);
  }
}
