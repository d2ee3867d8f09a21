package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/xinsheng music analyse} as an operator runs it, offline: the launcher jar in a process
 * of its own, with no server and no database — a take synthesized from 简谱, analysed against the
 * piece, and a file that is no audio refused.
 */
class MusicAnalyseIT {

  @TempDir Path dir;

  @Test
  void analysesATakeOfflineAndPrintsTheJson() throws Exception {
    Path piece = dir.resolve("jasmine.jianpu");
    Files.writeString(
        piece,
        "title: 茉莉花\nkey: 1=F\ntempo: 72\ntime: 2/4\n3 3_5_ | 6_1'_1'_6_ | 5 5_6_ | 5 - |\n");
    Path take = dir.resolve("take.bin"); // the name says nothing; the content is WAV
    LauncherProcess.Result synth =
        LauncherProcess.run(
            "music",
            "synth",
            piece.toString(),
            "--out",
            take.toString(),
            "--rate",
            "48000",
            "--intonation-cents",
            "15",
            "--seed",
            "3");
    assertEquals(0, synth.code(), synth.output());

    LauncherProcess.Result r =
        LauncherProcess.run("music", "analyse", take.toString(), "--piece", piece.toString());
    assertEquals(0, r.code(), r.output());
    String json = r.output().strip();
    assertTrue(
        json.startsWith("{\"sampleRate\": 48000, \"frames\": [{\"t\": "), json.substring(0, 80));
    assertTrue(json.contains("\"hz\": null"), "silence before the first note");
    assertTrue(
        json.contains("], \"notes\": [{\"expected\": \"A4\""), "the first note of the piece");
    assertTrue(json.contains("], \"tempo\": {\"markedBpm\": 72, \"measuredBpm\": "), "the tempo");
    Matcher cents = Pattern.compile("\"cents\": (-?[0-9.]+|null)").matcher(json);
    int notes = 0;
    double spread = 0;
    while (cents.find()) {
      assertTrue(!cents.group(1).equals("null"), "every note heard: " + json);
      spread = Math.max(spread, Math.abs(Double.parseDouble(cents.group(1))));
      notes++;
    }
    assertEquals(11, notes);
    assertTrue(spread > 5, "the 15-cent mistuning shows: " + spread);
  }

  @Test
  void refusesAFileThatIsNoAudio() throws Exception {
    Path fake = dir.resolve("take.mp3");
    Files.write(fake, new byte[] {'%', 'P', 'D', 'F', '-', '1', '.', '7', 10, 1, 2, 3, 4, 5});
    LauncherProcess.Result r = LauncherProcess.run("music", "analyse", fake.toString());
    assertEquals(1, r.code(), r.output());
    assertTrue(r.output().contains("文件不是可识别的音频"), r.output());
    assertTrue(r.output().contains("not audio of a known kind"), r.output());
  }
}
