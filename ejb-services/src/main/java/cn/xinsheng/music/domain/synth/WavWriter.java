package cn.xinsheng.music.domain.synth;

import cn.xinsheng.music.domain.audio.PcmAudio;

/** Writes mono audio as a 16-bit PCM WAV file, the format every player and browser reads. */
public final class WavWriter {
  private WavWriter() {}

  public static byte[] pcm16(PcmAudio audio) {
    float[] s = audio.samples();
    int data = s.length * 2;
    byte[] b = new byte[44 + data];
    ascii(b, 0, "RIFF");
    le32(b, 4, 36 + data);
    ascii(b, 8, "WAVE");
    ascii(b, 12, "fmt ");
    le32(b, 16, 16);
    le16(b, 20, 1);
    le16(b, 22, 1);
    le32(b, 24, audio.sampleRate());
    le32(b, 28, audio.sampleRate() * 2);
    le16(b, 32, 2);
    le16(b, 34, 16);
    ascii(b, 36, "data");
    le32(b, 40, data);
    for (int i = 0; i < s.length; i++) {
      int v = Math.round(Math.max(-1f, Math.min(1f, s[i])) * 32767f);
      b[44 + 2 * i] = (byte) v;
      b[45 + 2 * i] = (byte) (v >> 8);
    }
    return b;
  }

  private static void ascii(byte[] b, int at, String s) {
    for (int i = 0; i < s.length(); i++) {
      b[at + i] = (byte) s.charAt(i);
    }
  }

  private static void le16(byte[] b, int at, int v) {
    b[at] = (byte) v;
    b[at + 1] = (byte) (v >> 8);
  }

  private static void le32(byte[] b, int at, int v) {
    le16(b, at, v);
    le16(b, at + 2, v >> 16);
  }
}
