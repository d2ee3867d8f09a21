package cn.xinsheng.music.domain.analysis;

import cn.xinsheng.music.domain.audio.PcmAudio;
import cn.xinsheng.music.domain.notation.ExpectedNote;
import cn.xinsheng.music.domain.notation.Piece;
import cn.xinsheng.music.domain.notation.Tuning;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;

/**
 * The analysis aid for one take: the pitch track, the notes found in it matched with the piece's
 * expected notes (or named after the nearest notes when there is no piece), and tempo stability.
 * Progress (0..1) is reported for a background job; the pitch track is nearly all of the work.
 */
public final class TakeAnalyser {

  private final PitchSettings settings;
  private final Tuning tuning;

  public TakeAnalyser(PitchSettings settings, Tuning tuning) {
    this.settings = settings;
    this.tuning = tuning;
  }

  public TakeAnalyser() {
    this(PitchSettings.DEFAULT, Tuning.STANDARD);
  }

  public TakeAnalysis analyse(PcmAudio audio, Optional<Piece> piece) {
    return analyse(audio, piece, p -> {});
  }

  public TakeAnalysis analyse(PcmAudio audio, Optional<Piece> piece, DoubleConsumer progress) {
    PitchTrack track =
        new YinPitchEstimator(settings)
            .track(audio.samples(), audio.sampleRate(), p -> progress.accept(0.95 * p));
    List<Segment> heard = NoteSegmenter.segments(track, tuning);
    List<NoteResult> notes;
    TempoResult tempo;
    if (piece.isPresent()) {
      List<ExpectedNote> expected = piece.get().expectedNotes(tuning);
      notes = NoteAligner.align(expected, heard, track, tuning);
      tempo = TempoAnalysis.scored(expected, notes, piece.get().tempoBpm());
    } else {
      notes = NoteAligner.unscored(heard, track, tuning);
      tempo = TempoAnalysis.unscored(notes);
    }
    progress.accept(1.0);
    return new TakeAnalysis(audio.sampleRate(), audio.durationSeconds(), track, notes, tempo);
  }
}
