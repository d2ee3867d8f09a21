package cn.xinsheng.music.infrastructure;

import cn.xinsheng.music.domain.catalogue.MusicCatalogue;
import cn.xinsheng.platform.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The catalogue on music's catalogue tables, by plain SQL. */
@ApplicationScoped
public class SqlMusicCatalogue implements MusicCatalogue {

  @Inject MusicStore store;

  @Override
  public List<Instrument> instruments() {
    return store
        .rows(
            "SELECT code, name_zh, name_en, family_zh, family_en FROM music_instrument"
                + " WHERE active = TRUE ORDER BY sort_order")
        .stream()
        .map(
            r ->
                new Instrument(
                    (String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4]))
        .toList();
  }

  @Override
  public List<Level> levels() {
    return store
        .rows("SELECT level, group_zh, group_en, name_zh, name_en FROM music_level ORDER BY level")
        .stream()
        .map(
            r ->
                new Level(
                    (int) SqlValues.num(r[0]),
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4]))
        .toList();
  }

  private static final String SYLLABUS_COLUMNS =
      "SELECT s.id, s.instrument_code, i.name_zh, i.name_en, s.level, l.name_zh, l.name_en,"
          + " s.version, s.title, p.package_id,"
          + " (SELECT COUNT(*) FROM music_syllabus_item t WHERE t.syllabus_id = s.id)"
          + " FROM music_syllabus s JOIN music_instrument i ON i.code = s.instrument_code"
          + " JOIN music_level l ON l.level = s.level"
          + " JOIN music_syllabus_package p ON p.id = s.package_row";

  @Override
  public List<Syllabus> syllabiInForce() {
    return store
        .rows(
            SYLLABUS_COLUMNS
                + " WHERE s.version = (SELECT MAX(o.version) FROM music_syllabus o"
                + " WHERE o.instrument_code = s.instrument_code AND o.level = s.level)"
                + " ORDER BY i.sort_order, s.level")
        .stream()
        .map(SqlMusicCatalogue::syllabus)
        .toList();
  }

  @Override
  public Optional<Syllabus> syllabus(long syllabusId) {
    return store
        .one(SYLLABUS_COLUMNS + " WHERE s.id = ?1", syllabusId)
        .map(SqlMusicCatalogue::syllabus);
  }

  private static Syllabus syllabus(Object[] r) {
    return new Syllabus(
        SqlValues.num(r[0]),
        (String) r[1],
        (String) r[2],
        (String) r[3],
        (int) SqlValues.num(r[4]),
        (String) r[5],
        (String) r[6],
        SqlValues.num(r[7]),
        (String) r[8],
        (String) r[9],
        (int) SqlValues.num(r[10]));
  }

  private static final String ITEM_COLUMNS =
      "SELECT t.id, t.syllabus_id, t.item_key, t.kind, t.title, t.key_text, t.tempo_bpm,"
          + " t.tempo_mark, t.expected_seconds, t.notation, t.sheet_type, s.instrument_code, s.level"
          + " FROM music_syllabus_item t JOIN music_syllabus s ON s.id = t.syllabus_id";

  @Override
  public List<Item> items(long syllabusId) {
    return store
        .rows(ITEM_COLUMNS + " WHERE t.syllabus_id = ?1 ORDER BY t.position", syllabusId)
        .stream()
        .map(SqlMusicCatalogue::item)
        .toList();
  }

  @Override
  public List<Item> itemsInForce() {
    return store
        .rows(
            ITEM_COLUMNS
                + " WHERE s.version = (SELECT MAX(o.version) FROM music_syllabus o"
                + " WHERE o.instrument_code = s.instrument_code AND o.level = s.level)"
                + " ORDER BY s.instrument_code, s.level, t.position")
        .stream()
        .map(SqlMusicCatalogue::item)
        .toList();
  }

  @Override
  public Optional<Item> item(long itemId) {
    return store.one(ITEM_COLUMNS + " WHERE t.id = ?1", itemId).map(SqlMusicCatalogue::item);
  }

  private static Item item(Object[] r) {
    return new Item(
        SqlValues.num(r[0]),
        SqlValues.num(r[1]),
        (String) r[2],
        (String) r[3],
        (String) r[4],
        (String) r[5],
        ((Number) r[6]).doubleValue(),
        (String) r[7],
        (int) SqlValues.num(r[8]),
        (String) r[9],
        (String) r[10],
        (String) r[11],
        (int) SqlValues.num(r[12]));
  }

  @Override
  public Optional<ItemFiles> itemFiles(long itemId) {
    return store
        .one(
            "SELECT p.content_dir, t.sheet_file, t.sheet_type, t.reference_file"
                + " FROM music_syllabus_item t JOIN music_syllabus s ON s.id = t.syllabus_id"
                + " JOIN music_syllabus_package p ON p.id = s.package_row WHERE t.id = ?1",
            itemId)
        .map(r -> new ItemFiles((String) r[0], (String) r[1], (String) r[2], (String) r[3]));
  }

  @Override
  public List<Package> packages() {
    return store
        .rows(
            "SELECT package_id, version, title, publisher, signed_by, imported_by, imported_at"
                + " FROM music_syllabus_package ORDER BY id DESC")
        .stream()
        .map(
            r ->
                new Package(
                    (String) r[0],
                    SqlValues.num(r[1]),
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    SqlValues.instant(r[6])))
        .toList();
  }

  @Override
  public boolean hasInstrument(String code) {
    return store.one("SELECT code FROM music_instrument WHERE code = ?1", code).isPresent();
  }

  @Override
  public boolean hasActiveInstrument(String code) {
    return store.one("SELECT 1 FROM music_instrument WHERE code = ?1 AND active", code).isPresent();
  }

  @Override
  public boolean hasItem(long itemId) {
    return store.one("SELECT id FROM music_syllabus_item WHERE id = ?1", itemId).isPresent();
  }

  @Override
  public boolean itemIsFor(long itemId, String instrumentCode) {
    return store
        .one(
            "SELECT i.id FROM music_syllabus_item i JOIN music_syllabus s ON s.id = i.syllabus_id"
                + " WHERE i.id = ?1 AND s.instrument_code = ?2",
            itemId,
            instrumentCode)
        .isPresent();
  }

  @Override
  public Optional<String> instrumentOfItem(long itemId) {
    return store
        .one(
            "SELECT s.instrument_code FROM music_syllabus_item t"
                + " JOIN music_syllabus s ON s.id = t.syllabus_id WHERE t.id = ?1",
            itemId)
        .map(r -> (String) r[0]);
  }

  @Override
  public Map<Long, String> itemTitles() {
    Map<Long, String> titles = new HashMap<>();
    for (Object[] r : store.rows("SELECT id, title FROM music_syllabus_item")) {
      titles.put(SqlValues.num(r[0]), (String) r[1]);
    }
    return titles;
  }

  @Override
  public OptionalLong newestPackageVersion(String packageId) {
    return max(
        store.one(
            "SELECT MAX(version) FROM music_syllabus_package WHERE package_id = ?1", packageId));
  }

  @Override
  public OptionalLong newestSyllabusVersion(String instrumentCode, int level) {
    return max(
        store.one(
            "SELECT MAX(version) FROM music_syllabus WHERE instrument_code = ?1 AND level = ?2",
            instrumentCode,
            level));
  }

  private static OptionalLong max(Optional<Object[]> row) {
    return row.filter(r -> r[0] != null)
        .map(r -> OptionalLong.of(SqlValues.num(r[0])))
        .orElse(OptionalLong.empty());
  }

  @Override
  public long insert(NewPackage p) {
    return store.insert(
        "INSERT INTO music_syllabus_package (package_id, version, title, publisher, signed_by,"
            + " sha256, size_bytes, content_dir, imported_by, imported_at)"
            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        p.packageId(),
        p.version(),
        p.title(),
        p.publisher(),
        p.signedBy(),
        p.sha256(),
        p.size(),
        p.contentDir(),
        p.importedBy(),
        p.importedAt());
  }

  @Override
  public long insertSyllabus(
      long packageRow, String instrumentCode, int level, long version, String title) {
    return store.insert(
        "INSERT INTO music_syllabus (package_row, instrument_code, level, version, title)"
            + " VALUES (?1, ?2, ?3, ?4, ?5)",
        packageRow,
        instrumentCode,
        level,
        version,
        title);
  }

  @Override
  public void insert(NewItem i) {
    store.exec(
        "INSERT INTO music_syllabus_item (syllabus_id, item_key, position, kind, title,"
            + " key_text, tempo_bpm, tempo_mark, expected_seconds, notation, sheet_file,"
            + " sheet_type, reference_file)"
            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        i.syllabusId(),
        i.key(),
        i.position(),
        i.kind(),
        i.title(),
        i.keyText(),
        i.tempoBpm(),
        i.tempoMark(),
        i.expectedSeconds(),
        i.notation(),
        i.sheetFile(),
        i.sheetType(),
        i.referenceFile());
  }
}
