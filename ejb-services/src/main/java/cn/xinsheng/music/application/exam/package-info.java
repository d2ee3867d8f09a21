/**
 * CNOS graded exams (issue 19): the transaction and security boundary for sessions, registration,
 * panels with recusal, marking, publication, certificates and their verification, the ledger credit
 * a pass proposes, and the statistics.
 */
package cn.xinsheng.music.application.exam;
