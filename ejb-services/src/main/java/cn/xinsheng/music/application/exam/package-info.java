/**
 * CNOS graded exams (issue 19): the transaction and security boundary for sessions, registration,
 * panels with recusal, marking, publication, certificates and their verification, the ledger credit
 * a pass proposes, and the statistics. Candidates' names and sections come from organisation's
 * {@code InmateDirectory}, the examiners and their sections from identity's {@code
 * AccountDirectory}. {@code RecusalLog} and {@code ExamCreditService} keep their rows through
 * {@code domain.exam}'s {@code Recusals} and {@code ExamCredits}; {@code ExamService} still holds
 * its SQL (on music's own tables), which is why music is not yet in {@code NoSqlInApplicationTest}.
 */
package cn.xinsheng.music.application.exam;
