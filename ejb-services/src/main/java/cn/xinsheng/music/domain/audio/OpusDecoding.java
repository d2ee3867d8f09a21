package cn.xinsheng.music.domain.audio;

import cn.xinsheng.music.domain.MusicRefusal;
import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusException;
import java.nio.charset.StandardCharsets;

/**
 * Opus packets (RFC 6716) from a WebM or Ogg container, decoded with Concentus (a pure-Java port of
 * libopus) at 48 kHz; the OpusHead's pre-skip (RFC 7845 §4.2) is dropped from the start.
 */
final class OpusDecoding {
  private static final int MAX_FRAME = 5760; // 120 ms at 48 kHz, the longest Opus packet

  private final String kind;
  private final MonoSink sink;
  private OpusDecoder decoder;
  private int channels;
  private int skip;
  private short[] pcm;
  private int packets;

  OpusDecoding(String kind, AudioLimits limits) {
    this.kind = kind;
    this.sink = new MonoSink(limits);
  }

  /** Reads an OpusHead (the Ogg ID header, or WebM's CodecPrivate). */
  void head(byte[] b, int off, int len) throws MusicRefusal {
    if (len < 19 || !new String(b, off, 8, StandardCharsets.US_ASCII).equals("OpusHead")) {
      throw AudioRefusals.corrupt(kind, "OpusHead 头无效", "invalid OpusHead");
    }
    channels = b[off + 9] & 0xFF;
    skip = (b[off + 10] & 0xFF) | ((b[off + 11] & 0xFF) << 8);
    int family = b[off + 18] & 0xFF;
    if (family != 0 || channels < 1 || channels > 2) {
      throw AudioRefusals.unsupported(
          kind + "（" + channels + " 声道，映射族 " + family + "）",
          kind + " (" + channels + " channels, mapping family " + family + ")");
    }
    start(channels);
  }

  /** Starts without an OpusHead (a WebM track that gives only its channel count). */
  void start(int channelCount) throws MusicRefusal {
    if (decoder != null) {
      return;
    }
    channels = channelCount;
    try {
      decoder = new OpusDecoder(48000, channels);
    } catch (OpusException e) {
      throw AudioRefusals.corrupt(kind, e.getMessage(), e.getMessage());
    }
    sink.rate(48000);
    pcm = new short[MAX_FRAME * channels];
  }

  void packet(byte[] b, int off, int len) throws MusicRefusal {
    if (decoder == null) {
      throw AudioRefusals.corrupt(kind, "音频包前没有 Opus 头", "audio before the Opus header");
    }
    if (len <= 0) {
      return;
    }
    int frames;
    try {
      frames = decoder.decode(b, off, len, pcm, 0, MAX_FRAME, false);
    } catch (OpusException | RuntimeException e) {
      throw AudioRefusals.corrupt(
          kind,
          "第 " + (packets + 1) + " 个 Opus 包无法解码",
          "Opus packet " + (packets + 1) + " cannot be decoded");
    }
    packets++;
    int from = Math.min(frames, skip);
    skip -= from;
    if (frames > from) {
      sink.add(pcm, from * channels, frames - from, channels);
    }
  }

  PcmAudio audio() throws MusicRefusal {
    if (packets == 0) {
      throw AudioRefusals.empty();
    }
    return sink.audio();
  }
}
