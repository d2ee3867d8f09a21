package cn.xinsheng.music.domain.notation;

/** Names such as A4, C#5 or Bb3 for MIDI note numbers (C4 = 60, middle C). */
public final class PitchName {
  private static final String[] SHARPS = {
    "C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"
  };
  private static final String[] FLATS = {
    "C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B"
  };

  private PitchName() {}

  public static String of(int midi, boolean flats) {
    int pc = Math.floorMod(midi, 12);
    int octave = Math.floorDiv(midi, 12) - 1;
    return (flats ? FLATS[pc] : SHARPS[pc]) + octave;
  }

  /** The nearest equal-tempered note's name, for a take analysed without a score. */
  public static String nearest(double midi) {
    return of((int) Math.round(midi), false);
  }
}
