package cn.xinsheng.music.domain.notation;

import cn.xinsheng.music.domain.MusicRefusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads 简谱 written as text (the format is in docs/music-jianpu.md):
 *
 * <pre>
 * title: 茉莉花（片段）
 * key: 1=F
 * tempo: 72
 * time: 2/4
 * 3 3_5_ 6_1'_1'_6_ | 5 5_6_ 5 - |
 * </pre>
 *
 * Digits 1–7 are the scale degrees and 0 a rest, each a quarter-note beat; {@code '} after a digit
 * raises it an octave and {@code ,} lowers it; {@code #} or {@code b} before it sharpens or
 * flattens it; each {@code _} halves it (an underline), {@code .} adds half (a dot), and a {@code
 * -} on its own lengthens the note before it by a beat. {@code |} marks bars, {@code %} starts a
 * comment. Anything else is refused with its line and column, so a syllabus never carries notation
 * that the aid would misread.
 */
public final class Jianpu {

  /** The longest text taken: a syllabus item is a page of music, not a book. */
  public static final int MAX_CHARS = 200_000;

  private static final Pattern HEADER =
      Pattern.compile("\\s*([A-Za-z\\p{IsHan}]+)\\s*[:：]\\s*(.*?)\\s*");
  private static final Pattern TEMPO = Pattern.compile("(?:(?:♩|q|Q)\\s*=\\s*)?(\\d+(?:\\.\\d+)?)");
  private static final Pattern TIME = Pattern.compile("(\\d{1,2})\\s*/\\s*(1|2|4|8|16)");

  private Jianpu() {}

  public static Piece parse(String text) throws MusicRefusal {
    if (text == null || text.isBlank()) {
      throw refusal("notation.empty", "简谱为空", "the notation is empty");
    }
    if (text.length() > MAX_CHARS) {
      throw refusal(
          "notation.tooLong",
          "简谱超过 " + MAX_CHARS + " 个字符",
          "the notation is longer than " + MAX_CHARS + " characters");
    }
    String title = null;
    Key key = null;
    Double tempo = null;
    Piece.TimeSignature time = null;
    List<ScoreNote> notes = new ArrayList<>();
    List<Integer> barEnds = new ArrayList<>(); // index into notes after which a bar line stands
    List<int[]> barLinePlaces = new ArrayList<>();
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    for (int ln = 0; ln < lines.length; ln++) {
      int lineNo = ln + 1;
      String line = lines[ln];
      int comment = line.indexOf('%');
      if (comment >= 0) {
        line = line.substring(0, comment);
      }
      if (lineNo == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isBlank()) {
        continue;
      }
      Matcher h = HEADER.matcher(line);
      if (h.matches()) {
        if (!notes.isEmpty()) {
          throw refusal(
              "notation.headerAfterNotes",
              "第 " + lineNo + " 行：标题项须写在音符之前",
              "line " + lineNo + ": headers go before the notes");
        }
        String name = h.group(1).toLowerCase(Locale.ROOT);
        String value = h.group(2);
        switch (name) {
          case "title", "标题" -> {
            title = once(title, value, name, lineNo);
          }
          case "key", "调", "调号" -> {
            if (key != null) {
              throw twice(name, lineNo);
            }
            key = key(value, lineNo);
          }
          case "tempo", "速度" -> {
            if (tempo != null) {
              throw twice(name, lineNo);
            }
            tempo = tempo(value, lineNo);
          }
          case "time", "拍号" -> {
            if (time != null) {
              throw twice(name, lineNo);
            }
            time = time(value, lineNo);
          }
          default ->
              throw refusal(
                  "notation.unknownHeader",
                  "第 " + lineNo + " 行：未知的标题项“" + h.group(1) + "”（可用 title、key、tempo、time）",
                  "line "
                      + lineNo
                      + ": unknown header '"
                      + h.group(1)
                      + "' (use title, key, tempo, time)");
        }
        continue;
      }
      if (key == null) {
        throw refusal(
            "notation.noKey",
            "第 " + lineNo + " 行：音符之前须写调号，例如 key: 1=D",
            "line " + lineNo + ": write the key before the notes, e.g. key: 1=D");
      }
      music(line, lineNo, key, notes, barEnds, barLinePlaces);
    }
    if (key == null) {
      throw refusal("notation.noKey", "缺少调号，例如 key: 1=D", "no key, e.g. key: 1=D");
    }
    if (tempo == null) {
      throw refusal("notation.noTempo", "缺少速度，例如 tempo: 72", "no tempo, e.g. tempo: 72");
    }
    if (notes.stream().allMatch(ScoreNote::isRest)) {
      throw refusal("notation.noNotes", "简谱中没有音符", "the notation has no notes");
    }
    if (time != null) {
      checkBars(time, notes, barEnds, barLinePlaces);
    }
    return new Piece(title == null ? "" : title, key, tempo, Optional.ofNullable(time), notes);
  }

  private static void music(
      String line,
      int lineNo,
      Key key,
      List<ScoreNote> notes,
      List<Integer> barEnds,
      List<int[]> barLinePlaces)
      throws MusicRefusal {
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      int col = i + 1;
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '|') {
        while (i < n && line.charAt(i) == '|') {
          i++;
        }
        if (barEnds.isEmpty() || barEnds.get(barEnds.size() - 1) != notes.size()) {
          barEnds.add(notes.size());
          barLinePlaces.add(new int[] {lineNo, col});
        }
      } else if (c == '-') {
        if (notes.isEmpty()) {
          throw at("notation.dashFirst", lineNo, col, "“-”前面没有音符", "'-' follows no note");
        }
        int last = notes.size() - 1;
        notes.set(last, notes.get(last).longer(1.0));
        i++;
      } else {
        int accidental = 0;
        if (c == '#' || c == '♯' || c == 'b' || c == '♭') {
          accidental = (c == '#' || c == '♯') ? 1 : -1;
          i++;
          if (i >= n || line.charAt(i) < '1' || line.charAt(i) > '7') {
            throw at(
                "notation.badAccidental",
                lineNo,
                col,
                "升降号“" + c + "”后须紧跟音符 1–7",
                "the accidental '" + c + "' must stand right before a note 1–7");
          }
          c = line.charAt(i);
        }
        if (c < '0' || c > '7') {
          throw at(
              "notation.badToken",
              lineNo,
              col,
              "无法识别的符号“" + c + "”（可用 0–7、#、b、'、,、_、.、-、|）",
              "cannot read '" + c + "' (use 0–7, #, b, ', comma, _, ., -, |)");
        }
        int degree = c - '0';
        i++;
        int octaves = 0;
        while (i < n && (line.charAt(i) == '\'' || line.charAt(i) == ',')) {
          octaves += line.charAt(i) == '\'' ? 1 : -1;
          i++;
        }
        int underlines = 0;
        while (i < n && line.charAt(i) == '_') {
          underlines++;
          i++;
        }
        int dots = 0;
        while (i < n && line.charAt(i) == '.') {
          dots++;
          i++;
        }
        if (degree == 0 && (accidental != 0 || octaves != 0)) {
          throw at(
              "notation.restPitch",
              lineNo,
              col,
              "休止符 0 不能带升降号或八度点",
              "a rest (0) takes no accidental or octave mark");
        }
        if (Math.abs(octaves) > 3) {
          throw at("notation.octaves", lineNo, col, "八度记号超过三个", "more than three octave marks");
        }
        if (underlines > 3) {
          throw at(
              "notation.underlines",
              lineNo,
              col,
              "减时线超过三条（最短为三十二分音符）",
              "more than three underlines (a 32nd note is the shortest)");
        }
        if (dots > 2) {
          throw at("notation.dots", lineNo, col, "附点超过两个", "more than two dots");
        }
        double beats = 1.0 / (1 << underlines);
        beats *= dots == 0 ? 1.0 : dots == 1 ? 1.5 : 1.75;
        OptionalInt midi =
            degree == 0
                ? OptionalInt.empty()
                : OptionalInt.of(key.midi(degree, accidental, octaves));
        if (midi.isPresent() && (midi.getAsInt() < 21 || midi.getAsInt() > 108)) {
          throw at(
              "notation.range",
              lineNo,
              col,
              "音高超出钢琴音域（A0–C8）",
              "the pitch lies outside a piano's range (A0–C8)");
        }
        notes.add(new ScoreNote(midi, beats, lineNo, col));
      }
    }
  }

  /** Each complete bar holds the signature's beats; the first may be a pickup, the last short. */
  private static void checkBars(
      Piece.TimeSignature time, List<ScoreNote> notes, List<Integer> barEnds, List<int[]> places)
      throws MusicRefusal {
    double bar = time.quarterBeatsPerBar();
    int from = 0;
    for (int b = 0; b < barEnds.size(); b++) {
      int to = barEnds.get(b);
      double beats = 0;
      for (int k = from; k < to; k++) {
        beats += notes.get(k).beats();
      }
      boolean pickup = b == 0 && beats < bar;
      if (Math.abs(beats - bar) > 1e-9 && !pickup && to > from) {
        int[] at = places.get(b);
        throw refusal(
            "notation.barLength",
            "第 "
                + at[0]
                + " 行第 "
                + at[1]
                + " 列：第 "
                + (b + 1)
                + " 小节有 "
                + fmt(beats)
                + " 拍，拍号 "
                + time
                + " 要求 "
                + fmt(bar)
                + " 拍",
            "line "
                + at[0]
                + ", column "
                + at[1]
                + ": bar "
                + (b + 1)
                + " has "
                + fmt(beats)
                + " beats, time "
                + time
                + " needs "
                + fmt(bar));
      }
      from = to;
    }
    double rest = 0;
    for (int k = from; k < notes.size(); k++) {
      rest += notes.get(k).beats();
    }
    if (rest > bar + 1e-9) {
      ScoreNote first = notes.get(from);
      throw refusal(
          "notation.barLength",
          "第 "
              + first.line()
              + " 行起的最后一小节有 "
              + fmt(rest)
              + " 拍，拍号 "
              + time
              + " 只容 "
              + fmt(bar)
              + " 拍",
          "the last bar, from line "
              + first.line()
              + ", has "
              + fmt(rest)
              + " beats, time "
              + time
              + " holds "
              + fmt(bar));
    }
  }

  private static String fmt(double beats) {
    return beats == Math.rint(beats)
        ? Long.toString((long) beats)
        : String.format(Locale.ROOT, "%.3f", beats).replaceAll("0+$", "");
  }

  private static Key key(String value, int lineNo) throws MusicRefusal {
    String v = value.replace('＝', '=').replace(" ", "");
    if (v.startsWith("1=")) {
      try {
        return Key.parse(v.substring(2));
      } catch (IllegalArgumentException e) {
        // fall through to the refusal
      }
    }
    throw refusal(
        "notation.badKey",
        "第 " + lineNo + " 行：无法识别的调号“" + value + "”（例如 1=D、1=bB、1=G3）",
        "line " + lineNo + ": cannot read the key '" + value + "' (e.g. 1=D, 1=bB, 1=G3)");
  }

  private static double tempo(String value, int lineNo) throws MusicRefusal {
    Matcher m = TEMPO.matcher(value.replace(" ", ""));
    if (m.matches()) {
      double bpm = Double.parseDouble(m.group(1));
      if (bpm >= 20 && bpm <= 320) {
        return bpm;
      }
    }
    throw refusal(
        "notation.badTempo",
        "第 " + lineNo + " 行：速度“" + value + "”须为每分钟 20–320 拍（四分音符）",
        "line "
            + lineNo
            + ": the tempo '"
            + value
            + "' must be 20–320 quarter-note beats per minute");
  }

  private static Piece.TimeSignature time(String value, int lineNo) throws MusicRefusal {
    Matcher m = TIME.matcher(value);
    if (m.matches()) {
      int n = Integer.parseInt(m.group(1));
      if (n >= 1) {
        return new Piece.TimeSignature(n, Integer.parseInt(m.group(2)));
      }
    }
    throw refusal(
        "notation.badTime",
        "第 " + lineNo + " 行：无法识别的拍号“" + value + "”（例如 2/4、3/4、6/8）",
        "line " + lineNo + ": cannot read the time signature '" + value + "' (e.g. 2/4, 3/4, 6/8)");
  }

  private static String once(String old, String value, String name, int lineNo)
      throws MusicRefusal {
    if (old != null) {
      throw twice(name, lineNo);
    }
    return value;
  }

  private static MusicRefusal twice(String name, int lineNo) {
    return refusal(
        "notation.duplicateHeader",
        "第 " + lineNo + " 行：“" + name + "”写了两次",
        "line " + lineNo + ": '" + name + "' is given twice");
  }

  private static MusicRefusal at(String code, int line, int col, String zh, String en) {
    return refusal(
        code,
        "第 " + line + " 行第 " + col + " 列：" + zh,
        "line " + line + ", column " + col + ": " + en);
  }

  private static MusicRefusal refusal(String code, String zh, String en) {
    return new MusicRefusal(code, zh, en);
  }
}
