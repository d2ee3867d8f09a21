package cn.xinsheng.web.cases;

import cn.xinsheng.cases.application.CaseFiles;
import cn.xinsheng.cases.application.CaseLists;
import cn.xinsheng.cases.application.CaseParticipants;
import cn.xinsheng.cases.application.CaseSummary;
import cn.xinsheng.cases.application.CommitteeMeeting;
import cn.xinsheng.cases.application.CommitteeService;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.web.security.CurrentUser;
import cn.xinsheng.web.shell.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The committee meeting screen: the department sets a meeting's members and agenda; members open
 * each case on the agenda to vote; everyone sees where each case stands.
 */
@Named
@ViewScoped
public class CommitteeView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient CaseFiles caseFiles;

  @Inject transient CaseLists caseLists;

  @Inject transient CaseParticipants participants;
  @Inject transient CommitteeService committee;
  @Inject CurrentUser currentUser;
  @Inject cn.xinsheng.web.shell.Show show;

  private String title;
  // issue 18: chosen from the committee's members (all of them unless unticked), not typed
  private List<String> members;
  private transient List<cn.xinsheng.identity.application.AccountDirectory.Person> candidates;
  private List<Long> agenda = new ArrayList<>();
  private transient List<CommitteeMeeting> meetings;
  private transient Map<Long, CaseSummary> summaries;

  public boolean isMayCreate() {
    return currentUser.getRoles().contains(Role.EXECUTION);
  }

  public List<CaseSummary> getAwaiting() {
    return isMayCreate() ? caseLists.awaitingCommittee() : List.of();
  }

  public List<CommitteeMeeting> getMeetings() {
    if (meetings == null) {
      meetings = participants.meetings();
    }
    return meetings;
  }

  public List<CaseSummary> agendaOf(CommitteeMeeting m) {
    if (summaries == null) {
      summaries =
          caseLists.list().stream().collect(Collectors.toMap(CaseSummary::id, Function.identity()));
    }
    return m.caseIds().stream().map(summaries::get).filter(java.util.Objects::nonNull).toList();
  }

  /** Each member's vote on a case of the agenda, as the meeting's record shows it. */
  public List<String> votesOf(long caseId) {
    return caseFiles.file(caseId).timeline().stream()
        .filter(t -> "VOTE".equals(t.type()))
        // the member by name, the login beside it, as the court-facing records name staff
        .map(t -> show.person(t.party()) + "：" + Messages.text("case.vote." + t.choice()))
        .toList();
  }

  public void create() {
    try {
      List<String> list = getMembers();
      committee.createMeeting(null, title, list, agenda);
      Messages.info("case.saved");
      meetings = null;
      summaries = null;
      agenda = new ArrayList<>();
      // the form starts afresh for the next meeting (issue 18)
      title = null;
      members = null;
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  /** The committee's members to choose from, by name. */
  public List<cn.xinsheng.identity.application.AccountDirectory.Person> getCandidates() {
    if (candidates == null) {
      candidates = isMayCreate() ? participants.committeeMembers() : List.of();
    }
    return candidates;
  }

  public List<String> getMembers() {
    if (members == null) {
      members =
          new ArrayList<>(
              getCandidates().stream()
                  .map(cn.xinsheng.identity.application.AccountDirectory.Person::login)
                  .toList());
    }
    return members;
  }

  public void setMembers(List<String> members) {
    this.members = members;
  }

  public List<Long> getAgenda() {
    return agenda;
  }

  public void setAgenda(List<Long> agenda) {
    this.agenda = agenda;
  }
}
