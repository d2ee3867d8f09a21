package cn.xinsheng.music.domain.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.music.domain.MusicRefusal;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WavDecoderTest {

  /**
   * A test WAV of {@code frames} frames: channel c of frame f holds (f % 100 - 50) / 64 + c/256.
   */
  static byte[] wav(int format, int bits, int channels, int rate, int frames, boolean extensible) {
    ByteBuffer data =
        ByteBuffer.allocate(frames * channels * bits / 8).order(ByteOrder.LITTLE_ENDIAN);
    for (int f = 0; f < frames; f++) {
      for (int c = 0; c < channels; c++) {
        double v = value(f, c);
        if (format == 3) {
          if (bits == 32) {
            data.putFloat((float) v);
          } else {
            data.putDouble(v);
          }
        } else {
          switch (bits) {
            case 8 -> data.put((byte) (Math.round(v * 128) + 128));
            case 16 -> data.putShort((short) Math.round(v * 32768));
            case 24 -> {
              int x = (int) Math.round(v * 8388608);
              data.put((byte) x).put((byte) (x >> 8)).put((byte) (x >> 16));
            }
            default -> data.putInt((int) Math.round(v * 2147483648.0));
          }
        }
      }
    }
    int fmtSize = extensible ? 40 : 16;
    ByteBuffer b =
        ByteBuffer.allocate(12 + 8 + fmtSize + 8 + data.capacity() + 8 + 4)
            .order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(b.capacity() - 8).put("WAVE".getBytes());
    b.put("LIST".getBytes()).putInt(3).put(new byte[] {'a', 'b', 'c', 0}); // odd chunk, padded
    b.put("fmt ".getBytes()).putInt(fmtSize).putShort((short) (extensible ? 0xFFFE : format));
    b.putShort((short) channels).putInt(rate).putInt(rate * channels * bits / 8);
    b.putShort((short) (channels * bits / 8)).putShort((short) bits);
    if (extensible) {
      b.putShort((short) 22).putShort((short) bits).putInt(0).putShort((short) format);
      b.put(new byte[14]);
    }
    b.put("data".getBytes()).putInt(data.capacity()).put(data.array());
    return Arrays.copyOf(b.array(), b.position());
  }

  static double value(int frame, int channel) {
    return ((frame % 100) - 50) / 64.0 + channel / 256.0;
  }

  @ParameterizedTest
  @CsvSource({
    "1, 8, 1, 8000, false",
    "1, 16, 1, 44100, false",
    "1, 16, 2, 48000, false",
    "1, 24, 1, 96000, false",
    "1, 24, 2, 22050, true",
    "1, 32, 1, 16000, false",
    "3, 32, 1, 44100, false",
    "3, 32, 2, 48000, true",
    "3, 64, 1, 11025, false",
    "1, 16, 6, 192000, true",
  })
  void decodesEveryCommonLayoutToMono(int format, int bits, int channels, int rate, boolean ext)
      throws MusicRefusal {
    PcmAudio a =
        WavDecoder.decode(wav(format, bits, channels, rate, 1000, ext), AudioLimits.DEFAULT);
    assertEquals(rate, a.sampleRate());
    assertEquals(1000, a.samples().length);
    double tolerance = bits == 8 ? 1.0 / 128 : 1e-4;
    for (int f = 0; f < 1000; f += 37) {
      double mean = 0;
      for (int c = 0; c < channels; c++) {
        mean += value(f, c) / channels;
      }
      assertEquals(mean, a.samples()[f], tolerance, "frame " + f);
    }
  }

  @Test
  void keepsTheWholeFramesOfACutOffRecording() throws MusicRefusal {
    byte[] whole = wav(1, 16, 2, 44100, 1000, false);
    byte[] cut = Arrays.copyOf(whole, whole.length - 401); // 100 frames and a byte of one more
    assertEquals(899, WavDecoder.decode(cut, AudioLimits.DEFAULT).samples().length);
  }

  @Test
  void refusesWhatItCannotRead() {
    byte[] ok = wav(1, 16, 1, 44100, 100, false);
    assertEquals("audio.corrupt", refusal(Arrays.copyOf(ok, 30)).code(), "no fmt chunk");
    byte[] adpcm = ok.clone();
    adpcm[12 + 8 + 4 + 8] = 2; // format tag 2: MS ADPCM
    MusicRefusal r = refusal(adpcm);
    assertEquals("audio.unsupported", r.code());
    assertTrue(r.zh().contains("不支持") && r.en().contains("unsupported"), r.getMessage());
    byte[] noData = Arrays.copyOf(ok, 12 + 12 + 8 + 16);
    assertEquals("audio.corrupt", refusal(noData).code());
    byte[] badRate = wav(1, 16, 1, 1000, 100, false);
    assertEquals("audio.sampleRate", refusal(badRate).code());
    byte[] empty = wav(1, 16, 1, 44100, 0, false);
    assertEquals("audio.empty", refusal(empty).code());
  }

  @Test
  void refusesATakeOverTheLengthLimitBeforeDecodingIt() {
    byte[] twoSeconds = wav(1, 16, 1, 8000, 16000, false);
    MusicRefusal r =
        assertThrows(
            MusicRefusal.class, () -> WavDecoder.decode(twoSeconds, new AudioLimits(1 << 20, 1.5)));
    assertEquals("audio.tooLong", r.code());
    assertTrue(r.zh().contains("1.5") || r.zh().contains("2"), r.zh());
  }

  private static MusicRefusal refusal(byte[] b) {
    return assertThrows(MusicRefusal.class, () -> WavDecoder.decode(b, AudioLimits.DEFAULT));
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
