package cn.xinsheng.music.application.exam;

import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.music.domain.exam.ExamPanels;
import cn.xinsheng.music.domain.exam.ExamRefusal;
import cn.xinsheng.music.domain.exam.ExamRules;
import cn.xinsheng.music.domain.exam.MarkSheet;
import cn.xinsheng.music.domain.exam.RubricItem;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Marking a CNOS exam (issue 19): each examiner on the panel marks the recorded performance alone
 * and sees the other's marks only once both are in; the board sees every mark. Every mark is an
 * audit event; no row is ever changed.
 */
@Stateless
@RolesAllowed(Role.EDU_ADMIN_NAME)
public class ExamMarking {

  @Inject ExamPanels panels;
  @Inject ExamSettings settings;
  @Inject Caller caller;
  @Inject PrisonTime time;
  @Inject AuditLog auditLog;
  @Inject ExamReadModel model;

  public record MarksView(
      long candidateId,
      boolean bothIn,
      boolean thirdNeeded,
      Map<String, Map<String, Integer>> marks) {}

  // --- marking ----------------------------------------------------------------------------------

  @RolesAllowed(Role.EXAMINER_NAME)
  public MarksView mark(long candidateId, Map<String, Integer> given) {
    ExamReadModel.Candidate c = model.candidate(candidateId);
    if (c.published()) {
      throw Refusal.conflict("music.exam.error.published");
    }
    Map<RubricItem, Integer> marks = new EnumMap<>(RubricItem.class);
    for (Map.Entry<String, Integer> e : given.entrySet()) {
      try {
        marks.put(RubricItem.valueOf(e.getKey()), e.getValue());
      } catch (IllegalArgumentException | NullPointerException x) {
        throw Refusal.invalid("music.exam.error.allItems");
      }
    }
    MarkSheet sheet = model.sheet(candidateId);
    ExamRules rules = settings.rules();
    try {
      sheet.checkMarks(caller.name(), c.performanceSha() != null, marks, rules);
    } catch (ExamRefusal r) {
      throw ExamReadModel.refusal(r);
    }
    if (sheet.panel().indexOf(caller.name()) == 2 && !sheet.thirdNeeded(rules)) {
      throw Refusal.conflict("music.exam.error.panelFull");
    }
    Instant now = time.now();
    for (RubricItem i : RubricItem.values()) {
      panels.mark(candidateId, caller.name(), i, marks.get(i), now);
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("candidate", candidateId);
    p.put("examiner", caller.name());
    for (RubricItem i : RubricItem.values()) {
      p.put(i.name().toLowerCase(), marks.get(i));
    }
    auditLog.record(
        "music.exam.marked",
        "music-exam-mark/" + candidateId + "/" + caller.name(),
        p,
        List.of(),
        now);
    return marks(candidateId);
  }

  /** The marks the caller may see: his own, and the others' once both panel marks are in. */
  @RolesAllowed({Role.EDU_ADMIN_NAME, Role.EXAMINER_NAME})
  public MarksView marks(long candidateId) {
    model.readableCandidate(candidateId);
    MarkSheet sheet = model.sheet(candidateId);
    boolean board = caller.has(Role.EDU_ADMIN);
    Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
    sheet
        .visibleTo(caller.name(), board)
        .forEach(
            (e, m) -> {
              Map<String, Integer> items = new LinkedHashMap<>();
              for (RubricItem i : RubricItem.values()) {
                items.put(i.name(), m.get(i));
              }
              out.put(e, items);
            });
    return new MarksView(
        candidateId, sheet.panelMarked(), sheet.thirdNeeded(settings.rules()), out);
  }
}
