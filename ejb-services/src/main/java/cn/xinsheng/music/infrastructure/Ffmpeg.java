package cn.xinsheng.music.infrastructure;

import cn.xinsheng.music.domain.MusicRefusal;
import cn.xinsheng.music.domain.audio.AudioKind;
import cn.xinsheng.music.domain.audio.AudioLimits;
import cn.xinsheng.music.domain.audio.AudioRefusals;
import cn.xinsheng.music.domain.audio.ExternalDecoder;
import cn.xinsheng.music.domain.audio.PcmAudio;
import cn.xinsheng.music.domain.audio.WavDecoder;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's ffmpeg as the optional decoder of AAC, MP4/M4A, FLAC, Ogg Vorbis and AIFF takes ({@code
 * apt-get install ffmpeg}; docs/music-analysis.md). Found at run time: the program named by {@code
 * xinsheng.music.ffmpeg} / {@code XINSHENG_MUSIC_FFMPEG}, else {@code ffmpeg} on the PATH. The take
 * goes to ffmpeg as a temporary file (MP4 needs a seekable input), comes back as mono 32-bit float
 * WAV on its standard output, cut at the length limit, and is read by the same WAV decoder as any
 * other take.
 */
public final class Ffmpeg implements ExternalDecoder {

  private static final long TIMEOUT_SECONDS = 300;

  private final Optional<Path> program;

  public Ffmpeg(Optional<Path> program) {
    this.program = program;
  }

  /** The installed ffmpeg, if any: the configured path, else the first on the PATH. */
  public static Ffmpeg detect() {
    String configured = System.getProperty("xinsheng.music.ffmpeg");
    if (configured == null || configured.isBlank()) {
      configured = System.getenv("XINSHENG_MUSIC_FFMPEG");
    }
    if (configured != null && !configured.isBlank()) {
      Path p = Path.of(configured);
      return new Ffmpeg(Files.isExecutable(p) ? Optional.of(p) : Optional.empty());
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        if (dir.isEmpty()) {
          continue;
        }
        Path p = Path.of(dir, "ffmpeg");
        if (Files.isRegularFile(p) && Files.isExecutable(p)) {
          return new Ffmpeg(Optional.of(p));
        }
      }
    }
    return new Ffmpeg(Optional.empty());
  }

  public Optional<Path> program() {
    return program;
  }

  @Override
  public Optional<PcmAudio> decode(byte[] bytes, AudioKind kind, AudioLimits limits)
      throws MusicRefusal {
    if (program.isEmpty()) {
      return Optional.empty();
    }
    Path input = null;
    Process process = null;
    try {
      input = Files.createTempFile("xinsheng-take-", ".bin");
      Files.write(input, bytes);
      List<String> cmd = new ArrayList<>();
      cmd.add(program.get().toString());
      cmd.addAll(
          List.of(
              "-nostdin",
              "-hide_banner",
              "-loglevel",
              "error",
              "-i",
              input.toString(),
              "-vn",
              "-ac",
              "1",
              "-c:a",
              "pcm_s16le",
              "-f",
              "wav",
              "-t",
              String.format(Locale.ROOT, "%.3f", limits.maxSeconds() + 1),
              "pipe:1"));
      process = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.PIPE).start();
      process.getOutputStream().close();
      Process running = process;
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      Thread errors =
          new Thread(
              () -> {
                try (InputStream e = running.getErrorStream()) {
                  e.transferTo(err);
                } catch (IOException ignored) {
                  // the process ended; what it said so far is enough
                }
              },
              "ffmpeg-stderr");
      errors.setDaemon(true);
      errors.start();
      // the whole allowed length at the highest rate taken, plus headers: more is refused
      long cap = (long) ((limits.maxSeconds() + 1) * AudioLimits.MAX_RATE * 2) + (1 << 16);
      byte[] wav = readAtMost(process.getInputStream(), cap);
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw AudioRefusals.corrupt(kind.label(), "ffmpeg 解码超时", "ffmpeg timed out");
      }
      errors.join(1000);
      if (process.exitValue() != 0 || wav.length <= 44) {
        String said = err.toString(StandardCharsets.UTF_8).strip();
        String first =
            said.isEmpty() ? "exit " + process.exitValue() : said.lines().findFirst().get();
        throw AudioRefusals.corrupt(
            kind.label(), "ffmpeg 无法解码：" + first, "ffmpeg cannot decode it: " + first);
      }
      return Optional.of(WavDecoder.decode(wav, limits));
    } catch (IOException e) {
      throw AudioRefusals.corrupt(
          kind.label(), "无法运行 ffmpeg：" + e.getMessage(), "cannot run ffmpeg: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw AudioRefusals.corrupt(kind.label(), "解码被中断", "decoding was interrupted");
    } finally {
      if (process != null && process.isAlive()) {
        process.destroyForcibly();
      }
      if (input != null) {
        try {
          Files.deleteIfExists(input);
        } catch (IOException ignored) {
          // a temporary file the system cleans up
        }
      }
    }
  }

  private static byte[] readAtMost(InputStream in, long cap) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
    byte[] buf = new byte[1 << 16];
    long total = 0;
    int n;
    while ((n = in.read(buf)) > 0) {
      total += n;
      if (total > cap) {
        break;
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }
}
