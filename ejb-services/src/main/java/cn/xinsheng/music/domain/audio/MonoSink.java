package cn.xinsheng.music.domain.audio;

import cn.xinsheng.music.domain.MusicRefusal;
import java.util.Arrays;

/**
 * Collects decoded frames of a compressed stream as mono samples, growing as needed, and refuses
 * the stream as soon as it passes the length limit (so a long file never fills memory first).
 */
final class MonoSink {
  private final AudioLimits limits;
  private float[] samples = new float[1 << 16];
  private int size;
  private int rate;

  MonoSink(AudioLimits limits) {
    this.limits = limits;
  }

  void rate(int sampleRate) throws MusicRefusal {
    if (sampleRate < AudioLimits.MIN_RATE || sampleRate > AudioLimits.MAX_RATE) {
      throw AudioRefusals.badRate(sampleRate);
    }
    rate = sampleRate;
  }

  /** Adds {@code frames} interleaved frames of {@code channels} 16-bit samples from {@code pcm}. */
  void add(short[] pcm, int offset, int frames, int channels) throws MusicRefusal {
    ensure(frames);
    float scale = 1f / (32768f * channels);
    for (int f = 0; f < frames; f++) {
      int sum = 0;
      int p = offset + f * channels;
      for (int c = 0; c < channels; c++) {
        sum += pcm[p + c];
      }
      samples[size++] = sum * scale;
    }
  }

  private void ensure(int more) throws MusicRefusal {
    if (rate > 0 && size + (long) more > limits.maxSamples(rate)) {
      throw AudioRefusals.tooLong((size + (long) more) / (double) rate, limits);
    }
    if (size + more > samples.length) {
      samples = Arrays.copyOf(samples, Math.max(samples.length * 2, size + more));
    }
  }

  PcmAudio audio() throws MusicRefusal {
    if (size == 0) {
      throw AudioRefusals.empty();
    }
    return new PcmAudio(rate, Arrays.copyOf(samples, size));
  }
}
