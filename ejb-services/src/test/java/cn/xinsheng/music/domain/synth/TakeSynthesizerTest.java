package cn.xinsheng.music.domain.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.music.domain.MusicRefusal;
import cn.xinsheng.music.domain.audio.AudioDecoding;
import cn.xinsheng.music.domain.audio.PcmAudio;
import cn.xinsheng.music.domain.notation.Jianpu;
import cn.xinsheng.music.domain.notation.Piece;
import cn.xinsheng.music.domain.notation.Tuning;
import org.junit.jupiter.api.Test;

class TakeSynthesizerTest {

  @Test
  void playsThePieceAtItsTempoAndWritesAWavThatReadsBack() throws MusicRefusal {
    Piece p = Jianpu.parse("key: 1=G\ntempo: 60\n1 2 3_4_ 5 -");
    TakeSynthesizer.Take take =
        TakeSynthesizer.play(p, Tuning.STANDARD, TakeSynthesizer.Playing.clean(22050, Tone.SINE));
    assertEquals(5, take.played().size());
    assertEquals(0.3, take.played().get(0).onsetSeconds(), 1e-9, "after the lead-in");
    assertEquals(1.3, take.played().get(1).onsetSeconds(), 1e-9, "a beat a second");
    assertEquals(2.8, take.played().get(3).onsetSeconds(), 1e-9);
    assertEquals(392.0, take.played().get(0).hz(), 0.01);
    assertEquals(5.3 - 0.04 + 0.5, take.audio().durationSeconds(), 0.001);
    PcmAudio back = new AudioDecoding().decode(WavWriter.pcm16(take.audio()));
    assertEquals(22050, back.sampleRate());
    assertEquals(take.audio().samples().length, back.samples().length);
    for (int i = 0; i < back.samples().length; i += 101) {
      assertEquals(take.audio().samples()[i], back.samples()[i], 1.0 / 32767);
    }
  }

  @Test
  void aFasterTempoAndMistuningAreWhatTheyClaim() throws MusicRefusal {
    Piece p = Jianpu.parse("key: 1=C\ntempo: 60\n1 1 1 1 1 1 1 1");
    TakeSynthesizer.Take take =
        TakeSynthesizer.play(
            p,
            Tuning.STANDARD,
            TakeSynthesizer.Playing.clean(8000, Tone.SINE)
                .withTempo(1.25, 0)
                .withIntonation(30, 5));
    assertEquals(
        0.8, take.played().get(1).onsetSeconds() - take.played().get(0).onsetSeconds(), 1e-9);
    double spread = 0;
    for (var n : take.played()) {
      spread = Math.max(spread, Math.abs(Tuning.cents(n.hz(), Tuning.STANDARD.hz(60))));
    }
    assertTrue(spread > 10 && spread < 150, "mistuned by " + spread);
  }
}
