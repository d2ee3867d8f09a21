package cn.xinsheng.music.domain.audio;

import cn.xinsheng.music.domain.MusicRefusal;

/**
 * RIFF/WAVE: PCM of 8 (unsigned), 16, 24 or 32 bits, IEEE float of 32 or 64 bits, plain or
 * WAVE_FORMAT_EXTENSIBLE, any number of channels (averaged to one), any rate from 4 kHz to 384 kHz.
 * A data chunk cut short (a recording interrupted) keeps its whole frames; a missing or broken
 * header is refused.
 */
public final class WavDecoder {

  private static final int PCM = 1;
  private static final int FLOAT = 3;
  private static final int EXTENSIBLE = 0xFFFE;

  private WavDecoder() {}

  public static PcmAudio decode(byte[] b, AudioLimits limits) throws MusicRefusal {
    if (b.length < 12 || AudioKind.sniff(b) != AudioKind.WAV) {
      throw AudioRefusals.corrupt("WAV", "没有 RIFF/WAVE 文件头", "no RIFF/WAVE header");
    }
    int pos = 12;
    int format = -1;
    int channels = 0;
    int rate = 0;
    int bits = 0;
    int blockAlign = 0;
    while (pos + 8 <= b.length) {
      String id = new String(b, pos, 4, java.nio.charset.StandardCharsets.US_ASCII);
      long size = le32(b, pos + 4) & 0xFFFFFFFFL;
      int body = pos + 8;
      if (id.equals("fmt ")) {
        if (size < 16 || body + 16 > b.length) {
          throw AudioRefusals.corrupt("WAV", "fmt 块过短", "the fmt chunk is too short");
        }
        format = le16(b, body);
        channels = le16(b, body + 2);
        rate = le32(b, body + 4);
        blockAlign = le16(b, body + 12);
        bits = le16(b, body + 14);
        if (format == EXTENSIBLE) {
          if (size < 40 || body + 40 > b.length) {
            throw AudioRefusals.corrupt(
                "WAV", "扩展 fmt 块过短", "the extensible fmt chunk is too short");
          }
          format = le16(b, body + 24); // the sub-format GUID begins with the format tag
        }
      } else if (id.equals("data")) {
        if (format < 0) {
          throw AudioRefusals.corrupt("WAV", "data 块前没有 fmt 块", "no fmt chunk before the data");
        }
        long available = b.length - body;
        long length = (size == 0 || size == 0xFFFFFFFFL || size > available) ? available : size;
        return samples(b, body, length, format, channels, rate, bits, blockAlign, limits);
      }
      long next = body + size + (size & 1);
      if (next > b.length || next <= pos) {
        break;
      }
      pos = (int) next;
    }
    throw AudioRefusals.corrupt("WAV", "没有 data 块", "no data chunk");
  }

  private static PcmAudio samples(
      byte[] b,
      int start,
      long length,
      int format,
      int channels,
      int rate,
      int bits,
      int blockAlign,
      AudioLimits limits)
      throws MusicRefusal {
    boolean pcm = format == PCM && (bits == 8 || bits == 16 || bits == 24 || bits == 32);
    boolean flt = format == FLOAT && (bits == 32 || bits == 64);
    if (!pcm && !flt) {
      throw AudioRefusals.unsupported(
          "WAV（编码 " + format + "，" + bits + " 位）",
          "WAV (encoding " + format + ", " + bits + " bits)");
    }
    if (channels < 1 || channels > 32) {
      throw AudioRefusals.corrupt(
          "WAV", "声道数 " + channels + " 无效", "invalid channel count " + channels);
    }
    if (rate < AudioLimits.MIN_RATE || rate > AudioLimits.MAX_RATE) {
      throw AudioRefusals.badRate(rate);
    }
    int bytes = bits / 8;
    int frame = bytes * channels;
    if (blockAlign != frame && blockAlign != 0) {
      // some writers pad 24-bit samples to 4 bytes and say so only in blockAlign
      if (blockAlign % channels != 0 || blockAlign / channels < bytes) {
        throw AudioRefusals.corrupt(
            "WAV", "块对齐 " + blockAlign + " 与格式不符", "block align " + blockAlign + " does not fit");
      }
      frame = blockAlign;
    }
    int stride = frame / channels;
    long frames = length / frame;
    if (frames == 0) {
      throw AudioRefusals.empty();
    }
    if (frames > limits.maxSamples(rate)) {
      throw AudioRefusals.tooLong(frames / (double) rate, limits);
    }
    float[] out = new float[(int) frames];
    float scale = 1f / channels;
    int p = start;
    for (int f = 0; f < frames; f++) {
      float sum = 0;
      int q = p;
      for (int c = 0; c < channels; c++, q += stride) {
        sum += sample(b, q, bits, flt);
      }
      out[f] = channels == 1 ? sum : sum * scale;
      p += frame;
    }
    return new PcmAudio(rate, out);
  }

  private static float sample(byte[] b, int p, int bits, boolean flt) {
    if (flt) {
      if (bits == 32) {
        return Float.intBitsToFloat(le32(b, p));
      }
      long v = (le32(b, p) & 0xFFFFFFFFL) | ((long) le32(b, p + 4) << 32);
      return (float) Double.longBitsToDouble(v);
    }
    switch (bits) {
      case 8:
        return ((b[p] & 0xFF) - 128) / 128f;
      case 16:
        return (short) ((b[p] & 0xFF) | (b[p + 1] << 8)) / 32768f;
      case 24:
        return ((b[p] & 0xFF) | ((b[p + 1] & 0xFF) << 8) | (b[p + 2] << 16)) / 8388608f;
      default:
        return le32(b, p) / 2147483648f;
    }
  }

  static int le16(byte[] b, int p) {
    return (b[p] & 0xFF) | ((b[p + 1] & 0xFF) << 8);
  }

  static int le32(byte[] b, int p) {
    return (b[p] & 0xFF) | ((b[p + 1] & 0xFF) << 8) | ((b[p + 2] & 0xFF) << 16) | (b[p + 3] << 24);
  }
}
