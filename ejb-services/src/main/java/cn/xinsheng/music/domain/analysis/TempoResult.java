package cn.xinsheng.music.domain.analysis;

import java.util.List;

/**
 * Tempo stability from the onsets of the notes heard. With a score: the tempo played (a straight
 * line fitted through onset against beat), its deviation from the marked tempo, how much the tempo
 * between successive notes varies, and the furthest any onset strays from the steady line. Without
 * one, only the spread of the intervals between onsets. NaN where there is too little to say.
 *
 * @param markedBpm the score's tempo (quarter notes per minute)
 * @param measuredBpm the tempo played
 * @param deviationPercent measured against marked, in percent (negative: slower)
 * @param variationPercent coefficient of variation of the note-to-note tempo, in percent
 * @param maxDriftSeconds the largest distance of an onset from the fitted steady tempo
 * @param intervals note-to-note tempo, from one heard note's onset to the next's
 */
public record TempoResult(
    double markedBpm,
    double measuredBpm,
    double deviationPercent,
    double variationPercent,
    double maxDriftSeconds,
    List<Interval> intervals) {

  public TempoResult {
    intervals = List.copyOf(intervals);
  }

  /** From note {@code from} to note {@code to}: beats apart in the score, seconds apart played. */
  public record Interval(int from, int to, double beats, double seconds, double bpm) {}
}
