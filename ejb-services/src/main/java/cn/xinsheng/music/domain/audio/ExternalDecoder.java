package cn.xinsheng.music.domain.audio;

import cn.xinsheng.music.domain.MusicRefusal;
import java.util.Optional;

/**
 * A decoder outside the JVM for what Java does not read (AAC, MP4/M4A, FLAC, Vorbis, AIFF): on a
 * site that installed one, Debian's ffmpeg (cn.xinsheng.music.infrastructure.Ffmpeg); none by
 * default.
 */
public interface ExternalDecoder {

  /** None installed: such formats are refused with the advice to install ffmpeg. */
  ExternalDecoder NONE = (bytes, kind, limits) -> Optional.empty();

  /** Decodes {@code bytes} to mono, or empty if this decoder is not available. */
  Optional<PcmAudio> decode(byte[] bytes, AudioKind kind, AudioLimits limits) throws MusicRefusal;
}
