package cn.xinsheng.music.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.xinsheng.music.domain.MusicRefusal;
import cn.xinsheng.music.domain.analysis.NoteResult;
import cn.xinsheng.music.domain.analysis.TakeAnalyser;
import cn.xinsheng.music.domain.audio.AudioDecoding;
import cn.xinsheng.music.domain.audio.AudioLimits;
import cn.xinsheng.music.domain.audio.PcmAudio;
import cn.xinsheng.music.domain.synth.Tone;
import cn.xinsheng.music.domain.synth.WavWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegTest {

  @TempDir Path dir;

  private static byte[] m4a() throws IOException {
    try (InputStream in = FfmpegTest.class.getResourceAsStream("/cn/xinsheng/music/g4.m4a")) {
      return in.readAllBytes();
    }
  }

  /** A stand-in for ffmpeg: a script that checks its arguments and answers with a known WAV. */
  private Path fakeFfmpeg(String body) throws IOException {
    Path script = dir.resolve("ffmpeg");
    Files.writeString(script, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }

  @Test
  void runsTheProgramOnATemporaryCopyAndReadsItsWav() throws Exception {
    float[] x = new float[22050];
    Tone.BOWED.render(x, 0, 22050, 311.13, 1.0, 0.5);
    Path answer = dir.resolve("answer.wav");
    Files.write(answer, WavWriter.pcm16(new PcmAudio(22050, x)));
    Path args = dir.resolve("args.txt");
    Path ffmpeg = fakeFfmpeg("echo \"$@\" > " + args + "\ncat " + answer);
    PcmAudio audio =
        new AudioDecoding(AudioLimits.DEFAULT, new Ffmpeg(Optional.of(ffmpeg))).decode(m4a());
    assertEquals(22050, audio.sampleRate());
    String said = Files.readString(args);
    assertTrue(
        said.contains("-ac 1") && said.contains("pcm_s16le") && said.contains("pipe:1"), said);
    String input = said.split(" -i ")[1].split(" ")[0];
    assertTrue(input.contains("xinsheng-take-"), said);
    assertTrue(Files.notExists(Path.of(input)), "the temporary copy is gone");
    List<NoteResult> notes = new TakeAnalyser().analyse(audio, Optional.empty()).notes();
    assertEquals("D#4", notes.get(0).expected());
  }

  @Test
  void aFailingDecoderIsARefusalWithItsWords() throws Exception {
    Path ffmpeg = fakeFfmpeg("echo 'Invalid data found when processing input' >&2\nexit 1");
    MusicRefusal r =
        assertThrows(
            MusicRefusal.class,
            () ->
                new AudioDecoding(AudioLimits.DEFAULT, new Ffmpeg(Optional.of(ffmpeg)))
                    .decode(m4a()));
    assertEquals("audio.corrupt", r.code());
    assertTrue(r.en().contains("Invalid data found"), r.en());
  }

  @Test
  void withoutTheProgramTheFormatIsRefusedWithAdvice() throws Exception {
    MusicRefusal r =
        assertThrows(
            MusicRefusal.class,
            () ->
                new AudioDecoding(AudioLimits.DEFAULT, new Ffmpeg(Optional.empty())).decode(m4a()));
    assertEquals("audio.needsFfmpeg", r.code());
  }

  /** Only where Debian's ffmpeg is installed (the optional install); skipped elsewhere. */
  @Test
  void theRealFfmpegDecodesAac() throws Exception {
    Ffmpeg real = Ffmpeg.detect();
    assumeTrue(real.program().isPresent(), "ffmpeg is not installed here");
    PcmAudio audio = new AudioDecoding(AudioLimits.DEFAULT, real).decode(m4a());
    List<NoteResult> notes = new TakeAnalyser().analyse(audio, Optional.empty()).notes();
    assertEquals(1, notes.size());
    assertEquals("G4", notes.get(0).expected());
    assertEquals(0, notes.get(0).cents(), 5);
  }
}
