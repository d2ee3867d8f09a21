package cn.xinsheng.auditlog.domain;

import java.util.Map;
import java.util.Set;

/**
 * Whose eyes a leaf's content may reach through the audit API (issue 14, finding 6). The leaf's
 * hash, the checkpoints and the proofs are for every reader of the log: a court verifies the whole
 * tree from hashes alone. The content (who did what to whom, with which rationale) is shown only to
 * a caller who may read its subject where it lives: a case's leaves to whoever the case rules let
 * read that case, an inmate's leaves to whoever may read a case of that inmate, and the log's own
 * housekeeping and account events (no case, no inmate) to the administrator who runs the log. The
 * probe found a judge reading the proposal of a case the case API hid from him, and a supervisor
 * reading every ledger fact and objection of every inmate.
 *
 * @param administrator whether the caller runs the log (system administrator)
 * @param readableCases the cases the caller may read
 * @param readableInmates the prisoner numbers of those cases' inmates
 */
public record LeafContentRule(
    boolean administrator, Set<Long> readableCases, Set<String> readableInmates) {

  public LeafContentRule {
    readableCases = Set.copyOf(readableCases);
    readableInmates = Set.copyOf(readableInmates);
  }

  /** Whether this leaf's content may be shown; its hash is shown regardless. */
  public boolean mayRead(String subject, Map<String, Object> payload) {
    Long caseId = caseOf(subject, payload);
    if (caseId != null) {
      return readableCases.contains(caseId);
    }
    String inmate = inmateOf(subject, payload);
    if (inmate != null) {
      return readableInmates.contains(inmate);
    }
    return administrator;
  }

  private static Long caseOf(String subject, Map<String, Object> payload) {
    Object c = payload.get("case");
    if (c instanceof Number n) {
      return n.longValue();
    }
    if (c instanceof String s && s.matches("\\d{1,18}")) {
      return Long.parseLong(s);
    }
    for (String head : heads(subject, payload)) {
      if (head.startsWith("case/") && head.substring(5).matches("\\d{1,18}")) {
        return Long.parseLong(head.substring(5));
      }
    }
    return null;
  }

  private static String inmateOf(String subject, Map<String, Object> payload) {
    if (payload.get("inmate") instanceof String s) {
      return s;
    }
    for (String head : heads(subject, payload)) {
      if (head.startsWith("inmate/")) {
        return head.substring(7);
      }
    }
    return null;
  }

  /** The subject itself and, for a chain's head, the chain it heads. */
  private static java.util.List<String> heads(String subject, Map<String, Object> payload) {
    java.util.List<String> out = new java.util.ArrayList<>();
    if (subject != null) {
      out.add(subject);
    }
    if (payload.get("head") instanceof String h) {
      out.add(h);
    }
    return out;
  }
}
