package cn.xinsheng.music.domain.synth;

import cn.xinsheng.music.domain.audio.PcmAudio;
import cn.xinsheng.music.domain.notation.ExpectedNote;
import cn.xinsheng.music.domain.notation.Piece;
import cn.xinsheng.music.domain.notation.Tuning;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Plays a 简谱 piece as a practice take: every note at its tempo with a tone colour, and a player's
 * imperfections on request — a tempo faster or slower than marked, uneven timing, notes a little
 * sharp or flat. What was really played comes back with the audio, so a test knows the truth.
 */
public final class TakeSynthesizer {

  /**
   * How the take is played.
   *
   * @param sampleRate samples per second
   * @param tone the instrument's sound
   * @param leadInSeconds silence before the first note
   * @param tempoScale played tempo over marked tempo (1.1 = 10 % fast)
   * @param timingJitter standard deviation of each onset's displacement, as a fraction of a beat
   * @param intonationCents standard deviation of each note's mistuning in cents (0: in tune)
   * @param gapSeconds silence between notes (articulation)
   * @param seed the random imperfections' seed
   */
  public record Playing(
      int sampleRate,
      Tone tone,
      double leadInSeconds,
      double tempoScale,
      double timingJitter,
      double intonationCents,
      double gapSeconds,
      long seed) {

    public static Playing clean(int sampleRate, Tone tone) {
      return new Playing(sampleRate, tone, 0.3, 1.0, 0, 0, 0.04, 1);
    }

    public Playing withTempo(double scale, double jitter) {
      return new Playing(
          sampleRate, tone, leadInSeconds, scale, jitter, intonationCents, gapSeconds, seed);
    }

    public Playing withIntonation(double cents, long newSeed) {
      return new Playing(
          sampleRate, tone, leadInSeconds, tempoScale, timingJitter, cents, gapSeconds, newSeed);
    }
  }

  /** A note as played: its index in the piece, its true frequency and its onset and end. */
  public record PlayedNote(int index, double hz, double onsetSeconds, double endSeconds) {}

  /** The take and what was played in it. */
  public record Take(PcmAudio audio, List<PlayedNote> played) {}

  private TakeSynthesizer() {}

  public static Take play(Piece piece, Tuning tuning, Playing p) {
    List<ExpectedNote> notes = piece.expectedNotes(tuning);
    Random random = new Random(p.seed());
    double spb = piece.secondsPerBeat() / p.tempoScale();
    int count = notes.size();
    double[] onsets = new double[count];
    double[] ends = new double[count];
    for (int i = 0; i < count; i++) {
      ExpectedNote e = notes.get(i);
      double jitter = p.timingJitter() == 0 ? 0 : random.nextGaussian() * p.timingJitter() * spb;
      onsets[i] = Math.max(0, p.leadInSeconds() + e.beatPosition() * spb + jitter);
      if (i > 0) {
        onsets[i] = Math.max(onsets[i], onsets[i - 1] + 0.1); // jitter never reorders notes
      }
      ends[i] = p.leadInSeconds() + (e.beatPosition() + e.beats()) * spb - p.gapSeconds();
    }
    List<PlayedNote> played = new ArrayList<>();
    double previousEnd = 0;
    for (int i = 0; i < count; i++) {
      // the player lets go before the next note starts, however early it comes
      double end = i + 1 < count ? Math.min(ends[i], onsets[i + 1] - p.gapSeconds()) : ends[i];
      end = Math.max(end, onsets[i] + 0.06);
      double cents = p.intonationCents() == 0 ? 0 : random.nextGaussian() * p.intonationCents();
      ExpectedNote e = notes.get(i);
      played.add(new PlayedNote(e.index(), e.hz() * Math.pow(2, cents / 1200), onsets[i], end));
      previousEnd = end;
    }
    double total = previousEnd + 0.5;
    float[] samples = new float[(int) Math.ceil(total * p.sampleRate())];
    for (PlayedNote n : played) {
      int start = (int) Math.round(n.onsetSeconds() * p.sampleRate());
      p.tone()
          .render(samples, start, p.sampleRate(), n.hz(), n.endSeconds() - n.onsetSeconds(), 0.5);
    }
    return new Take(new PcmAudio(p.sampleRate(), samples), played);
  }
}
