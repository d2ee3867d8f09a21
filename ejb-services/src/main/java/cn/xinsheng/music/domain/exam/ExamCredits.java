package cn.xinsheng.music.domain.exam;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The exam passes and their way into the points ledger (music_exam_credit): a published pass with a
 * certificate, until an officer confirms it into a ledger entry, once. Runs in the caller's
 * transaction; the calling service checks who may ask.
 */
public interface ExamCredits {

  /**
   * A pass not yet in the ledger: the candidate, whose, the instrument's and level's Chinese names,
   * the grade, and the certificate's code and file hash.
   */
  record Pass(
      long candidateId,
      long inmateId,
      String instrumentZh,
      String levelZh,
      ExamGrade grade,
      String certificateCode,
      String certificateSha256) {}

  /** The passes of these inmates not yet in the ledger, by candidate. */
  List<Pass> unconfirmedPasses(Collection<Long> inmateIds);

  /** The candidate's pass, if it is not yet in the ledger. */
  Optional<Pass> unconfirmedPass(long candidateId);

  /** Records that the pass became this ledger entry; answers the credit's id. */
  long insert(long candidateId, long entryId, String confirmedBy, Instant confirmedAt);
}
