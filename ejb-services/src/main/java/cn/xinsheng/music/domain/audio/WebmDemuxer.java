package cn.xinsheng.music.domain.audio;

import cn.xinsheng.music.domain.MusicRefusal;
import java.nio.charset.StandardCharsets;

/**
 * WebM/Matroska as Chromium's MediaRecorder writes it (live, with clusters of unknown size): the
 * Opus audio track's blocks. The file is read flat, element after element, entering the few
 * container elements that matter, so unknown sizes need no special case.
 */
final class WebmDemuxer {
  private static final long SEGMENT = 0x18538067L;
  private static final long CLUSTER = 0x1F43B675L;
  private static final long TRACKS = 0x1654AE6BL;
  private static final long TRACK_ENTRY = 0xAEL;
  private static final long TRACK_NUMBER = 0xD7L;
  private static final long CODEC_ID = 0x86L;
  private static final long CODEC_PRIVATE = 0x63A2L;
  private static final long AUDIO = 0xE1L;
  private static final long CHANNELS = 0x9FL;
  private static final long BLOCK_GROUP = 0xA0L;
  private static final long BLOCK = 0xA1L;
  private static final long SIMPLE_BLOCK = 0xA3L;
  private static final long EBML = 0x1A45DFA3L;

  private WebmDemuxer() {}

  static PcmAudio decode(byte[] b, AudioLimits limits) throws MusicRefusal {
    OpusDecoding opus = new OpusDecoding("WebM Opus", limits);
    long entryNumber = -1;
    String entryCodec = null;
    byte[] entryPrivate = null;
    int entryChannels = 1;
    long opusTrack = -1;
    int pos = 0;
    boolean sawEbml = false;
    while (pos < b.length) {
      long[] id = vint(b, pos, true);
      if (id == null) {
        break;
      }
      long[] size = vint(b, pos + (int) id[1], false);
      if (size == null) {
        break;
      }
      int data = pos + (int) id[1] + (int) size[1];
      boolean unknown = size[0] < 0;
      long length = unknown ? b.length - data : size[0];
      if (data > b.length) {
        break;
      }
      int end = (int) Math.min(b.length, data + length);
      long e = id[0];
      if (e == EBML) {
        sawEbml = true;
        pos = end;
        continue;
      }
      if (e == SEGMENT || e == CLUSTER || e == TRACKS || e == AUDIO || e == BLOCK_GROUP) {
        pos = data; // enter
        continue;
      }
      if (e == TRACK_ENTRY) {
        if (entryCodec != null) {
          opusTrack =
              chooseTrack(opusTrack, entryNumber, entryCodec, entryPrivate, entryChannels, opus);
        }
        entryNumber = -1;
        entryCodec = null;
        entryPrivate = null;
        entryChannels = 1;
        pos = data;
        continue;
      }
      if (e == TRACK_NUMBER) {
        entryNumber = uint(b, data, end);
      } else if (e == CODEC_ID) {
        entryCodec = new String(b, data, end - data, StandardCharsets.US_ASCII).trim();
      } else if (e == CODEC_PRIVATE) {
        entryPrivate = java.util.Arrays.copyOfRange(b, data, end);
      } else if (e == CHANNELS) {
        entryChannels = (int) uint(b, data, end);
      } else if (e == SIMPLE_BLOCK || e == BLOCK) {
        if (entryCodec != null) {
          opusTrack =
              chooseTrack(opusTrack, entryNumber, entryCodec, entryPrivate, entryChannels, opus);
          entryCodec = null;
        }
        if (opusTrack < 0) {
          throw AudioRefusals.unsupported("WebM（没有 Opus 音轨）", "WebM (no Opus audio track)");
        }
        block(b, data, end, opusTrack, opus);
      }
      pos = end;
    }
    if (!sawEbml) {
      throw AudioRefusals.corrupt("WebM", "没有 EBML 头", "no EBML header");
    }
    if (opusTrack < 0 && entryCodec != null) {
      chooseTrack(opusTrack, entryNumber, entryCodec, entryPrivate, entryChannels, opus);
    }
    return opus.audio();
  }

  private static long chooseTrack(
      long chosen, long number, String codec, byte[] priv, int channels, OpusDecoding opus)
      throws MusicRefusal {
    if (chosen >= 0 || !codec.equals("A_OPUS")) {
      if (chosen < 0 && codec.startsWith("A_")) {
        throw AudioRefusals.unsupported("WebM（" + codec + "）", "WebM (" + codec + ")");
      }
      return chosen;
    }
    if (priv != null && priv.length >= 19) {
      opus.head(priv, 0, priv.length);
    } else {
      opus.start(Math.max(1, Math.min(2, channels)));
    }
    return number;
  }

  /** A (Simple)Block: track, 16-bit timecode, flags, then one frame or laced frames. */
  private static void block(byte[] b, int data, int end, long track, OpusDecoding opus)
      throws MusicRefusal {
    long[] t = vint(b, data, false);
    if (t == null || t[0] != track) {
      return; // another track (video, if any)
    }
    int p = data + (int) t[1] + 2;
    if (p >= end) {
      throw AudioRefusals.corrupt("WebM", "块过短", "a block is too short");
    }
    int flags = b[p] & 0xFF;
    p++;
    int lacing = (flags >> 1) & 3;
    if (lacing == 0) {
      opus.packet(b, p, end - p);
      return;
    }
    int count = (b[p] & 0xFF) + 1;
    p++;
    int[] sizes = new int[count];
    if (lacing == 2) { // fixed-size lacing
      int each = (end - p) / count;
      java.util.Arrays.fill(sizes, each);
    } else if (lacing == 1) { // Xiph lacing
      int total = 0;
      for (int i = 0; i < count - 1; i++) {
        int s = 0;
        int v;
        do {
          v = b[p++] & 0xFF;
          s += v;
        } while (v == 255 && p < end);
        sizes[i] = s;
        total += s;
      }
      sizes[count - 1] = end - p - total;
    } else {
      throw AudioRefusals.unsupported("WebM（EBML 分帧）", "WebM (EBML lacing)");
    }
    for (int s : sizes) {
      if (s < 0 || p + s > end) {
        throw AudioRefusals.corrupt("WebM", "分帧长度无效", "invalid lacing sizes");
      }
      opus.packet(b, p, s);
      p += s;
    }
  }

  /**
   * An EBML variable-length integer at {@code p}: {value, length}; an ID keeps its marker bits, a
   * size with all value bits set is unknown (-1). Null past the end or on a malformed byte.
   */
  static long[] vint(byte[] b, int p, boolean id) {
    if (p >= b.length) {
      return null;
    }
    int first = b[p] & 0xFF;
    if (first == 0) {
      return null;
    }
    int len = Integer.numberOfLeadingZeros(first) - 23;
    if (p + len > b.length || (id && len > 4)) {
      return null;
    }
    long v = id ? first : first & (0xFF >> len);
    boolean allOnes = v == (0xFF >> len);
    for (int i = 1; i < len; i++) {
      int x = b[p + i] & 0xFF;
      v = (v << 8) | x;
      allOnes &= x == 0xFF;
    }
    if (!id && allOnes) {
      return new long[] {-1, len};
    }
    return new long[] {v, len};
  }

  private static long uint(byte[] b, int from, int to) {
    long v = 0;
    for (int i = from; i < to && i < from + 8; i++) {
      v = (v << 8) | (b[i] & 0xFF);
    }
    return v;
  }
}
