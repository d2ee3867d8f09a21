package cn.xinsheng.music.domain.notation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.music.domain.MusicRefusal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JianpuTest {

  private static final String JASMINE =
      """
      % 茉莉花（江苏民歌，片段）
      title: 茉莉花
      key: 1=F
      tempo: 72
      time: 2/4
      3 3_5_ | 6_1'_1'_6_ | 5 5_6_ | 5 - |
      """;

  @Test
  void readsKeyTempoDurationsAndOctaves() throws MusicRefusal {
    Piece p = Jianpu.parse(JASMINE);
    assertEquals("茉莉花", p.title());
    assertEquals("1=F", p.key().text());
    assertEquals(72, p.tempoBpm());
    assertEquals("2/4", p.time().orElseThrow().toString());
    List<ExpectedNote> e = p.expectedNotes(Tuning.STANDARD);
    // 3 in F is A4; 1' is F5; the dash makes the last 5 (C5) two beats
    assertEquals(
        List.of("A4", "A4", "C5", "D5", "F5", "F5", "D5", "C5", "C5", "D5", "C5"),
        e.stream().map(ExpectedNote::name).toList());
    assertEquals(440.0, e.get(0).hz(), 1e-9);
    assertEquals(698.456, e.get(4).hz(), 1e-3); // F5
    assertEquals(2.0, e.get(10).beats());
    assertEquals(8.0, p.totalBeats());
    // onsets at 72 per minute: a beat is 5/6 s
    assertEquals(0.0, e.get(0).onsetSeconds(), 1e-9);
    assertEquals(60.0 / 72, e.get(1).onsetSeconds(), 1e-9);
    assertEquals(1.5 * 60 / 72, e.get(2).onsetSeconds(), 1e-9);
    assertEquals(6.0 * 60 / 72, e.get(10).onsetSeconds(), 1e-9);
  }

  @Test
  void concertPitchIsAParameter() throws MusicRefusal {
    Piece p = Jianpu.parse("key: 1=D\ntempo: 60\n5 1'");
    assertEquals(442.0, p.expectedNotes(new Tuning(442)).get(0).hz(), 1e-9); // 5 in D is A4
    assertEquals(440.0 * Math.pow(2, 5 / 12.0), p.expectedNotes(Tuning.STANDARD).get(1).hz(), 1e-9);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "1=C  | 1    | C4",
        "1=D  | 1    | D4",
        "1=bB | 1    | Bb4",
        "1=Bb | 3    | D5",
        "1=#F | 1    | F#4",
        "1=G3 | 1    | G3",
        "1=G  | 6,   | E4",
        "1=D  | #4   | G#4",
        "1=D  | b7   | C5",
        "1=C  | 1''  | C6",
        "1=E  | 7,,  | D#3",
      })
  void namesPitchesInTheirKey(String key, String note, String name) throws MusicRefusal {
    Piece p = Jianpu.parse("key: " + key + "\ntempo: 90\n" + note);
    assertEquals(name, p.expectedNotes(Tuning.STANDARD).get(0).name());
  }

  @Test
  void underlinesDotsDashesAndRests() throws MusicRefusal {
    Piece p = Jianpu.parse("调: 1=C\n速度: 120\n1. 2_ | 3__3__3_ 0 | 5 - - - |");
    List<Double> beats = p.notes().stream().map(ScoreNote::beats).toList();
    assertEquals(List.of(1.5, 0.5, 0.25, 0.25, 0.5, 1.0, 4.0), beats);
    assertTrue(p.notes().get(5).isRest());
    List<ExpectedNote> e = p.expectedNotes(Tuning.STANDARD);
    assertEquals(6, e.size(), "a rest is no expected note");
    assertEquals(4.0, e.get(5).beatPosition(), 1e-9, "but it moves time on");
    assertEquals(2.0, e.get(5).onsetSeconds(), 1e-9);
  }

  @Test
  void aLeadingRestIsNotWaitedFor() throws MusicRefusal {
    Piece p = Jianpu.parse("key: 1=C\ntempo: 60\n0 0 1 2");
    assertEquals(0.0, p.expectedNotes(Tuning.STANDARD).get(0).onsetSeconds());
    assertEquals(1.0, p.expectedNotes(Tuning.STANDARD).get(1).onsetSeconds());
  }

  @Test
  void aPickupBarIsAllowedButAWrongBarIsNot() throws MusicRefusal {
    Jianpu.parse("key: 1=C\ntempo: 60\ntime: 3/4\n5 | 1 2 3 | 5 - - | 1");
    MusicRefusal r =
        assertThrows(
            MusicRefusal.class,
            () -> Jianpu.parse("key: 1=C\ntempo: 60\ntime: 3/4\n1 2 3 | 5 - - - | 1 2 3 |"));
    assertEquals("notation.barLength", r.code());
    assertTrue(r.zh().contains("第 2 小节有 4 拍"), r.zh());
    assertTrue(r.en().contains("bar 2 has 4 beats, time 3/4 needs 3"), r.en());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''                                             | notation.empty          | 简谱为空        | empty",
        "'tempo: 60\n1 2'                               | notation.noKey          | 调号            | key",
        "'key: 1=C\n1 2'                                | notation.noTempo        | 速度            | tempo",
        "'key: 1=H\ntempo: 60\n1'                       | notation.badKey         | 1=H             | key '1=H'",
        "'key: 1=C\ntempo: 500\n1'                      | notation.badTempo       | 20–320          | 20–320",
        "'key: 1=C\ntempo: 60\ntime: 3/5\n1'            | notation.badTime        | 3/5             | 3/5",
        "'key: 1=C\ntempo: 60\n1 2 8'                   | notation.badToken       | 第 3 行第 5 列  | line 3, column 5",
        "'key: 1=C\ntempo: 60\n- 1'                     | notation.dashFirst      | 第 3 行第 1 列  | '-' follows no note",
        "'key: 1=C\ntempo: 60\n#0'                      | notation.badAccidental  | 升降号          | accidental",
        "'key: 1=C\ntempo: 60\n1____'                   | notation.underlines     | 减时线          | underlines",
        "'key: 1=C\ntempo: 60\n0 0'                     | notation.noNotes        | 没有音符        | no notes",
        "'key: 1=C\nkey: 1=D\ntempo: 60\n1'             | notation.duplicateHeader| 两次            | twice",
        "'key: 1=C\ntempo: 60\nspeed: 3\n1'             | notation.unknownHeader  | speed           | unknown header",
        "'key: 1=C\n1 2\ntempo: 60'                     | notation.headerAfterNotes | 第 3 行       | line 3",
      })
  void refusesBadNotationInBothLanguages(String text, String code, String zh, String en) {
    MusicRefusal r = assertThrows(MusicRefusal.class, () -> Jianpu.parse(text));
    assertEquals(code, r.code(), r.getMessage());
    assertTrue(r.zh().contains(zh), r.zh());
    assertTrue(r.en().contains(en), r.en());
    assertFalse(r.zh().isBlank() || r.en().isBlank());
  }

  @Test
  void refusesMarksThatMakeNoSense() {
    MusicRefusal rest =
        assertThrows(MusicRefusal.class, () -> Jianpu.parse("key: 1=C\ntempo: 60\n0'"));
    assertEquals("notation.restPitch", rest.code());
    assertTrue(rest.zh().contains("休止符") && rest.en().contains("rest"), rest.getMessage());
    MusicRefusal octaves =
        assertThrows(MusicRefusal.class, () -> Jianpu.parse("key: 1=C\ntempo: 60\n1''''"));
    assertEquals("notation.octaves", octaves.code());
    assertTrue(octaves.zh().contains("第 3 行第 1 列"), octaves.zh());
  }

  @Test
  void refusesPitchesNoInstrumentPlays() {
    MusicRefusal r =
        assertThrows(MusicRefusal.class, () -> Jianpu.parse("key: 1=C6\ntempo: 60\n1'''"));
    assertEquals("notation.range", r.code());
  }

  @Test
  void refusesABook() {
    String huge = "key: 1=C\ntempo: 60\n" + "1 ".repeat(Jianpu.MAX_CHARS);
    assertEquals(
        "notation.tooLong", assertThrows(MusicRefusal.class, () -> Jianpu.parse(huge)).code());
  }
}
