package cn.xinsheng.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/xinsheng music synth} and {@code music analyse}, in process. */
class MusicCommandTest {

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int code = XinshengCommand.run(args);
      return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @SuppressWarnings("unchecked")
  @Test
  void synthesizesATakeAndAnalysesItAgainstThePiece() throws Exception {
    Path piece = dir.resolve("scale.jianpu");
    Files.writeString(piece, "title: 音阶\nkey: 1=D\ntempo: 80\ntime: 4/4\n1 2 3 4 | 5 6 7 1' |\n");
    Path wav = dir.resolve("take.wav");
    Run synth =
        run("music", "synth", piece.toString(), "--out", wav.toString(), "--tempo-scale", "1.1");
    assertEquals(0, synth.code(), synth.err());
    assertTrue(synth.out().contains("8 notes"), synth.out());
    Run a = run("music", "analyse", wav.toString(), "--piece", piece.toString());
    assertEquals(0, a.code(), a.err());
    Map<String, Object> json = (Map<String, Object>) MiniJson.parse(a.out().strip());
    assertEquals(44100.0, json.get("sampleRate"));
    List<Map<String, Object>> notes = (List<Map<String, Object>>) json.get("notes");
    assertEquals(
        List.of("D4", "E4", "F#4", "G4", "A4", "B4", "C#5", "D5"),
        notes.stream().map(n -> n.get("expected")).toList());
    for (Map<String, Object> n : notes) {
      assertEquals(0, (Double) n.get("cents"), 1.0, n.toString());
    }
    Map<String, Object> tempo = (Map<String, Object>) json.get("tempo");
    assertEquals(80.0, tempo.get("markedBpm"));
    assertEquals(88.0, (Double) tempo.get("measuredBpm"), 1.0);
  }

  @Test
  void refusesWhatItCannotAnalyseInBothLanguages() throws Exception {
    Path letter = dir.resolve("take.wav");
    Files.writeString(letter, "Dear Sir, this is not a recording, whatever its name says.");
    Run r = run("music", "analyse", letter.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("不看文件名") && r.err().contains("not its name"), r.err());
    assertTrue(r.out().isEmpty(), "nothing on stdout: " + r.out());

    Run missing = run("music", "analyse", dir.resolve("nothing.wav").toString());
    assertEquals(1, missing.code());
    assertTrue(missing.err().contains("找不到录音文件"), missing.err());

    Path bad = dir.resolve("bad.jianpu");
    Files.writeString(bad, "key: 1=D\ntempo: 80\n1 2 9\n");
    Run notation = run("music", "analyse", letter.toString(), "--piece", bad.toString());
    assertEquals(1, notation.code());
    assertTrue(
        notation.err().contains("第 3 行第 5 列") && notation.err().contains("line 3, column 5"),
        notation.err());
  }
}
