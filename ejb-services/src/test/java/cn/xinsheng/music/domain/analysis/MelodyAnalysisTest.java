package cn.xinsheng.music.domain.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.music.domain.MusicRefusal;
import cn.xinsheng.music.domain.notation.Jianpu;
import cn.xinsheng.music.domain.notation.Piece;
import cn.xinsheng.music.domain.notation.Tuning;
import cn.xinsheng.music.domain.synth.TakeSynthesizer;
import cn.xinsheng.music.domain.synth.TakeSynthesizer.PlayedNote;
import cn.xinsheng.music.domain.synth.TakeSynthesizer.Playing;
import cn.xinsheng.music.domain.synth.Tone;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Whole takes synthesized from 简谱: note changes, repeated notes, held notes and rests, played in
 * and out of tune and tempo; the analysis must find every note, its intonation within 5 cents of
 * what was really played, its onset, and the tempo.
 */
class MelodyAnalysisTest {

  /** 茉莉花 (a Jiangsu folk song, public domain), the opening phrases. */
  static final String JASMINE =
      """
      title: 茉莉花
      key: 1=F
      tempo: 72
      time: 2/4
      3 3_5_ | 6_1'_1'_6_ | 5 5_6_ | 5 - | 3 3_5_ | 6_1'_1'_6_ | 5 5_6_ | 5 - |
      5 5 | 5 3_5_ | 6 6 | 5 - | 3 2_3_ | 5 3_2_ | 1 1_2_ | 1 - |
      """;

  /** A two-octave D major scale for the erhu, up and down, in eighths. */
  static final String SCALE =
      """
      title: D 大调两个八度音阶
      key: 1=D
      tempo: 96
      1_2_3_4_ 5_6_7_1'_ | 2'_3'_4'_5'_ 6'_7'_1''_7'_ | 6'_5'_4'_3'_ 2'_1'_7_6_ | 5_4_3_2_ 1 0 |
      """;

  static Piece piece(String text) {
    try {
      return Jianpu.parse(text);
    } catch (MusicRefusal e) {
      throw new AssertionError(e);
    }
  }

  record Outcome(TakeAnalysis analysis, List<PlayedNote> played) {}

  static Outcome take(String text, Playing playing) {
    Piece p = piece(text);
    TakeSynthesizer.Take take = TakeSynthesizer.play(p, Tuning.STANDARD, playing);
    return new Outcome(new TakeAnalyser().analyse(take.audio(), Optional.of(p)), take.played());
  }

  /** |measured − true| in cents for every note, and the onsets within {@code onsetSlack} s. */
  static double[] errors(Outcome o, double onsetSlack) {
    List<NoteResult> notes = o.analysis().notes();
    assertEquals(o.played().size(), notes.size());
    double[] err = new double[notes.size()];
    for (int i = 0; i < notes.size(); i++) {
      NoteResult n = notes.get(i);
      PlayedNote truth = o.played().get(i);
      assertTrue(n.heard(), "note " + i + " (" + n.expected() + ") was not found");
      double trueCents = Tuning.cents(truth.hz(), n.expectedHz());
      err[i] = Math.abs(n.cents() - trueCents);
      assertEquals(
          truth.onsetSeconds(), n.startSeconds(), onsetSlack, "onset of note " + i + ": " + n);
    }
    return err;
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  @Test
  void aCleanTakeMatchesEveryNoteAndTheTempo() {
    Outcome o = take(JASMINE, Playing.clean(44100, Tone.BOWED));
    double[] err = errors(o, 0.03);
    assertTrue(Arrays.stream(err).max().getAsDouble() <= 1.0, Arrays.toString(err));
    TempoResult t = o.analysis().tempo();
    assertEquals(72, t.markedBpm());
    assertEquals(72, t.measuredBpm(), 0.72, "within 1 %");
    assertTrue(t.variationPercent() < 3, "steady: " + t.variationPercent());
    assertTrue(t.maxDriftSeconds() < 0.03, "no drift: " + t.maxDriftSeconds());
    assertEquals(o.played().size() - 1, t.intervals().size());
  }

  @Test
  void intonationErrorsAreMeasuredPerNoteInCents() {
    // every note mistuned at random by about 20 cents, as a learner plays
    Outcome o = take(SCALE, Playing.clean(48000, Tone.BOWED).withIntonation(20, 42));
    double[] err = errors(o, 0.03);
    System.out.printf(
        Locale.ROOT,
        "melody (scale, ±20¢ mistuned): median |error| %.3f¢, worst %.3f¢%n",
        median(err),
        Arrays.stream(err).max().getAsDouble());
    assertTrue(Arrays.stream(err).max().getAsDouble() <= 5.0, Arrays.toString(err));
    // the mistuning is reported, not smoothed away
    double spread =
        o.analysis().notes().stream().mapToDouble(n -> Math.abs(n.cents())).average().orElse(0);
    assertTrue(spread > 8, "mistuning visible: " + spread);
  }

  @Test
  void vibratoNoiseAndASlowerUnevenTempo() {
    Tone erhu = new Tone(10, 1.0, 25, 5.8, 30, 9);
    Outcome o =
        take(JASMINE, Playing.clean(44100, erhu).withTempo(0.9, 0.04).withIntonation(12, 7));
    double[] err = errors(o, 0.05);
    System.out.printf(
        Locale.ROOT,
        "melody (jasmine, vibrato ±25¢, noise 30 dB, tempo ×0.9 with jitter): median |error| %.3f¢,"
            + " worst %.3f¢; tempo %.1f against 72 marked (%.1f%%), variation %.1f%%%n",
        median(err),
        Arrays.stream(err).max().getAsDouble(),
        o.analysis().tempo().measuredBpm(),
        o.analysis().tempo().deviationPercent(),
        o.analysis().tempo().variationPercent());
    assertTrue(median(err) <= 5.0, Arrays.toString(err));
    TempoResult t = o.analysis().tempo();
    assertEquals(72 * 0.9, t.measuredBpm(), 72 * 0.02, "the slower tempo is measured");
    assertEquals(-10, t.deviationPercent(), 2.5);
    assertTrue(
        t.variationPercent() > 3, "the jitter shows as instability: " + t.variationPercent());
  }

  @Test
  void aMissedNoteAndAWrongNoteAreShownAsSuch() {
    // the take leaves out the 4th note (D5) and plays the 6th a semitone sharp (#1' for 1')
    String played = JASMINE.replaceFirst("6_1'_1'_6_", "0_1'_#1'_6_");
    Piece score = piece(JASMINE);
    Piece performance = piece(played);
    TakeSynthesizer.Take take =
        TakeSynthesizer.play(performance, Tuning.STANDARD, Playing.clean(44100, Tone.BOWED));
    TakeAnalysis a = new TakeAnalyser().analyse(take.audio(), Optional.of(score));
    List<NoteResult> notes = a.notes();
    assertEquals(score.expectedNotes(Tuning.STANDARD).size(), notes.size());
    assertFalse(notes.get(3).heard(), "the left-out D5: " + notes.get(3));
    assertTrue(Double.isNaN(notes.get(3).cents()));
    assertEquals(
        100, notes.get(5).cents(), 5, "the wrong note is a semitone sharp: " + notes.get(5));
    for (int i = 0; i < notes.size(); i++) {
      if (i != 3 && i != 5) {
        assertTrue(notes.get(i).heard(), "note " + i);
        assertEquals(0, notes.get(i).cents(), 2, "note " + i + ": " + notes.get(i));
      }
    }
  }

  @Test
  void withoutAScoreTheNotesAreNamedAfterTheNearest() {
    Piece p = piece(SCALE);
    TakeSynthesizer.Take take =
        TakeSynthesizer.play(p, Tuning.STANDARD, Playing.clean(44100, Tone.BOWED));
    TakeAnalysis a = new TakeAnalyser().analyse(take.audio(), Optional.empty());
    assertEquals(
        p.expectedNotes(Tuning.STANDARD).stream().map(e -> e.name()).toList(),
        a.notes().stream().map(NoteResult::expected).toList());
    assertTrue(Double.isNaN(a.tempo().markedBpm()));
    assertTrue(a.tempo().variationPercent() < 3, "even eighths: " + a.tempo().variationPercent());
  }

  @Test
  void progressRisesToOne() {
    Piece p = piece(SCALE);
    TakeSynthesizer.Take take =
        TakeSynthesizer.play(p, Tuning.STANDARD, Playing.clean(22050, Tone.BOWED));
    double[] last = {-1};
    int[] calls = {0};
    new TakeAnalyser()
        .analyse(
            take.audio(),
            Optional.of(p),
            v -> {
              assertTrue(v >= last[0] && v <= 1, "progress " + v + " after " + last[0]);
              last[0] = v;
              calls[0]++;
            });
    assertEquals(1.0, last[0]);
    assertTrue(calls[0] > 10);
  }
}
