package cn.xinsheng.music.domain.notation;

/**
 * A note a performance is expected to sound: its name (A4), MIDI number and frequency in equal
 * temperament, where it falls in beats from the start, and when at the marked tempo.
 */
public record ExpectedNote(
    int index,
    String name,
    int midi,
    double hz,
    double beatPosition,
    double beats,
    double onsetSeconds,
    double durationSeconds) {}
