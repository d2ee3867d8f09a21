package cn.xinsheng.cases.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The committee's meetings (评审委员会): who sat and which cases were on the agenda; a member's vote is
 * a case event bound to the meeting. Typed records in and out; the SQL lives in {@code
 * cases.infrastructure}. Rows are only ever inserted. Runs in the caller's transaction.
 */
public interface CommitteeMeetings {

  /** A committee meeting with its members and agenda. */
  record Meeting(
      long id, LocalDate heldOn, String title, Set<String> members, List<Long> caseIds) {}

  /** The latest meeting whose agenda holds the case: the one its votes belong to. */
  Optional<Meeting> meetingOf(long caseId);

  /** The latest fifty meetings, newest first. */
  List<Meeting> meetings();

  /** Inserts a meeting with its members and agenda; answers its id. */
  long insertMeeting(
      LocalDate heldOn, String title, String by, Set<String> members, List<Long> cases);
}
