package cn.xinsheng.music.domain.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.music.domain.MusicRefusal;
import cn.xinsheng.music.domain.analysis.NoteResult;
import cn.xinsheng.music.domain.analysis.TakeAnalyser;
import cn.xinsheng.music.domain.synth.Tone;
import cn.xinsheng.music.domain.synth.WavWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fixtures are 1.5 s of a synthesized G4 (392 Hz, eight harmonics) encoded by Debian's ffmpeg
 * (libmp3lame 48 kb/s, libopus 32 kb/s in WebM — stereo, and mono written as a live stream with
 * unknown sizes as Chromium records — and in Ogg as Firefox records, AAC in M4A).
 */
class AudioDecodingTest {

  static byte[] fixture(String name) throws IOException {
    try (InputStream in =
        AudioDecodingTest.class.getResourceAsStream("/cn/xinsheng/music/" + name)) {
      return in.readAllBytes();
    }
  }

  @ParameterizedTest
  @CsvSource({
    "g4.mp3, MP3, 44100",
    "g4-stereo.webm, WEBM, 48000",
    "g4-live.webm, WEBM, 48000",
    "g4.ogg, OGG, 48000",
  })
  void decodesCompressedTakesInJava(String file, AudioKind kind, int rate) throws Exception {
    byte[] bytes = fixture(file);
    assertSame(kind, AudioKind.sniff(bytes));
    PcmAudio audio = new AudioDecoding().decode(bytes);
    assertEquals(rate, audio.sampleRate());
    assertEquals(1.5, audio.durationSeconds(), 0.1);
    List<NoteResult> notes = new TakeAnalyser().analyse(audio, Optional.empty()).notes();
    assertEquals(1, notes.size(), notes.toString());
    assertEquals("G4", notes.get(0).expected());
    assertEquals(0, notes.get(0).cents(), 5, "the codec keeps the pitch: " + notes.get(0));
  }

  @Test
  void aacNeedsTheOptionalDecoderAndSaysSo() throws Exception {
    byte[] m4a = fixture("g4.m4a");
    assertSame(AudioKind.MP4, AudioKind.sniff(m4a));
    MusicRefusal r = assertThrows(MusicRefusal.class, () -> new AudioDecoding().decode(m4a));
    assertEquals("audio.needsFfmpeg", r.code());
    assertTrue(r.zh().contains("apt-get install ffmpeg"), r.zh());
    assertTrue(r.en().contains("needs the optional ffmpeg"), r.en());
  }

  @Test
  void anExternalDecoderTakesWhatJavaDoesNotRead() throws Exception {
    PcmAudio made = new PcmAudio(8000, new float[8000]);
    ExternalDecoder fake =
        (bytes, kind, limits) -> kind == AudioKind.MP4 ? Optional.of(made) : Optional.empty();
    assertSame(made, new AudioDecoding(AudioLimits.DEFAULT, fake).decode(fixture("g4.m4a")));
  }

  @Test
  void theTypeComesFromTheContentNotTheName() throws Exception {
    float[] x = new float[44100];
    Tone.SINE.render(x, 0, 44100, 440, 1, 0.5);
    byte[] wav = WavWriter.pcm16(new PcmAudio(44100, x));
    assertSame(AudioKind.WAV, AudioKind.sniff(wav));
    byte[] text = "RIFF this is a letter, not audio at all".getBytes(StandardCharsets.UTF_8);
    assertEquals("audio.unknown", refusal(text).code());
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    MusicRefusal r = refusal(png);
    assertEquals("audio.unknown", r.code());
    assertTrue(r.zh().contains("不看文件名") && r.en().contains("not its name"), r.getMessage());
  }

  @Test
  void corruptFilesAreRefusedWithAReason() throws Exception {
    // an MP3 whose frames are noise after the ID3 tag
    byte[] id3 = {'I', 'D', '3', 3, 0, 0, 0, 0, 0, 10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    byte[] junk = new byte[4000];
    new java.util.Random(3).nextBytes(junk);
    for (int i = 0; i < junk.length; i++) {
      if ((junk[i] & 0xFF) == 0xFF) {
        junk[i] = 0; // no accidental frame sync
      }
    }
    assertTrue(refusal(WavDecoderTest.concat(id3, junk)).code().startsWith("audio."));
    // a WebM cut off before its first block
    byte[] webm = fixture("g4-live.webm");
    assertEquals("audio.empty", refusal(Arrays.copyOf(webm, 200)).code());
    // an Ogg Opus stream whose audio packets are damaged
    byte[] ogg = fixture("g4.ogg");
    byte[] broken = ogg.clone();
    for (int i = 400; i < broken.length; i += 3) {
      broken[i] = (byte) 0xFF;
    }
    MusicRefusal r = refusal(broken);
    assertTrue(r.code().equals("audio.corrupt") || r.code().equals("audio.empty"), r.code());
    assertEquals("audio.empty", refusal(new byte[0]).code());
  }

  @Test
  void limitsHoldForCompressedTakesToo() throws Exception {
    AudioDecoding strict = new AudioDecoding(new AudioLimits(1 << 20, 1.0), ExternalDecoder.NONE);
    assertEquals(
        "audio.tooLong",
        assertThrows(MusicRefusal.class, () -> strict.decode(fixture("g4.ogg"))).code());
    assertEquals(
        "audio.tooLong",
        assertThrows(MusicRefusal.class, () -> strict.decode(fixture("g4.mp3"))).code());
    AudioDecoding tiny = new AudioDecoding(new AudioLimits(1000, 60), ExternalDecoder.NONE);
    assertEquals(
        "audio.tooLarge",
        assertThrows(MusicRefusal.class, () -> tiny.decode(fixture("g4.mp3"))).code());
  }

  private static MusicRefusal refusal(byte[] b) {
    return assertThrows(MusicRefusal.class, () -> new AudioDecoding().decode(b));
  }
}
