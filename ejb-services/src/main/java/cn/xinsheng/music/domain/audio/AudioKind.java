package cn.xinsheng.music.domain.audio;

import java.nio.charset.StandardCharsets;

/** What a file holds, read from its first bytes (never from its name). */
public enum AudioKind {
  WAV("WAV"),
  MP3("MP3"),
  WEBM("WebM/Matroska"),
  OGG("Ogg"),
  AAC_ADTS("AAC (ADTS)"),
  MP4("MP4/M4A"),
  FLAC("FLAC"),
  AIFF("AIFF"),
  UNKNOWN("?");

  private final String label;

  AudioKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Sniffs the container or stream type from the leading bytes. */
  public static AudioKind sniff(byte[] b) {
    if (b.length < 12) {
      return UNKNOWN;
    }
    if (ascii(b, 0, "RIFF") && ascii(b, 8, "WAVE")) {
      return WAV;
    }
    if (ascii(b, 0, "FORM") && (ascii(b, 8, "AIFF") || ascii(b, 8, "AIFC"))) {
      return AIFF;
    }
    if ((b[0] & 0xFF) == 0x1A
        && (b[1] & 0xFF) == 0x45
        && (b[2] & 0xFF) == 0xDF
        && (b[3] & 0xFF) == 0xA3) {
      return WEBM;
    }
    if (ascii(b, 0, "OggS")) {
      return OGG;
    }
    if (ascii(b, 0, "fLaC")) {
      return FLAC;
    }
    if (ascii(b, 4, "ftyp")) {
      return MP4;
    }
    if (ascii(b, 0, "ID3")) {
      return MP3;
    }
    int b0 = b[0] & 0xFF;
    int b1 = b[1] & 0xFF;
    if (b0 == 0xFF && (b1 & 0xF6) == 0xF0) {
      return AAC_ADTS; // 12-bit sync, layer 00
    }
    if (b0 == 0xFF && (b1 & 0xE0) == 0xE0 && ((b1 >> 1) & 3) != 0) {
      int b2 = b[2] & 0xFF;
      if ((b2 >> 4) != 15 && ((b2 >> 2) & 3) != 3 && ((b1 >> 3) & 3) != 1) {
        return MP3; // an MPEG audio frame header: valid bitrate, rate and version
      }
    }
    return UNKNOWN;
  }

  private static boolean ascii(byte[] b, int at, String s) {
    byte[] t = s.getBytes(StandardCharsets.US_ASCII);
    if (b.length < at + t.length) {
      return false;
    }
    for (int i = 0; i < t.length; i++) {
      if (b[at + i] != t[i]) {
        return false;
      }
    }
    return true;
  }
}
