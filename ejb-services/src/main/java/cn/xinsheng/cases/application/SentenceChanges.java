package cn.xinsheng.cases.application;

import cn.xinsheng.cases.domain.CaseKind;
import cn.xinsheng.cases.domain.CaseRepository.CaseRow;
import cn.xinsheng.cases.domain.CaseTrack;
import cn.xinsheng.cases.domain.SentenceChangeLog;
import cn.xinsheng.organisation.application.SentenceRecords;
import cn.xinsheng.platform.Caller;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a court's granted ruling does to the sentence: a reduction moves its end, a life term or a
 * 死缓 is commuted, a parole is recorded; each change is its own {@code sentence_change} row bound to
 * the audit entry that reports it, and organisation's {@link SentenceRecords} moves the inmate's
 * end. Only {@link StepService} calls it, after the ruling's step was signed, in that transaction
 * and behind its role check: Dependent (no proxy), so the method stays package-private.
 */
@Dependent
public class SentenceChanges {

  @Inject SentenceChangeLog sentenceLog;
  @Inject CaseAudit audit;
  @Inject Caller caller;
  @Inject SentenceRecords sentences;
  @Inject cn.xinsheng.sentence.application.CaseLaw law;

  /** A granted ruling moves the sentence's end; the change is its own record. */
  void afterGrantedRuling(CaseRow row, LocalDate ruledOn, Integer months) {
    LocalDate previous = sentences.currentSentenceEnd(row.inmateId());
    java.util.Optional<LocalDate> reprieveEnds =
        row.kind() == CaseKind.REDUCTION && row.track() == CaseTrack.DEATH_REPRIEVE
            ? law.reprieveEnds(row.inmateId(), row.sectionId(), ruledOn)
            : java.util.Optional.empty();
    if (reprieveEnds.isPresent()) {
      // 刑法第五十条第一款, 第五十一条: the 死缓 becomes life, or 25 years with major merit, as of the
      // day the reprieve ended, whenever the high court rules
      LocalDate ends = reprieveEnds.get();
      long change = law.recordReprieveEnd(row.inmateId(), row.id(), ends, months, caller.name());
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("inmate", row.prisonerNumber());
      p.put("case", row.id());
      p.put("reprieveEnded", ends.toString());
      if (months == null) {
        p.put("commutedTo", "LIFE");
      } else {
        sentences.moveSentenceEnd(row.inmateId(), ends.plusMonths(months));
        p.put("commutedToMonths", months.longValue());
        p.put("newEnd", ends.plusMonths(months).toString());
      }
      audit.append(
          "case.sentence.commuted", "sentence/" + row.prisonerNumber(), p, List.of(), bind(change));
    } else if (row.kind() == CaseKind.REDUCTION && law.commutes(row.inmateId(), row.sectionId())) {
      // a life term commuted: the ruling's months are the new fixed term (刑法第八十条), counted
      // from the ruling; organisation's port moves the inmate's end
      long change = law.recordCommutation(row.inmateId(), row.id(), ruledOn, months, caller.name());
      sentences.moveSentenceEnd(row.inmateId(), ruledOn.plusMonths(months));
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("inmate", row.prisonerNumber());
      p.put("case", row.id());
      p.put("commutedToMonths", months.longValue());
      p.put("newEnd", ruledOn.plusMonths(months).toString());
      audit.append(
          "case.sentence.commuted", "sentence/" + row.prisonerNumber(), p, List.of(), bind(change));
    } else if (row.kind() == CaseKind.REDUCTION) {
      LocalDate next = previous == null ? null : previous.minusMonths(months);
      long change =
          sentenceLog.insertChange(
              row.inmateId(), row.id(), row.kind(), ruledOn, months, previous, next, caller.name());
      if (next != null) {
        sentences.moveSentenceEnd(row.inmateId(), next);
      }
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("inmate", row.prisonerNumber());
      p.put("case", row.id());
      p.put("months", months.longValue());
      if (previous != null) {
        p.put("previousEnd", previous.toString());
        p.put("newEnd", next.toString());
      }
      audit.append(
          "case.sentence.changed", "sentence/" + row.prisonerNumber(), p, List.of(), bind(change));
    } else {
      long change =
          sentenceLog.insertChange(
              row.inmateId(), row.id(), row.kind(), ruledOn, 0, previous, previous, caller.name());
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("inmate", row.prisonerNumber());
      p.put("case", row.id());
      p.put("parole", true);
      audit.append(
          "case.sentence.paroled", "sentence/" + row.prisonerNumber(), p, List.of(), bind(change));
    }
  }

  /** The sentence_change row bound to the entry that reports it (issue 15). */
  private static List<cn.xinsheng.auditlog.application.AuditLog.Bind> bind(long sentenceChange) {
    return List.of(
        cn.xinsheng.auditlog.application.AuditLog.Bind.of(
            cn.xinsheng.cases.infrastructure.SentenceChangeBinding.TABLE, sentenceChange));
  }
}
