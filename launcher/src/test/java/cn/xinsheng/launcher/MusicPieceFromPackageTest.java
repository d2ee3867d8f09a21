package cn.xinsheng.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.NoteKey;
import cn.xinsheng.content.ContentPackage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code music analyse --piece PACKAGE.zip#ITEM}: a syllabus package's item as the score. */
class MusicPieceFromPackageTest {

  @TempDir Path dir;

  @SuppressWarnings("unchecked")
  @Test
  void analysesATakeAgainstAnItemOfASyllabusPackage() throws Exception {
    Path folder = MusicDemo.syllabusFolder(dir.resolve("s"));
    Path zip = dir.resolve("syllabi.zip");
    ContentPackage.pack(folder, "cn.test.music", 1, "t", "p", NoteKey.generate("publisher.t"), zip);
    Path wav = dir.resolve("take.wav");
    Files.write(wav, MusicDemo.take("dizi-2-scale", 0));
    MusicCommandTest.Run a =
        MusicCommandTest.run("music", "analyse", wav.toString(), "--piece", zip + "#dizi-2-scale");
    assertEquals(0, a.code(), a.err());
    Map<String, Object> json = (Map<String, Object>) MiniJson.parse(a.out().strip());
    List<Map<String, Object>> notes = (List<Map<String, Object>>) json.get("notes");
    assertEquals(16, notes.size());
    assertEquals("D5", notes.get(0).get("expected"));
    MusicCommandTest.Run missing =
        MusicCommandTest.run("music", "analyse", wav.toString(), "--piece", zip + "#no-such-item");
    assertEquals(1, missing.code());
    assertTrue(missing.err().contains("没有曲目") && missing.err().contains("no item"), missing.err());
  }
}
