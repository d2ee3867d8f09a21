package cn.xinsheng.music.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The practice log (music_practice), append-only. Runs in the caller's transaction; the calling
 * service checks who may ask.
 */
public interface PracticeLog {

  /**
   * An entry as stored, with the instrument's names.
   *
   * @param items the syllabus item ids practised, comma-separated ("" for none)
   */
  record Entry(
      long id,
      long inmateId,
      String instrumentZh,
      String instrumentEn,
      LocalDate day,
      int minutes,
      String items,
      String note,
      Instant enteredAt) {}

  /** Appends an entry; answers its id. */
  long insert(
      long inmateId,
      String instrumentCode,
      LocalDate day,
      int minutes,
      String items,
      String note,
      String enteredBy,
      Instant enteredAt);

  /** The entries of the inmates the reader may read, newest first, at most 500. */
  List<Entry> entries(MusicReaders.Readable readable);
}
