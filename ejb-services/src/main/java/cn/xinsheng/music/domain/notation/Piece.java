package cn.xinsheng.music.domain.notation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A piece (a scale, an etude or a set piece of a syllabus) read from 简谱: key, tempo as quarter
 * notes per minute, an optional time signature, and its notes and rests in order.
 */
public record Piece(
    String title, Key key, double tempoBpm, Optional<TimeSignature> time, List<ScoreNote> notes) {

  public Piece {
    notes = List.copyOf(notes);
  }

  /** Bars of {@code n/d}: n notes of 1/d, so a bar is {@code n * 4 / d} quarter-note beats. */
  public record TimeSignature(int beatsPerBar, int beatUnit) {
    public double quarterBeatsPerBar() {
      return beatsPerBar * 4.0 / beatUnit;
    }

    @Override
    public String toString() {
      return beatsPerBar + "/" + beatUnit;
    }
  }

  /** The length in quarter-note beats, rests included. */
  public double totalBeats() {
    return notes.stream().mapToDouble(ScoreNote::beats).sum();
  }

  /** Seconds per quarter-note beat at the marked tempo. */
  public double secondsPerBeat() {
    return 60.0 / tempoBpm;
  }

  /**
   * The sounding notes (rests only move time on) with their frequencies at {@code tuning} and their
   * onsets at the marked tempo, the first note sounding at 0 s.
   */
  public List<ExpectedNote> expectedNotes(Tuning tuning) {
    List<ExpectedNote> out = new ArrayList<>();
    double position = 0;
    double spb = secondsPerBeat();
    for (ScoreNote n : notes) {
      if (!n.isRest()) {
        int midi = n.midi().getAsInt();
        out.add(
            new ExpectedNote(
                out.size(),
                PitchName.of(midi, key.flats()),
                midi,
                tuning.hz(midi),
                position,
                n.beats(),
                position * spb,
                n.beats() * spb));
      }
      position += n.beats();
    }
    if (!out.isEmpty() && out.get(0).beatPosition() > 0) {
      // a leading rest is not waited for: the take starts with its first sounding note
      double shift = out.get(0).beatPosition();
      out.replaceAll(
          e ->
              new ExpectedNote(
                  e.index(),
                  e.name(),
                  e.midi(),
                  e.hz(),
                  e.beatPosition() - shift,
                  e.beats(),
                  (e.beatPosition() - shift) * spb,
                  e.durationSeconds()));
    }
    return out;
  }
}
