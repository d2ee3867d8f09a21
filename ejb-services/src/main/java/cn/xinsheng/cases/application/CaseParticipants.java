package cn.xinsheng.cases.application;

import cn.xinsheng.cases.domain.CommitteeMeetings;
import cn.xinsheng.identity.domain.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Who may take part in cases beside the prison's staff, for the department's pickers: the
 * committee's meetings and its members to call, the lawyers it may grant a case to (issue 18:
 * chosen from lists, not typed logins; the services still check each choice).
 */
@Stateless
public class CaseParticipants {

  @Inject CommitteeMeetings committee;
  @Inject cn.xinsheng.identity.application.AccountDirectory directory;

  /** Meetings for the committee screen. */
  @RolesAllowed({Role.EXECUTION_NAME, Role.COMMITTEE_NAME, Role.WARDEN_NAME})
  public List<CommitteeMeeting> meetings() {
    return committee.meetings().stream().map(CommitteeMeeting::of).toList();
  }

  /** The committee's members to choose a meeting's from (issue 18: a picker, not typed logins). */
  @RolesAllowed(Role.EXECUTION_NAME)
  public List<cn.xinsheng.identity.application.AccountDirectory.Person> committeeMembers() {
    return directory.holders(Role.COMMITTEE);
  }

  /**
   * The lawyers the department may grant a case to (issue 18, item 4: chosen from a list, not a
   * typed login); the service still checks the choice.
   */
  @RolesAllowed(Role.EXECUTION_NAME)
  public List<cn.xinsheng.identity.application.AccountDirectory.Person> lawyers() {
    return directory.holders(Role.LAWYER);
  }
}
