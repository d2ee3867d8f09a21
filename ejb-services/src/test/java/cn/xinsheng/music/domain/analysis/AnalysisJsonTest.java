package cn.xinsheng.music.domain.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.music.domain.notation.Tuning;
import cn.xinsheng.music.domain.synth.TakeSynthesizer;
import cn.xinsheng.music.domain.synth.TakeSynthesizer.Playing;
import cn.xinsheng.music.domain.synth.Tone;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnalysisJsonTest {

  @SuppressWarnings("unchecked")
  @Test
  void theSharedShapeWithNullsForWhatWasNotHeard() {
    var piece = MelodyAnalysisTest.piece("key: 1=C\ntempo: 120\n6 0 5 6 7");
    var take = TakeSynthesizer.play(piece, Tuning.STANDARD, Playing.clean(16000, Tone.BOWED));
    // the score asks for one note more than was played
    var score = MelodyAnalysisTest.piece("key: 1=C\ntempo: 120\n6 0 5 6 7 1'");
    TakeAnalysis a = new TakeAnalyser().analyse(take.audio(), Optional.of(score));
    Map<String, Object> json = (Map<String, Object>) MiniJson.parse(AnalysisJson.write(a));
    assertEquals(List.of("sampleRate", "frames", "notes", "tempo"), List.copyOf(json.keySet()));
    assertEquals(16000.0, json.get("sampleRate"));
    List<Map<String, Object>> frames = (List<Map<String, Object>>) json.get("frames");
    assertEquals(a.track().size(), frames.size());
    assertEquals(List.of("t", "hz", "confidence"), List.copyOf(frames.get(0).keySet()));
    assertNull(frames.get(0).get("hz"), "the lead-in is silent");
    long voiced = frames.stream().filter(f -> f.get("hz") != null).count();
    assertTrue(voiced > frames.size() / 2, "voiced frames: " + voiced);
    for (Map<String, Object> f : frames) {
      double c = (Double) f.get("confidence");
      assertTrue(c >= 0 && c <= 1, "confidence " + c);
    }
    double t0 = (Double) frames.get(0).get("t");
    double t1 = (Double) frames.get(1).get("t");
    assertEquals(0.01, t1 - t0, 1e-9);
    List<Map<String, Object>> notes = (List<Map<String, Object>>) json.get("notes");
    assertEquals(5, notes.size());
    assertEquals(
        List.of("expected", "expectedHz", "start", "end", "medianHz", "cents"),
        List.copyOf(notes.get(0).keySet()));
    assertEquals("A4", notes.get(0).get("expected"));
    assertEquals(440.0, notes.get(0).get("expectedHz"));
    assertEquals(440.0, (Double) notes.get(0).get("medianHz"), 0.5);
    assertEquals("C5", notes.get(4).get("expected"));
    assertNull(notes.get(4).get("medianHz"), "the note not played");
    assertNull(notes.get(4).get("cents"));
    assertNull(notes.get(4).get("start"));
    Map<String, Object> tempo = (Map<String, Object>) json.get("tempo");
    assertEquals(120.0, tempo.get("markedBpm"));
    assertEquals(120.0, (Double) tempo.get("measuredBpm"), 2.0);
    assertEquals(3, ((List<?>) tempo.get("intervals")).size());
  }
}
