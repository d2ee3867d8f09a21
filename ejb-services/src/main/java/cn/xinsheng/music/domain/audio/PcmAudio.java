package cn.xinsheng.music.domain.audio;

/**
 * Decoded audio as one channel of samples in -1..1 (several channels are averaged: a practice take
 * is one instrument, and its pitch is the same in every channel).
 */
public record PcmAudio(int sampleRate, float[] samples) {

  public PcmAudio {
    if (sampleRate < AudioLimits.MIN_RATE || sampleRate > AudioLimits.MAX_RATE) {
      throw new IllegalArgumentException("sample rate " + sampleRate);
    }
  }

  public double durationSeconds() {
    return samples.length / (double) sampleRate;
  }
}
