package cn.xinsheng.cases.application;

import cn.xinsheng.cases.domain.CaseEvent;
import cn.xinsheng.cases.domain.CaseEventType;
import cn.xinsheng.cases.domain.CaseRepository;
import cn.xinsheng.cases.domain.CaseRepository.CaseRow;
import cn.xinsheng.cases.domain.CaseRuleException;
import cn.xinsheng.cases.domain.CaseStep;
import cn.xinsheng.cases.domain.ReductionCase;
import cn.xinsheng.evidence.application.EvidenceCatalogue;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;

/**
 * What the services that change a case share (they were one class until issue 13 split them by
 * job): the case the caller may act on, its history folded into the domain's {@link ReductionCase},
 * an event appended with its audit leaf, an attachment and a text checked. Runs in the calling
 * service's transaction; that service is the security boundary and checks the role first. Dependent
 * (no proxy), so its methods stay package-private: only this package's services reach a case
 * through it, never a screen past their role checks.
 */
@Dependent
public class CaseChanges {

  /** The longest note, reason or opinion a case event holds. */
  static final int MAX_TEXT = 4000;

  @Inject CaseRepository store;
  @Inject CaseAudit audit;
  @Inject PrisonTime time;
  @Inject Caller caller;
  @Inject CallerScope scope;
  @Inject EvidenceCatalogue evidence;

  /** The case, whoever asks: the service has checked the role, the domain checks the rest. */
  CaseRow find(long caseId) {
    return store.find(caseId).orElseThrow(() -> Refusal.notFound("case.error.unknown"));
  }

  /** The case with its history, as the domain decides on it. */
  ReductionCase load(CaseRow row) {
    return CaseReadModel.kase(row, store.events(row.id()));
  }

  /**
   * The case if the caller may act on it: section staff in their sections, the rest prison-wide.
   */
  CaseRow reach(long caseId) {
    CaseRow row = find(caseId);
    if ((caller.has(Role.OFFICER) || caller.has(Role.REVIEWER))
        && !caller.has(Role.EXECUTION)
        && !caller.has(Role.WARDEN)
        && !caller.has(Role.JUDGE)) {
      scope.requireSection(row.sectionId());
    }
    ReductionCase kase = load(row);
    if (caller.has(Role.JUDGE) || caller.has(Role.HIGH_JUDGE)) {
      // a court reaches the cases before it: the intermediate court fixed terms, the high court
      // life and 死缓 once the bureau approved (法释〔2014〕5号第一条)
      if (!kase.isAtCourt() || !caller.has(kase.track().court())) {
        throw Refusal.notFound("case.error.unknown");
      }
    }
    if (caller.has(Role.BUREAU) && (!kase.track().viaBureau() || !kase.isSubmitted())) {
      throw Refusal.notFound("case.error.unknown");
    }
    return row;
  }

  /**
   * Appends an event signed by the caller in all his roles (a record outside the step chain: a
   * return, an objection, an opinion, a grant) with its audit leaf.
   */
  CaseEvent append(
      CaseRow row,
      CaseEventType type,
      CaseStep step,
      String note,
      String choice,
      String party,
      boolean late) {
    CaseEvent e =
        new CaseEvent(
            0,
            type,
            step,
            caller.name(),
            caller.rolesText(),
            time.now(),
            note,
            choice,
            null,
            time.today(),
            party,
            null,
            late);
    long id = store.insertEvent(row.id(), e, null);
    audit.event(row, id, e, null);
    return e;
  }

  /** The attached file's hash, or null for none; only evidence of the case's own section. */
  String attachment(Long evidenceId, long sectionId) {
    if (evidenceId == null) {
      return null;
    }
    EvidenceCatalogue.FileRef e = evidence.files(List.of(evidenceId)).get(evidenceId);
    // evidence of the case's own section only: another section's files are not this case's to cite
    if (e == null || e.sectionId() != sectionId) {
      throw Refusal.invalid("case.error.attachment", evidenceId);
    }
    return e.sha256();
  }

  /** A required text, stripped; blank or too long is refused with the key. */
  static String text(String value, String key) {
    if (value == null || value.isBlank() || value.length() > MAX_TEXT) {
      throw Refusal.invalid(key);
    }
    return value.strip();
  }

  /** The domain's refusal as the boundary's: not the caller's role, not now, not this input. */
  static Refusal refusal(CaseRuleException e) {
    return switch (e.kind()) {
      case ROLE -> Refusal.forbidden(e.messageKey(), e.arguments());
      case STATE -> Refusal.conflict(e.messageKey(), e.arguments());
      case INPUT -> Refusal.invalid(e.messageKey(), e.arguments());
    };
  }
}
