package cn.xinsheng.cases.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of a case's history as the rules read it. {@code choice} is a vote, an opinion (AGREE /
 * OBJECT), a committee result (APPROVED / REJECTED) or a ruling (GRANTED / REFUSED); {@code onDate}
 * is the day a posting began or a hearing was held; {@code party} the member who voted or the
 * lawyer granted.
 */
public record CaseEvent(
    long id,
    CaseEventType type,
    CaseStep step,
    String signedBy,
    String signedRole,
    Instant signedAt,
    String note,
    String choice,
    Integer months,
    LocalDate onDate,
    String party,
    Long meetingId,
    boolean late) {}
