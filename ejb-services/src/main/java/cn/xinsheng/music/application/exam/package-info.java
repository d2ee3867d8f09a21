/**
 * CNOS graded exams (issue 19): the transaction and security boundary for sessions, registration,
 * panels with recusal, marking, publication, certificates and their verification, the ledger credit
 * a pass proposes, and the statistics. Candidates' names and sections come from organisation's
 * {@code InmateDirectory}, the examiners and their sections from identity's {@code
 * AccountDirectory}. The services hold no SQL: their rows go through {@code domain.exam}'s
 * repositories (ADR 0013).
 */
package cn.xinsheng.music.application.exam;
