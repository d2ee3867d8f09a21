package cn.xinsheng.music.domain.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.music.domain.MusicRefusal;
import cn.xinsheng.music.domain.notation.Jianpu;
import cn.xinsheng.music.domain.notation.Tuning;
import cn.xinsheng.music.domain.synth.TakeSynthesizer;
import cn.xinsheng.music.domain.synth.Tone;
import cn.xinsheng.music.domain.synth.WavWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading and checking a syllabus package's {@code syllabus.json} and the files it names. */
class SyllabusSpecTest {

  @TempDir Path dir;

  private static final String SCALE =
      "title: D 大调音阶\nkey: 1=D\ntempo: 72\ntime: 4/4\n1 2 3 4 | 5 6 7 1' |";
  private static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0
  };

  private void files() throws Exception {
    Files.createDirectories(dir.resolve("items"));
    Files.createDirectories(dir.resolve("sheets"));
    Files.createDirectories(dir.resolve("audio"));
    Files.writeString(dir.resolve("items/scale.jianpu"), SCALE, StandardCharsets.UTF_8);
    Files.write(dir.resolve("sheets/scale.png"), PNG);
    Files.write(dir.resolve("sheets/scale.pdf"), "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
    Files.write(
        dir.resolve("audio/scale.wav"),
        WavWriter.pcm16(
            TakeSynthesizer.play(
                    Jianpu.parse(SCALE),
                    Tuning.STANDARD,
                    TakeSynthesizer.Playing.clean(8000, Tone.SINE))
                .audio()));
  }

  private static String item(String key, String kind, String sheet, String notation) {
    return "{\"key\": \""
        + key
        + "\", \"kind\": \""
        + kind
        + "\", \"title\": \"D 大调音阶\", \"tempoMark\": \"中速\", \"expectedSeconds\": 20,"
        + " \"notation\": \""
        + notation
        + "\", \"sheet\": \""
        + sheet
        + "\", \"reference\": \"audio/scale.wav\"}";
  }

  private void syllabus(String instrument, long level, String... items) throws IOException {
    Files.writeString(
        dir.resolve("syllabus.json"),
        "{\"syllabi\": [{\"instrument\": \""
            + instrument
            + "\", \"level\": "
            + level
            + ", \"title\": \"二胡一级\", \"items\": ["
            + String.join(", ", items)
            + "]}]}",
        StandardCharsets.UTF_8);
  }

  private MusicRefusal refused() {
    return assertThrows(MusicRefusal.class, () -> SyllabusSpec.read(dir));
  }

  @Test
  void readsSyllabiWithTheirItemsKeyTempoAndFiles() throws Exception {
    files();
    syllabus(
        "ERHU",
        1,
        item("erhu-1-scale", "SCALE", "sheets/scale.png", "items/scale.jianpu"),
        item("erhu-1-etude", "etude", "sheets/scale.pdf", "items/scale.jianpu"));
    SyllabusSpec spec = SyllabusSpec.read(dir);
    assertEquals(1, spec.syllabi().size());
    SyllabusSpec.Syllabus s = spec.syllabi().get(0);
    assertEquals("ERHU", s.instrument());
    assertEquals(1, s.level());
    assertEquals(2, s.items().size());
    SyllabusSpec.Item i = s.items().get(0);
    assertEquals(SyllabusSpec.Kind.SCALE, i.kind());
    assertEquals("1=D", i.piece().key().text());
    assertEquals(72.0, i.piece().tempoBpm());
    assertEquals(8, i.piece().expectedNotes(Tuning.STANDARD).size());
    assertEquals("D4", i.piece().expectedNotes(Tuning.STANDARD).get(0).name());
    assertEquals("image/png", i.sheetType());
    assertEquals(20, i.expectedSeconds());
    assertEquals(SyllabusSpec.Kind.ETUDE, s.items().get(1).kind());
    assertEquals("application/pdf", s.items().get(1).sheetType());
  }

  @Test
  void refusesWhatIsNotASyllabusPackage() throws Exception {
    MusicRefusal r = refused();
    assertEquals("syllabus.missing", r.code());
    assertTrue(r.zh().contains("syllabus.json") && r.en().contains("not a syllabus package"));
    Files.writeString(dir.resolve("syllabus.json"), "{\"syllabi\": [", StandardCharsets.UTF_8);
    assertEquals("syllabus.json", refused().code());
    Files.writeString(dir.resolve("syllabus.json"), "{\"syllabi\": []}", StandardCharsets.UTF_8);
    assertEquals("syllabus.empty", refused().code());
  }

  @Test
  void refusesBadLevelsInstrumentsKindsAndDuplicates() throws Exception {
    files();
    String ok = item("a", "SCALE", "sheets/scale.png", "items/scale.jianpu");
    syllabus("ERHU", 11, ok);
    MusicRefusal r = refused();
    assertEquals("syllabus.level", r.code());
    assertTrue(r.zh().contains("1–10") && r.en().contains("between 1 and 10"), r.getMessage());
    syllabus("erhu", 1, ok);
    assertEquals("syllabus.instrument", refused().code());
    syllabus("ERHU", 1, item("a", "SONG", "sheets/scale.png", "items/scale.jianpu"));
    assertEquals("syllabus.kind", refused().code());
    syllabus("ERHU", 1, ok, ok);
    assertEquals("syllabus.itemKey", refused().code());
    syllabus("ERHU", 1, item("A B", "SCALE", "sheets/scale.png", "items/scale.jianpu"));
    assertEquals("syllabus.itemKey", refused().code());
    syllabus("ERHU", 1);
    assertEquals("syllabus.noItems", refused().code());
    syllabus("ERHU", 1, ok.replace("\"expectedSeconds\": 20", "\"expectedSeconds\": 0"));
    assertEquals("syllabus.duration", refused().code());
    syllabus("ERHU", 1, ok.replace("\"tempoMark\": \"中速\", ", ""));
    assertEquals("syllabus.field", refused().code());
  }

  @Test
  void refusesBadNotationSheetsAndRecordingsAndPathsOutside() throws Exception {
    files();
    Files.writeString(
        dir.resolve("items/bad.jianpu"), "key: 1=D\ntempo: 72\n1 2 8", StandardCharsets.UTF_8);
    syllabus("ERHU", 1, item("a", "SCALE", "sheets/scale.png", "items/bad.jianpu"));
    MusicRefusal r = refused();
    assertEquals("syllabus.notation", r.code());
    assertTrue(r.zh().contains("简谱") && r.en().contains("'8'"), r.getMessage());
    Files.writeString(
        dir.resolve("items/nokey.jianpu"), "tempo: 72\n1 2 3", StandardCharsets.UTF_8);
    syllabus("ERHU", 1, item("a", "SCALE", "sheets/scale.png", "items/nokey.jianpu"));
    assertEquals("syllabus.notation", refused().code());
    Files.writeString(
        dir.resolve("sheets/fake.png"), "<svg onload=alert(1)>", StandardCharsets.UTF_8);
    syllabus("ERHU", 1, item("a", "SCALE", "sheets/fake.png", "items/scale.jianpu"));
    assertEquals("syllabus.sheet", refused().code());
    syllabus("ERHU", 1, item("a", "SCALE", "../outside.png", "items/scale.jianpu"));
    assertEquals("syllabus.file", refused().code());
    syllabus("ERHU", 1, item("a", "SCALE", "sheets/missing.png", "items/scale.jianpu"));
    assertEquals("syllabus.file", refused().code());
    syllabus(
        "ERHU",
        1,
        item("a", "SCALE", "sheets/scale.png", "items/scale.jianpu")
            .replace("audio/scale.wav", "sheets/scale.png"));
    assertEquals("syllabus.reference", refused().code());
  }
}
