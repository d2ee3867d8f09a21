package cn.xinsheng.launcher;

import cn.xinsheng.music.domain.MusicRefusal;
import cn.xinsheng.music.domain.analysis.AnalysisJson;
import cn.xinsheng.music.domain.analysis.PitchSettings;
import cn.xinsheng.music.domain.analysis.TakeAnalyser;
import cn.xinsheng.music.domain.analysis.TakeAnalysis;
import cn.xinsheng.music.domain.audio.AudioDecoding;
import cn.xinsheng.music.domain.audio.AudioLimits;
import cn.xinsheng.music.domain.audio.PcmAudio;
import cn.xinsheng.music.domain.notation.Jianpu;
import cn.xinsheng.music.domain.notation.Piece;
import cn.xinsheng.music.domain.notation.Tuning;
import cn.xinsheng.music.domain.synth.TakeSynthesizer;
import cn.xinsheng.music.domain.synth.Tone;
import cn.xinsheng.music.domain.synth.WavWriter;
import cn.xinsheng.music.infrastructure.Ffmpeg;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bin/xinsheng music}: the pitch and tempo aid offline, with no server or database — {@code
 * analyse} prints a take's analysis as JSON (the shape the take's page uses), {@code synth} plays a
 * 简谱 piece into a WAV practice take.
 */
@Command(
    name = "music",
    mixinStandardHelpOptions = true,
    description = "民乐：音准与节奏分析、由简谱合成练习录音 / folk music: pitch and tempo analysis, takes from 简谱",
    subcommands = {MusicCommand.Analyse.class, MusicCommand.Synth.class})
public class MusicCommand implements Runnable {

  @Override
  public void run() {
    System.out.println("用法 / usage: xinsheng music analyse|synth --help");
  }

  @Command(
      name = "analyse",
      aliases = "analyze",
      mixinStandardHelpOptions = true,
      description =
          "分析一段录音（WAV、MP3、WebM/Ogg Opus；装有 ffmpeg 时另有 AAC/M4A/FLAC），以 JSON 输出音高轨迹、"
              + "逐音音准（音分）与节奏稳定性 / analyse a take and print its pitch track, intonation per"
              + " note (cents) and tempo stability as JSON")
  static class Analyse implements Callable<Integer> {
    @Parameters(index = "0", description = "录音文件 / the audio file")
    Path file;

    @Option(
        names = "--piece",
        description =
            "对照的曲目：简谱文件（docs/music-jianpu.md），或大纲内容包中的曲目 PACKAGE.zip#ITEM /"
                + " the syllabus item to compare with: a 简谱 file, or PACKAGE.zip#ITEM of a syllabus"
                + " package")
    String piece;

    @Option(names = "--a4", defaultValue = "440", description = "A4 的频率 / concert pitch A4 in Hz")
    double a4;

    @Option(
        names = "--max-seconds",
        defaultValue = "600",
        description = "最长录音（秒）/ the longest take accepted, in seconds")
    double maxSeconds;

    @Option(
        names = "--max-megabytes",
        defaultValue = "200",
        description = "最大文件（MiB）/ the largest file accepted, in MiB")
    long maxMegabytes;

    @Override
    public Integer call() throws IOException {
      PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
      try {
        Tuning tuning = tuning(a4);
        Optional<Piece> score = Optional.empty();
        if (piece != null) {
          score = Optional.of(readPiece(piece));
        }
        AudioLimits limits = new AudioLimits(maxMegabytes << 20, maxSeconds);
        PcmAudio audio =
            new AudioDecoding(limits, Ffmpeg.detect()).decode(existing(operatorPath(file)));
        TakeAnalysis analysis =
            new TakeAnalyser(PitchSettings.DEFAULT, tuning).analyse(audio, score);
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        out.println(AnalysisJson.write(analysis));
        out.flush();
        return 0;
      } catch (MusicRefusal e) {
        err.println("错误 / error: " + e.zh() + " / " + e.en() + " [" + e.code() + "]");
        return 1;
      } catch (OutOfMemoryError e) {
        // bin/xinsheng gives the JVM 256 MB: about ten minutes of 48 kHz audio
        err.println(
            "错误 / error: 录音太长，内存不足；请截短，或以 java -Xmx1g -jar"
                + " launcher/target/xinsheng-launcher.jar music analyse … 运行 / the take is too long"
                + " for the memory; shorten it, or run java -Xmx1g -jar"
                + " launcher/target/xinsheng-launcher.jar music analyse … [audio.memory]");
        return 1;
      }
    }
  }

  @Command(
      name = "synth",
      mixinStandardHelpOptions = true,
      description =
          "由简谱合成练习录音（WAV，无版权音频）/ play a 简谱 piece into a WAV practice take (no"
              + " copyrighted audio)")
  static class Synth implements Callable<Integer> {
    @Parameters(index = "0", description = "简谱文件 / the 简谱 file")
    String piece;

    @Option(names = "--out", required = true, description = "输出 WAV / the WAV file to write")
    Path out;

    @Option(names = "--rate", defaultValue = "44100", description = "采样率 / sample rate")
    int rate;

    @Option(names = "--a4", defaultValue = "440", description = "A4 的频率 / concert pitch A4 in Hz")
    double a4;

    @Option(
        names = "--tempo-scale",
        defaultValue = "1.0",
        description = "演奏速度与标记速度之比 / played over marked tempo")
    double tempoScale;

    @Option(
        names = "--timing-jitter",
        defaultValue = "0",
        description = "起音抖动（拍的比例）/ onset jitter, as a fraction of a beat")
    double jitter;

    @Option(
        names = "--intonation-cents",
        defaultValue = "0",
        description = "每个音的随机偏差（音分，标准差）/ each note's random mistuning in cents")
    double intonation;

    @Option(names = "--vibrato-cents", defaultValue = "0", description = "揉弦幅度（音分）/ vibrato depth")
    double vibrato;

    @Option(names = "--seed", defaultValue = "1", description = "随机种子 / random seed")
    long seed;

    @Override
    public Integer call() throws IOException {
      PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
      try {
        Piece p = readPiece(piece);
        Tone tone = Tone.BOWED.withVibrato(vibrato, vibrato > 0 ? 5.5 : 0);
        TakeSynthesizer.Take take =
            TakeSynthesizer.play(
                p,
                tuning(a4),
                TakeSynthesizer.Playing.clean(rate, tone)
                    .withTempo(tempoScale, jitter)
                    .withIntonation(intonation, seed));
        Path target = operatorPath(out);
        Files.write(target, WavWriter.pcm16(take.audio()));
        System.out.printf(
            java.util.Locale.ROOT,
            "已写入 / written: %s (%d notes, %.1f s)%n",
            target,
            take.played().size(),
            take.audio().durationSeconds());
        return 0;
      } catch (MusicRefusal e) {
        err.println("错误 / error: " + e.zh() + " / " + e.en() + " [" + e.code() + "]");
        return 1;
      }
    }
  }

  private static Tuning tuning(double a4) throws MusicRefusal {
    try {
      return new Tuning(a4);
    } catch (IllegalArgumentException e) {
      throw new MusicRefusal(
          "music.a4", "A4 须在 400–480 Hz 之间", "A4 must lie between 400 and 480 Hz");
    }
  }

  /**
   * A file named on the command line: {@code bin/xinsheng} keeps the operator's working folder, so
   * a relative path means his folder.
   */
  static Path operatorPath(Path p) {
    return p.toAbsolutePath();
  }

  /**
   * A syllabus item: a 简谱 file, or an item of a syllabus package given as {@code
   * PACKAGE.zip#ITEM-KEY} (issue 19; the package's signature is checked where it is imported, here
   * only its {@code syllabus.json} and the item's 简谱 are read).
   */
  static Piece readPiece(String item) throws MusicRefusal, IOException {
    int hash = item.lastIndexOf(".zip#");
    if (hash > 0) {
      return pieceFromPackage(
          operatorPath(Path.of(item.substring(0, hash + 4))), item.substring(hash + 5));
    }
    Path path = operatorPath(Path.of(item));
    if (!Files.isRegularFile(path)) {
      throw new MusicRefusal(
          "music.noPiece",
          "找不到曲目“" + item + "”（请给出简谱文件的路径）",
          "no piece '" + item + "' (give the path of a 简谱 file)");
    }
    if (Files.size(path) > Jianpu.MAX_CHARS * 4L) {
      throw new MusicRefusal("notation.tooLong", "简谱文件过大", "the 简谱 file is too large");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path)))
              .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new MusicRefusal(
          "notation.encoding", "简谱文件须为 UTF-8 编码", "the 简谱 file must be UTF-8 text");
    }
    return Jianpu.parse(text);
  }

  private static Piece pieceFromPackage(Path zip, String key) throws MusicRefusal, IOException {
    if (!Files.isRegularFile(zip)) {
      throw new MusicRefusal(
          "music.noPiece", "找不到大纲内容包“" + zip + "”", "no syllabus package '" + zip + "'");
    }
    try (java.util.zip.ZipFile z =
        new java.util.zip.ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
      String spec = entry(z, "syllabus.json");
      Object root = cn.xinsheng.audit.CanonicalJson.parseLenient(spec);
      if (root instanceof java.util.Map<?, ?> m
          && m.get("syllabi") instanceof java.util.List<?> list) {
        for (Object s : list) {
          if (s instanceof java.util.Map<?, ?> syllabus
              && syllabus.get("items") instanceof java.util.List<?> items) {
            for (Object i : items) {
              if (i instanceof java.util.Map<?, ?> it
                  && key.equals(it.get("key"))
                  && it.get("notation") instanceof String notation) {
                return Jianpu.parse(entry(z, notation));
              }
            }
          }
        }
      }
      throw new MusicRefusal(
          "music.noPiece",
          "大纲内容包中没有曲目“" + key + "”",
          "the syllabus package has no item '" + key + "'");
    } catch (java.util.zip.ZipException | IllegalArgumentException e) {
      throw new MusicRefusal(
          "music.noPiece",
          "“" + zip.getFileName() + "”不是可读的大纲内容包",
          "'" + zip.getFileName() + "' is not a readable syllabus package");
    }
  }

  private static String entry(java.util.zip.ZipFile z, String name)
      throws MusicRefusal, IOException {
    java.util.zip.ZipEntry e = z.getEntry(name);
    if (e == null) {
      throw new MusicRefusal(
          "music.noPiece", "大纲内容包中缺少 " + name, "the syllabus package lacks " + name);
    }
    try (java.io.InputStream in = z.getInputStream(e)) {
      byte[] b = in.readNBytes(Jianpu.MAX_CHARS * 4 + 1);
      if (b.length > Jianpu.MAX_CHARS * 4) {
        throw new MusicRefusal("notation.tooLong", "简谱文件过大", "the 简谱 file is too large");
      }
      return new String(b, StandardCharsets.UTF_8);
    }
  }

  private static Path existing(Path file) throws MusicRefusal {
    if (!Files.isRegularFile(file)) {
      throw new MusicRefusal(
          "audio.noFile", "找不到录音文件“" + file + "”", "no audio file '" + file + "'");
    }
    return file;
  }
}
