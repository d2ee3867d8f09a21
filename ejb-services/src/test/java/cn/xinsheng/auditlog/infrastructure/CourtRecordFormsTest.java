package cn.xinsheng.auditlog.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.BoundRecord;
import cn.xinsheng.auditlog.application.RecordBinding;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: the records a court may question beyond the ledger (objections and their steps, case
 * events with the committee's votes, sentence changes, quiz and assignment grades, education
 * credits) have canonical forms: every binding is found without a container, its SELECT gives the
 * id and exactly one column per field, and a row reads the same from JDBC and JPA, so a changed
 * field is named.
 */
class CourtRecordFormsTest {

  private static final List<String> NEW_TABLES =
      List.of(
          "objection",
          "objection_step",
          "case_event",
          "sentence_change",
          "quiz_grading",
          "submission_grade",
          "education_credit");

  @Test
  void everyRecordACourtMayQuestionIsBoundAndFoundWithoutAContainer() {
    RecordForms forms = RecordForms.loaded();
    for (String table : NEW_TABLES) {
      assertTrue(forms.binds(table), table + " is bound");
      RecordBinding b = forms.binding(table);
      assertEquals(table, b.table());
      assertTrue(b.select().contains(" FROM " + table + " "), b.select());
      assertTrue(b.select().endsWith(".id IN ({ids})"), b.select());
      Set<String> names = new HashSet<>();
      b.fields().forEach(f -> assertTrue(names.add(f.name()), "field named twice: " + f.name()));
      assertFalse(names.contains("id"), "the id comes first, not as a field");
      assertEquals(
          b.fields().size() + 1,
          selectedColumns(b.select()),
          table + ": one selected column for the id and each field");
      // every time is read as epoch milliseconds, the same in any session time zone
      long instants =
          b.fields().stream().filter(f -> f.type() == RecordBinding.Type.INSTANT).count();
      assertEquals(instants, count(b.select(), "UNIX_TIMESTAMP("), table);
    }
  }

  @Test
  void aCaseEventWithAVoteReadsTheSameFromEitherDriverShapeAndAChangedNoteIsNamed() {
    RecordBinding b = RecordForms.loaded().binding("case_event");
    // id, case, type, step, signed by, role, at, note, choice, months, on date, party, meeting,
    // attachment, late
    Object[] jdbc = {
      31L,
      8L,
      "VOTE",
      "COMMITTEE",
      "warden1",
      "WARDEN",
      1_790_000_000_123L,
      "同意",
      "AGREE",
      6,
      null,
      null,
      4L,
      null,
      false
    };
    Object[] jpa = {
      BigInteger.valueOf(31),
      8,
      "VOTE",
      "COMMITTEE".getBytes(StandardCharsets.UTF_8),
      "warden1",
      "WARDEN",
      BigDecimal.valueOf(1_790_000_000_123L),
      "同意",
      "AGREE",
      6L,
      null,
      null,
      BigInteger.valueOf(4),
      null,
      0
    };
    Map<String, Object> a = RecordForms.form(b, jdbc);
    assertEquals(a, RecordForms.form(b, jpa));
    assertEquals("2026-09-21T14:13:20.123Z", a.get("signed_at"));
    assertEquals(Boolean.FALSE, a.get("late"));
    BoundRecord bound = BoundRecord.of("case_event", 31, a);
    assertTrue(bound.matches(RecordForms.form(b, jpa)));

    Map<String, Object> edited = new LinkedHashMap<>(a);
    edited.put("choice", "DISAGREE");
    assertFalse(bound.matches(edited));
    String said = bound.mismatch(edited, 77);
    assertTrue(said.contains("case_event/31") && said.contains("field choice"), said);
    assertFalse(said.contains("field note"), said);
  }

  @Test
  void aGradeKeepsItsDecimalsAsTextSoTwoPointsMoreIsNamed() {
    RecordBinding b = RecordForms.loaded().binding("quiz_grading");
    Object[] row = {5L, 12L, "8.00", "10.00", 0, "{}", "auto", 1_790_000_000_000L};
    Map<String, Object> form = RecordForms.form(b, row);
    assertEquals("8.00", form.get("score"));
    BoundRecord bound = BoundRecord.of("quiz_grading", 5, form);
    Object[] raised = row.clone();
    raised[2] = "10.00";
    String said = bound.mismatch(RecordForms.form(b, raised), 40);
    assertTrue(said.contains("quiz_grading/5") && said.contains("field score"), said);
    assertTrue(bound.mismatch(null, 40).contains("quiz_grading/5"), "a deleted grade is named");
  }

  @Test
  void aSentenceChangeAndAnObjectionReadTheirDatesAsText() {
    RecordForms forms = RecordForms.loaded();
    Map<String, Object> change =
        RecordForms.form(
            forms.binding("sentence_change"),
            new Object[] {
              3L,
              9L,
              8L,
              "REDUCTION",
              "2026-11-30",
              6,
              null,
              "2031-05-01",
              "2030-11-01",
              "judge1",
              1_790_000_000_000L
            });
    assertEquals("2030-11-01", change.get("new_end"));
    assertEquals(6L, change.get("months"));
    Map<String, Object> objection =
        RecordForms.form(
            forms.binding("objection"),
            new Object[] {
              2L, 9L, 21L, "ENTRY", 17L, null, null, "事实有误", "inmate1", "INMATE", 1_790_000_000_000L
            });
    assertEquals("事实有误", objection.get("text"));
    assertEquals(null, objection.get("case_id"));
  }

  private static int selectedColumns(String select) {
    String list = select.substring("SELECT ".length(), select.indexOf(" FROM "));
    // a sub-select names FROM inside parentheses; count commas at depth 0
    int depth = 0;
    int columns = 1;
    for (char ch : list.toCharArray()) {
      if (ch == '(') {
        depth++;
      } else if (ch == ')') {
        depth--;
      } else if (ch == ',' && depth == 0) {
        columns++;
      }
    }
    return columns;
  }

  private static long count(String s, String what) {
    Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
    long n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
