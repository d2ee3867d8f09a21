package cn.xinsheng.music.domain.audio;

import cn.xinsheng.music.domain.MusicRefusal;
import java.util.Locale;

/** The refusals audio decoding gives, worded once for every decoder. */
public final class AudioRefusals {
  private AudioRefusals() {}

  public static MusicRefusal corrupt(String kind, String zh, String en) {
    return new MusicRefusal(
        "audio.corrupt", kind + " 文件已损坏：" + zh, "the " + kind + " file is corrupt: " + en);
  }

  public static MusicRefusal unsupported(String zhKind, String enKind) {
    return new MusicRefusal(
        "audio.unsupported",
        "不支持的音频格式：" + zhKind + "（支持 WAV、MP3、WebM/Ogg Opus；其他格式需安装 ffmpeg）",
        "unsupported audio format: "
            + enKind
            + " (WAV, MP3 and WebM/Ogg Opus are read; other formats need ffmpeg installed)");
  }

  public static MusicRefusal notAudio() {
    return new MusicRefusal(
        "audio.unknown",
        "文件不是可识别的音频（按内容判断，不看文件名）",
        "the file is not audio of a known kind (judged by its content, not its name)");
  }

  public static MusicRefusal needsFfmpeg(AudioKind kind) {
    return new MusicRefusal(
        "audio.needsFfmpeg",
        kind.label() + " 需要可选组件 ffmpeg（Debian：apt-get install ffmpeg），本机未安装",
        kind.label()
            + " needs the optional ffmpeg (Debian: apt-get install ffmpeg), which is not installed");
  }

  public static MusicRefusal empty() {
    return new MusicRefusal("audio.empty", "文件中没有音频", "the file holds no audio");
  }

  public static MusicRefusal badRate(int rate) {
    return new MusicRefusal(
        "audio.sampleRate",
        "采样率 " + rate + " Hz 不在 4–384 kHz 之间",
        "the sample rate " + rate + " Hz is outside 4–384 kHz");
  }

  public static MusicRefusal tooLong(double seconds, AudioLimits limits) {
    return new MusicRefusal(
        "audio.tooLong",
        String.format(
            Locale.ROOT, "录音超过 %.0f 秒的上限（至少 %.0f 秒）", limits.maxSeconds(), Math.floor(seconds)),
        String.format(
            Locale.ROOT,
            "the recording is longer than the limit of %.0f s (at least %.0f s)",
            limits.maxSeconds(),
            Math.floor(seconds)));
  }

  public static MusicRefusal tooLarge(long bytes, AudioLimits limits) {
    return new MusicRefusal(
        "audio.tooLarge",
        "文件大小 " + bytes + " 字节超过上限 " + limits.maxBytes() + " 字节",
        "the file's " + bytes + " bytes exceed the limit of " + limits.maxBytes());
  }
}
