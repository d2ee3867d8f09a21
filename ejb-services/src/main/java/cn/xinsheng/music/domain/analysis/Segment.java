package cn.xinsheng.music.domain.analysis;

/**
 * A stretch of the pitch track heard as one note: frames {@code first..last} (inclusive) and the
 * median pitch of its voiced frames as a fractional MIDI number.
 */
public record Segment(int first, int last, double medianMidi) {
  public int frames() {
    return last - first + 1;
  }
}
