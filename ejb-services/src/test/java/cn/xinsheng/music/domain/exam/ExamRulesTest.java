package cn.xinsheng.music.domain.exam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The exam's rules as tables: eligibility, recusal, seats, independent marking, third examiner,
 * result.
 */
class ExamRulesTest {

  private static final ExamRules RULES = ExamRules.STANDARD;

  private static Optional<Integer> opt(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(Integer.valueOf(s.strip()));
  }

  @ParameterizedTest(name = "level {0}, passed {1}, placed {2} -> {3}")
  @CsvSource({
    "1,  ,  , FIRST_LEVEL",
    "1,  , 3, FIRST_LEVEL",
    "2, 1,  , PREVIOUS_LEVEL_PASSED",
    "5, 4,  , PREVIOUS_LEVEL_PASSED",
    "5,  , 5, PLACEMENT",
    "5, 2, 5, PLACEMENT",
    "5, 3,  , music.exam.error.notEligible",
    "5,  ,  , music.exam.error.notEligible",
    "5,  , 4, music.exam.error.notEligible",
    "5,  , 6, music.exam.error.notEligible",
    "3, 3,  , music.exam.error.alreadyPassed",
    "3, 7,  , music.exam.error.alreadyPassed",
    "0,  ,  , music.exam.error.level",
    "11, 10, , music.exam.error.level",
  })
  void eligibility(int level, String passed, String placed, String expected) {
    if (expected.startsWith("music.")) {
      ExamRefusal r =
          assertThrows(
              ExamRefusal.class, () -> Eligibility.decide(level, opt(passed), opt(placed)));
      assertEquals(expected, r.key());
    } else {
      assertEquals(
          Eligibility.Basis.valueOf(expected), Eligibility.decide(level, opt(passed), opt(placed)));
    }
  }

  @ParameterizedTest(name = "taught {0}, section {1}, declared {2} -> {3}")
  @CsvSource({
    "false, false, false, ''",
    "true,  false, false, TAUGHT",
    "false, true,  false, SAME_SECTION",
    "false, false, true,  DECLARED",
    "true,  true,  true,  TAUGHT SAME_SECTION DECLARED",
  })
  void recusal(boolean taught, boolean section, boolean declared, String expected) {
    List<String> got =
        Recusal.reasons(new Recusal.Facts(taught, section, declared)).stream()
            .map(Enum::name)
            .toList();
    assertEquals(expected.isBlank() ? List.of() : List.of(expected.split(" ")), got);
  }

  private static Map<RubricItem, Integer> marks(int... v) {
    Map<RubricItem, Integer> m = new EnumMap<>(RubricItem.class);
    for (RubricItem i : RubricItem.values()) {
      m.put(i, v[i.ordinal()]);
    }
    return m;
  }

  private static Map<RubricItem, Integer> marks(String spaced) {
    String[] p = spaced.strip().split("\\s+");
    int[] v = new int[p.length];
    for (int i = 0; i < p.length; i++) {
      v[i] = Integer.parseInt(p[i]);
    }
    return marks(v);
  }

  private static MarkSheet sheet(String a, String b, String c) {
    Map<String, Map<RubricItem, Integer>> m = new LinkedHashMap<>();
    List<String> panel = c == null ? List.of("e1", "e2") : List.of("e1", "e2", "e3");
    if (a != null) {
      m.put("e1", marks(a));
    }
    if (b != null) {
      m.put("e2", marks(b));
    }
    if (c != null && !c.isBlank() && !c.equals("-")) {
      m.put("e3", marks(c));
    }
    return new MarkSheet(panel, m);
  }

  @ParameterizedTest(name = "{0} / {1} / {2}: third {3}, total {4}, grade {5}")
  @CsvSource({
    // agreeing examiners: the mean decides
    "'18 18 18 18 18', '18 18 18 18 18',               , false, 90.0, EXCELLENT",
    "'18 18 18 18 17', '18 18 18 18 18',               , false, 89.5, GOOD",
    "'16 16 16 16 16', '17 17 17 17 17',               , false, 82.5, GOOD",
    "'12 12 12 12 12', '12 12 12 12 12',               , false, 60.0, PASS",
    "'12 12 12 12 11', '12 12 12 12 12',               , false, 59.5, FAIL",
    "'0 0 0 0 0',      '4 4 4 4 4',                    , false, 10.0, FAIL",
    // a difference of exactly the threshold (4) needs no third
    "'10 20 20 20 20', '14 20 20 20 20',               , false, 92.0, EXCELLENT",
    // above it: a third, and the median of three decides
    "'10 20 20 20 20', '15 20 20 20 20', -,                false, ,     ",
    "'10 14 14 14 14', '15 14 14 14 14', '12 14 14 14 14', true,  68.0, PASS",
    "'10 20 20 20 20', '15 20 20 20 20', '11 16 16 16 16', true,  91.0, EXCELLENT",
    "'10 10 10 10 10', '20 20 20 20 20', '19 19 19 19 19', true,  95.0, EXCELLENT",
  })
  void resultFollowsTheRules(
      String a, String b, String c, boolean third, Double total, String grade) {
    MarkSheet s = sheet(a, b, c);
    if (total == null) {
      assertTrue(s.thirdNeeded(RULES));
      assertFalse(s.complete(RULES));
      assertTrue(s.grade(RULES).isEmpty());
      return;
    }
    assertTrue(s.complete(RULES));
    assertEquals(third, s.thirdNeeded(RULES));
    assertEquals(total, s.total(RULES).orElseThrow(), 1e-9);
    assertEquals(ExamGrade.valueOf(grade), s.grade(RULES).orElseThrow());
  }

  @Test
  void oneMarkAloneDecidesNothing() {
    MarkSheet s = sheet("20 20 20 20 20", null, null);
    assertFalse(s.panelMarked());
    assertFalse(s.complete(RULES));
    assertTrue(s.grade(RULES).isEmpty());
  }

  @ParameterizedTest(name = "reader {0}, board {1}, e1 {2}, e2 {3} -> sees {4}")
  @CsvSource({
    // nobody sees another's marks before both are in
    "e1, false, true,  false, e1",
    "e2, false, true,  false, ''",
    "e3, false, true,  false, ''",
    "bd, true,  true,  false, ''",
    // once both are in, each panel examiner and the board see both
    "e1, false, true,  true,  e1 e2",
    "e2, false, true,  true,  e1 e2",
    "bd, true,  true,  true,  e1 e2",
    // an outsider examiner who has not marked sees nothing
    "e9, false, true,  true,  ''",
  })
  void independentMarking(String reader, boolean board, boolean e1, boolean e2, String expected) {
    MarkSheet s = sheet(e1 ? "15 15 15 15 15" : null, e2 ? "16 16 16 16 16" : null, null);
    assertEquals(
        expected.isBlank() ? List.of() : List.of(expected.split(" ")),
        List.copyOf(s.visibleTo(reader, board).keySet()));
  }

  @Test
  void theThirdExaminerSeesTheOthersOnlyAfterMarkingHimself() {
    MarkSheet before = sheet("10 20 20 20 20", "15 20 20 20 20", "-");
    assertEquals(List.of(), List.copyOf(before.visibleTo("e3", false).keySet()));
    MarkSheet after = sheet("10 20 20 20 20", "15 20 20 20 20", "12 18 18 18 18");
    assertEquals(List.of("e1", "e2", "e3"), List.copyOf(after.visibleTo("e3", false).keySet()));
  }

  @ParameterizedTest(name = "panel {0}, marks {1}, recused {2}, new {3} -> {4}")
  @CsvSource({
    "'',            '',                        false, e1, ok",
    "'e1',          '',                        false, e2, ok",
    "'e1',          '',                        false, e1, music.exam.error.alreadyOnPanel",
    "'e1',          '',                        true,  e2, music.exam.error.recused",
    "'e1 e2',       '',                        false, e3, music.exam.error.panelFull",
    "'e1 e2',       'agree',                   false, e3, music.exam.error.panelFull",
    "'e1 e2',       'disagree',                false, e3, ok",
    "'e1 e2',       'disagree',                true,  e3, music.exam.error.recused",
    "'e1 e2 e3',    'disagree',                false, e4, music.exam.error.panelFull",
  })
  void seats(String panel, String marks, boolean recused, String examiner, String expected) {
    List<String> p = panel.isBlank() ? List.of() : List.of(panel.split(" "));
    Map<String, Map<RubricItem, Integer>> m = new LinkedHashMap<>();
    if (marks.equals("agree")) {
      m.put("e1", marks("15 15 15 15 15"));
      m.put("e2", marks("16 16 16 16 16"));
    } else if (marks.equals("disagree")) {
      m.put("e1", marks("10 15 15 15 15"));
      m.put("e2", marks("16 16 16 16 16"));
    }
    MarkSheet s = new MarkSheet(p, m);
    List<Recusal.Reason> reasons = recused ? List.of(Recusal.Reason.DECLARED) : List.of();
    if (expected.equals("ok")) {
      s.checkSeat(examiner, reasons, RULES);
    } else {
      assertEquals(
          expected,
          assertThrows(ExamRefusal.class, () -> s.checkSeat(examiner, reasons, RULES)).key());
    }
  }

  @ParameterizedTest(name = "{0}, recorded {1}, {2} -> {3}")
  @CsvSource({
    "e1, true,  '15 15 15 15 15', ok",
    "e1, false, '15 15 15 15 15', music.exam.error.noPerformance",
    "e9, true,  '15 15 15 15 15', music.exam.error.notOnPanel",
    "e2, true,  '15 15 15 15 15', music.exam.error.alreadyMarked",
    "e1, true,  '15 15 15 15 21', music.exam.error.markRange",
    "e1, true,  '15 15 15 15 -1', music.exam.error.markRange",
    "e1, true,  '15 15 15 15',    music.exam.error.allItems",
  })
  void marking(String examiner, boolean recorded, String given, String expected) {
    MarkSheet s = new MarkSheet(List.of("e1", "e2"), Map.of("e2", marks("15 15 15 15 15")));
    String[] p = given.strip().split("\\s+");
    Map<RubricItem, Integer> m = new EnumMap<>(RubricItem.class);
    for (int i = 0; i < p.length; i++) {
      m.put(RubricItem.values()[i], Integer.parseInt(p[i]));
    }
    if (expected.equals("ok")) {
      s.checkMarks(examiner, recorded, m, RULES);
    } else {
      assertEquals(
          expected,
          assertThrows(ExamRefusal.class, () -> s.checkMarks(examiner, recorded, m, RULES)).key());
    }
  }

  @ParameterizedTest(name = "rules {0}/{1}/{2}/{3}/{4} invalid")
  @CsvSource({"0,4,90,80,60", "20,-1,90,80,60", "20,4,80,90,60", "20,4,101,80,60", "20,4,90,80,0"})
  void badSettingsAreRefused(int max, int diff, int ex, int good, int pass) {
    assertThrows(IllegalArgumentException.class, () -> new ExamRules(max, diff, ex, good, pass));
  }
}
