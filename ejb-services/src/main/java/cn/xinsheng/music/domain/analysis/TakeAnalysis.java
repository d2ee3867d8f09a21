package cn.xinsheng.music.domain.analysis;

import java.util.List;

/** The analysis of one take: its pitch track, its notes against the score, its tempo. */
public record TakeAnalysis(
    int sampleRate,
    double durationSeconds,
    PitchTrack track,
    List<NoteResult> notes,
    TempoResult tempo) {

  public TakeAnalysis {
    notes = List.copyOf(notes);
  }
}
