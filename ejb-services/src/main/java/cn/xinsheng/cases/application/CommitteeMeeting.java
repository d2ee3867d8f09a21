package cn.xinsheng.cases.application;

import cn.xinsheng.cases.domain.CommitteeMeetings;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A committee meeting as the committee screen and the API list it: when, its title, its members'
 * logins and the cases on its agenda.
 */
public record CommitteeMeeting(
    long id, LocalDate heldOn, String title, Set<String> members, List<Long> caseIds) {

  // the members as the repository read them: the API has always listed them in that order
  static CommitteeMeeting of(CommitteeMeetings.Meeting m) {
    return new CommitteeMeeting(m.id(), m.heldOn(), m.title(), m.members(), m.caseIds());
  }
}
