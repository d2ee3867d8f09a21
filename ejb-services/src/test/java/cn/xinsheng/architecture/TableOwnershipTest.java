package cn.xinsheng.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No SQL in a context names another context's table (issue 13, ADR 0013): each table belongs to the
 * context whose migration made it, and only that context's code writes SQL on it; the others ask
 * its ports. The reads left when issue 13 set this rule are listed in {@link #KNOWN} (file and
 * foreign table), to be moved behind ports; a new one fails the build, and so does an entry that no
 * longer occurs (take it off the list: it only shrinks).
 */
class TableOwnershipTest {

  private static final Path SOURCES = Path.of("src", "main", "java", "cn", "xinsheng");

  /** Every table by the context that owns it (its migration's subject). */
  private static final Map<String, String> OWNER =
      owners(
          owned("organisation", "prison", "ward", "section", "inmate"),
          owned(
              "identity",
              "account",
              "account_role",
              "officer_section",
              "identity_event",
              "installation_setting",
              "read_event"),
          owned(
              "auditlog",
              "audit_entry",
              "audit_leaf",
              "audit_checkpoint",
              "audit_key",
              "audit_witness",
              "audit_cosignature",
              "audit_self_check",
              "audit_binding"),
          owned("evidence", "evidence_blob", "evidence"),
          owned(
              "ledger",
              "rule_catalogue",
              "rule_clause",
              "point_entry",
              "point_entry_evidence",
              "entry_review",
              "entry_batch",
              "month_close",
              "month_close_step",
              "month_result",
              "assessment_cycle",
              "cycle_decision",
              "cycle_entry",
              "objection",
              "objection_step",
              "calendar_day",
              // issue 16: excusal from labour
              "labour_excusal",
              "labour_excusal_review",
              "grading_proposal",
              "grading_approval"),
          owned(
              "cases",
              "sentence_fact",
              "eligibility_run",
              "eligibility_result",
              "reduction_case",
              "case_cycle",
              "committee_meeting",
              "committee_member",
              "committee_agenda",
              "case_event",
              "sentence_change",
              "case_serial"),
          owned(
              "lms",
              "publisher_key",
              "programme",
              "course",
              "content_package",
              "lesson",
              "quiz",
              "question_bank",
              "assignment",
              "cohort",
              "enrolment",
              "lesson_progress",
              "quiz_attempt",
              "quiz_submission",
              "quiz_grading",
              "submission",
              "submission_grade",
              "scorm_track",
              "education_credit"),
          // issue 20: release plans and the handover to community corrections
          owned(
              "readiness",
              "release_plan",
              "plan_item_update",
              "cc_office",
              "cc_office_member",
              "handover",
              "first_report",
              // issue 20: imported scenario packages
              "scenario_package",
              "scenario_package_scenario",
              "scenario_package_withdrawal"));

  /**
   * The foreign tables still named in SQL when issue 13 set the rule, as {@code file -> table}.
   * Nearly all are joins to organisation's {@code inmate} and {@code section} for a name or a
   * prisoner number on a list; organisation's {@code InmateDirectory} answers names for ids (the
   * cases' store asks it), so each goes when its file does the same.
   */
  private static final Set<String> KNOWN =
      Set.of(
          // issue 16's sentence context was built beside issue 13, before these ports existed: it
          // reads the cases and ledger tables it evaluates and the inmate's term. To move behind
          // CaseReferences, CommendationQueries and SentenceRecords.
          "sentence/infrastructure/SentenceStore.java -> assessment_cycle",
          "sentence/infrastructure/SentenceStore.java -> case_cycle",
          "sentence/infrastructure/SentenceStore.java -> case_event",
          "sentence/infrastructure/SentenceStore.java -> cycle_decision",
          "sentence/infrastructure/SentenceStore.java -> inmate",
          "sentence/infrastructure/SentenceStore.java -> reduction_case",
          "sentence/infrastructure/SentenceStore.java -> sentence_change",
          "sentence/infrastructure/SentenceStore.java -> sentence_fact",
          // issues 19 and 20 were built in parallel in one session (2026-12-02) and merged with
          // these reads: music's names of inmates and its examiners' roles and sections, and the
          // risk assessment's facts from the ledger and learning. Debt: to move behind
          // OrganisationQueries, AccountDirectory, CommendationQueries and LearningRecords.
          "music/application/MusicAccess.java -> inmate",
          "music/application/PracticeService.java -> inmate",
          "music/application/TakeAnalysisStates.java -> inmate",
          "music/application/TakeService.java -> inmate",
          "music/application/exam/ExamCreditService.java -> inmate",
          "music/application/exam/ExamService.java -> account",
          "music/application/exam/ExamService.java -> account_role",
          "music/application/exam/ExamService.java -> inmate",
          "music/application/exam/ExamService.java -> officer_section",
          "readiness/infrastructure/RiskFactSql.java -> education_credit",
          "readiness/infrastructure/RiskFactSql.java -> entry_review",
          "readiness/infrastructure/RiskFactSql.java -> inmate",
          "readiness/infrastructure/RiskFactSql.java -> point_entry",
          "readiness/infrastructure/RiskFactSql.java -> rule_clause");

  private static final Pattern TABLE =
      Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+([a-z_][a-z0-9_]*)\\b");

  private static Map<String, String> owned(String context, String... tables) {
    Map<String, String> out = new java.util.HashMap<>();
    for (String t : tables) {
      out.put(t, context);
    }
    return out;
  }

  @SafeVarargs
  private static Map<String, String> owners(Map<String, String>... parts) {
    Map<String, String> out = new java.util.HashMap<>();
    for (Map<String, String> p : parts) {
      out.putAll(p);
    }
    return Map.copyOf(out);
  }

  @Test
  void noContextNamesAnotherContextsTable() throws IOException {
    Set<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String context = SOURCES.relativize(f).getName(0).toString();
        Matcher m = TABLE.matcher(Files.readString(f));
        while (m.find()) {
          String owner = OWNER.get(m.group(1));
          if (owner != null && !owner.equals(context)) {
            found.add(SOURCES.relativize(f).toString().replace('\\', '/') + " -> " + m.group(1));
          }
        }
      }
    }
    Set<String> fresh = new TreeSet<>(found);
    fresh.removeAll(KNOWN);
    assertTrue(
        fresh.isEmpty(),
        "SQL on another context's table (use its port, see docs/context-map.md): " + fresh);
    Set<String> gone = new TreeSet<>(KNOWN);
    gone.removeAll(found);
    assertEquals(Set.of(), gone, "no longer named: take these off TableOwnershipTest.KNOWN");
  }
}
