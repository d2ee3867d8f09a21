package cn.xinsheng.music.domain.notation;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key of a 简谱 piece, written {@code 1=D}: which pitch the degree 1 (do) sounds. Without an
 * octave the tonic lies in octave 4 (1=C is middle C, 1=D is the erhu's open inner string D4); an
 * octave may be given ({@code 1=G3}) for low instruments.
 */
public record Key(String text, int tonicMidi, boolean flats) {

  /** Semitones above the tonic of the degrees 1..7 of the major scale. */
  private static final int[] DEGREE = {0, 2, 4, 5, 7, 9, 11};

  private static final int[] LETTER = {9, 11, 0, 2, 4, 5, 7}; // A B C D E F G, as pitch classes

  private static final Pattern ACCIDENTAL_FIRST = Pattern.compile("([#b♯♭])([A-Ga-g])(\\d)?");
  private static final Pattern LETTER_FIRST = Pattern.compile("([A-Ga-g])([#b♯♭])?(\\d)?");

  /**
   * Parses what follows {@code 1=}, e.g. {@code D}, {@code bB}, {@code Bb}, {@code #F}, {@code G3}.
   */
  public static Key parse(String spec) throws IllegalArgumentException {
    String s = spec.strip();
    Matcher m = ACCIDENTAL_FIRST.matcher(s);
    String accidental;
    String letter;
    String octave;
    if (m.matches()) {
      accidental = m.group(1);
      letter = m.group(2);
      octave = m.group(3);
    } else {
      m = LETTER_FIRST.matcher(s);
      if (!m.matches()) {
        throw new IllegalArgumentException(s);
      }
      letter = m.group(1);
      accidental = m.group(2);
      octave = m.group(3);
    }
    char l = letter.toUpperCase(Locale.ROOT).charAt(0);
    int pc = LETTER[l - 'A'];
    int shift = 0;
    boolean flat = false;
    if (accidental != null) {
      shift = accidental.equals("#") || accidental.equals("♯") ? 1 : -1;
      flat = shift < 0;
    }
    int oct = octave == null ? 4 : Integer.parseInt(octave);
    if (oct < 1 || oct > 6) {
      throw new IllegalArgumentException(s);
    }
    int midi = 12 * (oct + 1) + pc + shift;
    // F major is written with B flat; the flat keys name their notes with flats
    boolean flats = flat || (l == 'F' && shift == 0);
    String name = l + (shift > 0 ? "#" : shift < 0 ? "b" : "") + (octave == null ? "" : octave);
    return new Key("1=" + name, midi, flats);
  }

  /** The MIDI note of a scale degree 1..7 with an accidental (-1, 0, +1) and octave marks. */
  public int midi(int degree, int accidental, int octaves) {
    return tonicMidi + DEGREE[degree - 1] + accidental + 12 * octaves;
  }
}
