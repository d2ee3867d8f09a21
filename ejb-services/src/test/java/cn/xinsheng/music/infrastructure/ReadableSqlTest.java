package cn.xinsheng.music.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.xinsheng.music.domain.MusicReaders;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The reader's scope as SQL on ids: a section's inmates come from organisation's directory (issue
 * 13), so the condition names the inmate column only, never the inmate table.
 */
class ReadableSqlTest {

  @Test
  void theBoardReadsEverything() {
    MusicReaders.Scope all = new MusicReaders.Scope(true, Set.of(4L), Set.of(1L), Set.of(9L));
    assertEquals(
        "1 = 1",
        ReadableSql.condition(new MusicReaders.Readable(all, Set.of(7L)), "t.inmate_id", "t"));
  }

  @Test
  void aSectionBecomesTheInmatesNowInIt() {
    MusicReaders.Scope officer = new MusicReaders.Scope(false, Set.of(), Set.of(2L), Set.of());
    assertEquals(
        "(1 = 0 OR p.inmate_id IN (3,5,12))",
        ReadableSql.condition(
            new MusicReaders.Readable(officer, Set.of(12L, 3L, 5L)), "p.inmate_id", null));
  }

  @Test
  void aSectionWithNobodyInItAddsNothing() {
    MusicReaders.Scope officer = new MusicReaders.Scope(false, Set.of(), Set.of(2L), Set.of());
    assertEquals(
        "(1 = 0)",
        ReadableSql.condition(new MusicReaders.Readable(officer, Set.of()), "p.inmate_id", null));
  }

  @Test
  void learnersSectionsAndPanelTakesTogether() {
    MusicReaders.Scope mixed =
        new MusicReaders.Scope(false, Set.of(8L, 1L), Set.of(2L), Set.of(30L, 20L));
    assertEquals(
        "(1 = 0 OR t.inmate_id IN (1,8) OR t.inmate_id IN (6)"
            + " OR (t.purpose = 'EXAM' AND t.id IN (20,30)))",
        ReadableSql.condition(new MusicReaders.Readable(mixed, Set.of(6L)), "t.inmate_id", "t"));
    // the practice log has no exam takes: the panel's takes add nothing there
    assertEquals(
        "(1 = 0 OR p.inmate_id IN (1,8) OR p.inmate_id IN (6))",
        ReadableSql.condition(new MusicReaders.Readable(mixed, Set.of(6L)), "p.inmate_id", null));
  }
}
