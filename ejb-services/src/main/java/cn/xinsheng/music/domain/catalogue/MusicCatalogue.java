package cn.xinsheng.music.domain.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The folk-music catalogue (music_instrument, music_level, the syllabus packages, syllabi and their
 * items): instruments and levels are data; packages, syllabi and items are written once, by an
 * import. Runs in the caller's transaction; the calling service checks who may ask.
 */
public interface MusicCatalogue {

  /** An instrument, with its family, in both languages. */
  record Instrument(String code, String nameZh, String nameEn, String familyZh, String familyEn) {}

  /** A level: its number, group and name. */
  record Level(int level, String groupZh, String groupEn, String nameZh, String nameEn) {}

  /** A syllabus with its instrument's and level's names, its package and its number of items. */
  record Syllabus(
      long id,
      String instrument,
      String instrumentZh,
      String instrumentEn,
      int level,
      String levelZh,
      String levelEn,
      long version,
      String title,
      String packageId,
      int items) {}

  /** A required item of a syllabus, with the syllabus's instrument and level. */
  record Item(
      long id,
      long syllabusId,
      String key,
      String kind,
      String title,
      String keyText,
      double tempoBpm,
      String tempoMark,
      int expectedSeconds,
      String notation,
      String sheetType,
      String instrument,
      int level) {}

  /** Where an item's files lie: its package's directory and the file names in it. */
  record ItemFiles(String contentDir, String sheetFile, String sheetType, String referenceFile) {}

  /** A syllabus package imported. */
  record Package(
      String packageId,
      long version,
      String title,
      String publisher,
      String signedBy,
      String importedBy,
      Instant importedAt) {}

  /** A package to record, as verified. */
  record NewPackage(
      String packageId,
      long version,
      String title,
      String publisher,
      String signedBy,
      String sha256,
      long size,
      String contentDir,
      String importedBy,
      Instant importedAt) {}

  /** An item to record, at its position in its syllabus. */
  record NewItem(
      long syllabusId,
      String key,
      int position,
      String kind,
      String title,
      String keyText,
      double tempoBpm,
      String tempoMark,
      int expectedSeconds,
      String notation,
      String sheetFile,
      String sheetType,
      String referenceFile) {}

  /** The active instruments, in their sort order. */
  List<Instrument> instruments();

  /** The levels, in order. */
  List<Level> levels();

  /** The syllabi in force (each instrument and level's newest version), by instrument and level. */
  List<Syllabus> syllabiInForce();

  Optional<Syllabus> syllabus(long syllabusId);

  /** A syllabus's items, in their order. */
  List<Item> items(long syllabusId);

  /** Every item of the syllabi in force, by instrument, level and position. */
  List<Item> itemsInForce();

  Optional<Item> item(long itemId);

  Optional<ItemFiles> itemFiles(long itemId);

  /** The packages imported, newest first. */
  List<Package> packages();

  /** Whether the instrument code is in the catalogue (active or not). */
  boolean hasInstrument(String code);

  /** Whether the instrument code is in the catalogue and active (one an exam may be for). */
  boolean hasActiveInstrument(String code);

  /** Whether the syllabus item exists (in any version). */
  boolean hasItem(long itemId);

  /** Whether the item belongs to a syllabus of this instrument. */
  boolean itemIsFor(long itemId, String instrumentCode);

  /** The instrument of the item's syllabus. */
  Optional<String> instrumentOfItem(long itemId);

  /** Every item's title, by id (all versions: entries name items of older syllabi too). */
  Map<Long, String> itemTitles();

  /** The newest version imported of a package id. */
  OptionalLong newestPackageVersion(String packageId);

  /** The newest version of an instrument and level's syllabus. */
  OptionalLong newestSyllabusVersion(String instrumentCode, int level);

  /** Records a package; answers its row id. */
  long insert(NewPackage p);

  /** Records a syllabus of a package; answers its id. */
  long insertSyllabus(
      long packageRow, String instrumentCode, int level, long version, String title);

  void insert(NewItem item);
}
