package cn.xinsheng.music.domain.analysis;

/**
 * One note of a take: the note expected (its name, or without a score the nearest note's), where it
 * was heard, its median frequency and how far that lies from the expected pitch in cents. Numbers
 * are NaN where the note was not heard (a missed note).
 *
 * @param index the expected note's place in the piece (0-based), or the heard note's without one
 */
public record NoteResult(
    int index,
    String expected,
    double expectedHz,
    double startSeconds,
    double endSeconds,
    double medianHz,
    double cents) {

  public boolean heard() {
    return !Double.isNaN(medianHz);
  }
}
