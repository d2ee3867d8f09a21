package cn.xinsheng.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.music.domain.analysis.TakeAnalyser;
import cn.xinsheng.music.domain.analysis.TakeAnalysis;
import cn.xinsheng.music.domain.audio.AudioDecoding;
import cn.xinsheng.music.domain.catalogue.SyllabusSpec;
import cn.xinsheng.music.domain.notation.Jianpu;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's syllabus package is one the platform takes, and its synthesized takes analyse. */
class MusicDemoTest {

  @TempDir Path dir;

  @Test
  void theDemoSyllabiOfErhuAndDiziLevelsOneToFourPassTheImportChecks() throws Exception {
    SyllabusSpec spec = SyllabusSpec.read(MusicDemo.syllabusFolder(dir.resolve("s")));
    assertEquals(8, spec.syllabi().size());
    for (String instrument : new String[] {"ERHU", "DIZI"}) {
      for (int level = 1; level <= 4; level++) {
        int l = level;
        assertTrue(
            spec.syllabi().stream()
                .anyMatch(s -> s.instrument().equals(instrument) && s.level() == l),
            instrument + " " + level);
      }
    }
    int items = spec.syllabi().stream().mapToInt(s -> s.items().size()).sum();
    assertEquals(20, items);
    assertTrue(
        spec.syllabi().stream()
            .flatMap(s -> s.items().stream())
            .allMatch(i -> i.sheetType().equals("image/png")));
  }

  @Test
  void aDemoTakeIsAWavWhoseNotesTheAnalysisFinds() throws Exception {
    byte[] wav = MusicDemo.take("erhu-1-scale", 0);
    var audio = new AudioDecoding().decode(wav);
    var piece =
        Jianpu.parse(
            new String(MusicDemo.resource("items/erhu-1-scale.jianpu"), StandardCharsets.UTF_8));
    TakeAnalysis a = new TakeAnalyser().analyse(audio, Optional.of(piece));
    assertEquals(16, a.notes().size());
    long heard = a.notes().stream().filter(n -> n.heard()).count();
    assertTrue(heard >= 14, "notes heard: " + heard);
  }
}
