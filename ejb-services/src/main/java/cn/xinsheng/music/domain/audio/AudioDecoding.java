package cn.xinsheng.music.domain.audio;

import cn.xinsheng.music.domain.MusicRefusal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Decodes a take from its bytes, by what the bytes are (never by the file's name): WAV, MP3 and
 * Opus in WebM or Ogg in Java; AAC, MP4/M4A, FLAC, Vorbis and AIFF through the external decoder if
 * one is installed; anything else refused. The size limit holds before a file is read.
 */
public final class AudioDecoding {
  private final AudioLimits limits;
  private final ExternalDecoder external;

  public AudioDecoding(AudioLimits limits, ExternalDecoder external) {
    this.limits = limits;
    this.external = external;
  }

  public AudioDecoding() {
    this(AudioLimits.DEFAULT, ExternalDecoder.NONE);
  }

  public AudioLimits limits() {
    return limits;
  }

  public PcmAudio decode(Path file) throws MusicRefusal, IOException {
    long size = Files.size(file);
    if (size > limits.maxBytes()) {
      throw AudioRefusals.tooLarge(size, limits);
    }
    return decode(Files.readAllBytes(file));
  }

  public PcmAudio decode(byte[] bytes) throws MusicRefusal {
    if (bytes.length > limits.maxBytes()) {
      throw AudioRefusals.tooLarge(bytes.length, limits);
    }
    if (bytes.length == 0) {
      throw AudioRefusals.empty();
    }
    AudioKind kind = AudioKind.sniff(bytes);
    switch (kind) {
      case WAV:
        return WavDecoder.decode(bytes, limits);
      case MP3:
        return Mp3Decoder.decode(bytes, limits);
      case WEBM:
        return WebmDemuxer.decode(bytes, limits);
      case OGG:
        if (OggDemuxer.isOpus(bytes)) {
          return OggDemuxer.decodeOpus(bytes, limits);
        }
        return viaExternal(bytes, kind);
      case AAC_ADTS:
      case MP4:
      case FLAC:
      case AIFF:
        return viaExternal(bytes, kind);
      default:
        throw AudioRefusals.notAudio();
    }
  }

  private PcmAudio viaExternal(byte[] bytes, AudioKind kind) throws MusicRefusal {
    Optional<PcmAudio> decoded = external.decode(bytes, kind, limits);
    if (decoded.isEmpty()) {
      throw AudioRefusals.needsFfmpeg(kind);
    }
    return decoded.get();
  }
}
