package cn.xinsheng.music.domain.notation;

import java.util.OptionalInt;

/**
 * One note or rest as written: its pitch (none for a rest, 0 in 简谱) and its length in beats, a beat
 * being a quarter note (a plain digit); {@code line} and {@code column} point into the text.
 */
public record ScoreNote(OptionalInt midi, double beats, int line, int column) {

  public ScoreNote {
    if (!(beats > 0)) {
      throw new IllegalArgumentException("a note lasts longer than nothing");
    }
  }

  public boolean isRest() {
    return midi.isEmpty();
  }

  ScoreNote longer(double extraBeats) {
    return new ScoreNote(midi, beats + extraBeats, line, column);
  }
}
