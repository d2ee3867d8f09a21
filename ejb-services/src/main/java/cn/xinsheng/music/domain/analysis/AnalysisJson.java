package cn.xinsheng.music.domain.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The analysis as JSON, in the one shape the command line, the take's page and later the REST API
 * share: {@code {"sampleRate", "frames": [{t, hz|null, confidence}], "notes": [{expected,
 * expectedHz, start, end, medianHz, cents}], "tempo": {markedBpm, measuredBpm, deviationPercent,
 * variationPercent, maxDriftSeconds, intervals: [{from, to, beats, seconds, bpm}]}}}. What was not
 * heard or cannot be said is {@code null}, never a made-up number.
 */
public final class AnalysisJson {
  private AnalysisJson() {}

  public static String write(TakeAnalysis a) {
    StringBuilder out = new StringBuilder(64 + a.track().size() * 48 + a.notes().size() * 120);
    out.append("{\"sampleRate\": ").append(a.sampleRate()).append(", \"frames\": [");
    PitchTrack t = a.track();
    for (int i = 0; i < t.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      out.append("{\"t\": ");
      num(out, t.time(i), 3);
      out.append(", \"hz\": ");
      num(out, t.hz()[i], 2);
      out.append(", \"confidence\": ");
      num(out, t.confidence()[i], 3);
      out.append('}');
    }
    out.append("], \"notes\": [");
    boolean first = true;
    for (NoteResult n : a.notes()) {
      if (!first) {
        out.append(", ");
      }
      first = false;
      out.append("{\"expected\": \"").append(n.expected()).append("\", \"expectedHz\": ");
      num(out, n.expectedHz(), 2);
      out.append(", \"start\": ");
      num(out, n.startSeconds(), 3);
      out.append(", \"end\": ");
      num(out, n.endSeconds(), 3);
      out.append(", \"medianHz\": ");
      num(out, n.medianHz(), 2);
      out.append(", \"cents\": ");
      num(out, n.cents(), 1);
      out.append('}');
    }
    TempoResult tempo = a.tempo();
    out.append("], \"tempo\": {\"markedBpm\": ");
    num(out, tempo.markedBpm(), 1);
    out.append(", \"measuredBpm\": ");
    num(out, tempo.measuredBpm(), 1);
    out.append(", \"deviationPercent\": ");
    num(out, tempo.deviationPercent(), 1);
    out.append(", \"variationPercent\": ");
    num(out, tempo.variationPercent(), 1);
    out.append(", \"maxDriftSeconds\": ");
    num(out, tempo.maxDriftSeconds(), 3);
    out.append(", \"intervals\": [");
    first = true;
    for (TempoResult.Interval iv : tempo.intervals()) {
      if (!first) {
        out.append(", ");
      }
      first = false;
      out.append("{\"from\": ").append(iv.from()).append(", \"to\": ").append(iv.to());
      out.append(", \"beats\": ");
      num(out, iv.beats(), 3);
      out.append(", \"seconds\": ");
      num(out, iv.seconds(), 3);
      out.append(", \"bpm\": ");
      num(out, iv.bpm(), 1);
      out.append('}');
    }
    out.append("]}}");
    return out.toString();
  }

  /** A number rounded to {@code places} decimals, plain (no exponent), or null if NaN. */
  private static void num(StringBuilder out, double v, int places) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      out.append("null");
      return;
    }
    double scale = Math.pow(10, places);
    double r = Math.round(v * scale) / scale;
    if (r == 0) {
      out.append('0');
      return;
    }
    if (r == Math.rint(r) && Math.abs(r) < 1e15) {
      out.append((long) r);
      return;
    }
    out.append(
        BigDecimal.valueOf(r)
            .setScale(places, RoundingMode.HALF_UP)
            .stripTrailingZeros()
            .toPlainString());
  }
}
