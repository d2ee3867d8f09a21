package cn.xinsheng.music.domain.audio;

import cn.xinsheng.music.domain.MusicRefusal;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Ogg (RFC 3533) as Firefox's MediaRecorder writes it: the first logical stream's packets; Opus is
 * decoded, Vorbis and others are left to the optional external decoder.
 */
final class OggDemuxer {
  private OggDemuxer() {}

  /** True if the first stream of this Ogg file is Opus. */
  static boolean isOpus(byte[] b) {
    // first page: 27-byte header, segment table, then the first packet
    if (b.length < 28) {
      return false;
    }
    int segs = b[26] & 0xFF;
    int at = 27 + segs;
    return b.length >= at + 8 && new String(b, at, 8, StandardCharsets.US_ASCII).equals("OpusHead");
  }

  static PcmAudio decodeOpus(byte[] b, AudioLimits limits) throws MusicRefusal {
    OpusDecoding opus = new OpusDecoding("Ogg Opus", limits);
    ByteArrayOutputStream packet = new ByteArrayOutputStream();
    int pos = 0;
    int serial = 0;
    boolean first = true;
    int packetNo = 0;
    while (pos + 27 <= b.length) {
      if (b[pos] != 'O' || b[pos + 1] != 'g' || b[pos + 2] != 'g' || b[pos + 3] != 'S') {
        if (packetNo == 0) {
          throw AudioRefusals.corrupt("Ogg", "页头无效", "invalid page header");
        }
        break; // trailing garbage after whole pages
      }
      int pageSerial = WavDecoder.le32(b, pos + 14);
      if (first) {
        serial = pageSerial;
        first = false;
      }
      int segs = b[pos + 26] & 0xFF;
      int body = pos + 27 + segs;
      if (body > b.length) {
        break;
      }
      int p = body;
      for (int s = 0; s < segs; s++) {
        int lace = b[pos + 27 + s] & 0xFF;
        if (p + lace > b.length) {
          lace = b.length - p; // a cut-off last page
        }
        if (pageSerial == serial) {
          packet.write(b, p, lace);
          if ((b[pos + 27 + s] & 0xFF) < 255) {
            byte[] data = packet.toByteArray();
            packet.reset();
            if (packetNo == 0) {
              opus.head(data, 0, data.length);
            } else if (packetNo > 1) {
              opus.packet(data, 0, data.length); // packet 1 is OpusTags
            }
            packetNo++;
          }
        }
        p += lace;
      }
      pos = p;
    }
    return opus.audio();
  }
}
