package cn.xinsheng.bench;

import cn.xinsheng.music.domain.MusicRefusal;
import cn.xinsheng.music.domain.analysis.AnalysisJson;
import cn.xinsheng.music.domain.analysis.NoteResult;
import cn.xinsheng.music.domain.analysis.TakeAnalyser;
import cn.xinsheng.music.domain.analysis.TakeAnalysis;
import cn.xinsheng.music.domain.audio.AudioDecoding;
import cn.xinsheng.music.domain.audio.PcmAudio;
import cn.xinsheng.music.domain.notation.Jianpu;
import cn.xinsheng.music.domain.notation.Piece;
import cn.xinsheng.music.domain.notation.Tuning;
import cn.xinsheng.music.domain.synth.TakeSynthesizer;
import cn.xinsheng.music.domain.synth.Tone;
import cn.xinsheng.music.domain.synth.WavWriter;
import cn.xinsheng.music.infrastructure.Ffmpeg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The pitch and tempo aid on a 3-minute take (44.1 kHz, a bowed tone with vibrato and noise, a
 * melody of about 400 notes from 简谱) on one thread: the whole analysis (pitch track, notes against
 * the score, tempo, JSON) against decoding the same take — from WAV, and where Debian's ffmpeg is
 * installed to encode them, from MP3 and WebM/Opus with the Java decoders. The budget is 5 s for
 * the analysis.
 */
final class MusicBenchmark {

  private static final int RATE = 44100;
  private static final int RUNS = 5;
  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private MusicBenchmark() {}

  static void run() throws Exception {
    Report.heading(
        "Music analysis of a 3-minute take (one thread) vs decoding the same take; budget 5 s");
    Piece piece = Jianpu.parse(threeMinutes());
    Tone erhu = new Tone(10, 1.0, 20, 5.8, 35, 5);
    TakeSynthesizer.Take take =
        TakeSynthesizer.play(
            piece,
            Tuning.STANDARD,
            TakeSynthesizer.Playing.clean(RATE, erhu).withTempo(1.0, 0.02).withIntonation(10, 3));
    Path wav = Path.of("bench-take.wav");
    Files.write(wav, WavWriter.pcm16(take.audio()));
    Report.line(
        "take: %.1f s, %d notes, %d Hz mono 16-bit WAV of %.1f MB",
        take.audio().durationSeconds(), take.played().size(), RATE, Files.size(wav) / 1e6);

    AudioDecoding decoding =
        new AudioDecoding(cn.xinsheng.music.domain.audio.AudioLimits.DEFAULT, Ffmpeg.detect());
    double wavDecode = decodeMillis(decoding, wav);
    PcmAudio audio = decoding.decode(wav);

    TakeAnalyser analyser = new TakeAnalyser();
    long[] nanos = new long[RUNS];
    long[] cpu = new long[RUNS];
    TakeAnalysis analysis = null;
    for (int i = 0; i < RUNS; i++) {
      long c0 = CPU.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      analysis = analyser.analyse(audio, Optional.of(piece));
      AnalysisJson.write(analysis);
      nanos[i] = System.nanoTime() - t0;
      cpu[i] = CPU.getCurrentThreadCpuTime() - c0;
    }
    // "on one core": the analysing thread's own CPU time; the wall clock also counts the time the
    // thread waited for a core on a shared machine
    double analysisMillis = Report.quantileMillis(cpu, 0.5);
    double wall = Report.quantileMillis(nanos, 0.5);
    long heard = analysis.notes().stream().filter(NoteResult::heard).count();
    double[] err = new double[(int) heard];
    int k = 0;
    for (int i = 0; i < analysis.notes().size(); i++) {
      NoteResult n = analysis.notes().get(i);
      if (n.heard()) {
        err[k++] = Math.abs(n.cents() - Tuning.cents(take.played().get(i).hz(), n.expectedHz()));
      }
    }
    Arrays.sort(err);
    Report.line(
        "analysis: median %.0f ms CPU (%.0f ms wall) of %d runs (%d frames; %d of %d notes found,"
            + " median |error| %.2f cents)",
        analysisMillis,
        wall,
        RUNS,
        analysis.track().size(),
        heard,
        analysis.notes().size(),
        err.length == 0 ? Double.NaN : err[err.length / 2]);
    Report.line(
        "  %s the 5 s budget; %.1f× faster than real time",
        analysisMillis <= 5000 ? "within" : "OVER",
        take.audio().durationSeconds() * 1000 / analysisMillis);
    Report.line(
        "decode WAV: %.0f ms CPU → analysis/decode ratio %.1f",
        wavDecode, analysisMillis / wavDecode);

    Optional<Path> ffmpeg = Ffmpeg.detect().program();
    if (ffmpeg.isEmpty()) {
      Report.line("(ffmpeg not installed: no MP3 or WebM/Opus copy to decode)");
      return;
    }
    for (String[] format :
        List.of(
            new String[] {"MP3 128 kb/s (JLayer)", "bench-take.mp3", "libmp3lame", "128k"},
            new String[] {"WebM/Opus 64 kb/s (Concentus)", "bench-take.webm", "libopus", "64k"})) {
      Path out = Path.of(format[1]);
      Process p =
          new ProcessBuilder(
                  ffmpeg.get().toString(),
                  "-nostdin",
                  "-loglevel",
                  "error",
                  "-y",
                  "-i",
                  wav.toString(),
                  "-c:a",
                  format[2],
                  "-b:a",
                  format[3],
                  out.toString())
              .inheritIO()
              .start();
      if (p.waitFor() != 0) {
        Report.line("(ffmpeg could not make %s)", format[0]);
        continue;
      }
      double ms = decodeMillis(decoding, out);
      Report.line(
          "decode %s: %.0f ms CPU → analysis/decode ratio %.2f",
          format[0], ms, analysisMillis / ms);
    }
  }

  /** The median CPU time of three decodes of {@code file}, read from disk each time. */
  private static double decodeMillis(AudioDecoding decoding, Path file)
      throws MusicRefusal, java.io.IOException {
    long[] t = new long[3];
    for (int i = 0; i < t.length; i++) {
      long c0 = CPU.getCurrentThreadCpuTime();
      decoding.decode(file);
      t[i] = CPU.getCurrentThreadCpuTime() - c0;
    }
    return Report.quantileMillis(t, 0.5);
  }

  /** A melody of quarters and eighths wandering over two octaves of D major, 3 minutes at 92. */
  static String threeMinutes() {
    Random r = new Random(19);
    StringBuilder s = new StringBuilder("title: 三分钟练习曲\nkey: 1=D\ntempo: 92\ntime: 4/4\n");
    int degree = 5; // 1..14 over two octaves, from the low 5
    double beats = 0;
    List<String> bar = new ArrayList<>();
    double inBar = 0;
    while (beats < 92 * 3) {
      degree = Math.max(1, Math.min(14, degree + r.nextInt(5) - 2));
      boolean eighths = r.nextInt(3) == 0 && inBar <= 3;
      int count = eighths ? 2 : 1;
      for (int i = 0; i < count; i++) {
        int d = ((degree - 1) % 7) + 1;
        String octave = degree > 7 ? "'" : "";
        bar.add(d + octave + (eighths ? "_" : ""));
        if (eighths && i == 0) {
          degree = Math.max(1, Math.min(14, degree + r.nextInt(3) - 1));
        }
      }
      inBar += 1;
      beats += 1;
      if (inBar == 4) {
        s.append(String.join(" ", bar)).append(" |\n");
        bar.clear();
        inBar = 0;
      }
    }
    if (!bar.isEmpty()) {
      s.append(String.join(" ", bar)).append(" |\n");
    }
    return s.toString();
  }
}
