package cn.xinsheng.music.application.exam;

import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.music.domain.exam.Recusal;
import cn.xinsheng.music.domain.exam.Recusals;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Records that an examiner was kept off a panel and why. In its own transaction: the assignment
 * that prompted it is refused and rolled back, but the attempt and its reasons stay on record.
 */
@Stateless
@RolesAllowed(Role.EDU_ADMIN_NAME)
public class RecusalLog {

  @Inject Recusals recusals;
  @Inject Caller caller;
  @Inject PrisonTime time;
  @Inject AuditLog auditLog;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void record(long candidateId, String examiner, List<Recusal.Reason> reasons) {
    Instant now = time.now();
    String text = reasons.stream().map(Enum::name).collect(Collectors.joining(" "));
    long id = recusals.insert(candidateId, examiner, text, caller.name(), now);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("candidate", candidateId);
    p.put("examiner", examiner);
    p.put("reasons", text);
    auditLog.record("music.exam.recusal", "music-recusal/" + id, p, List.of(), now);
  }
}
