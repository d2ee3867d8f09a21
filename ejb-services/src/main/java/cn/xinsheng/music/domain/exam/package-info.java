/**
 * CNOS graded exams (issue 19), plain Java: who may sit a level, who may sit on a candidate's
 * panel, whose marks an examiner may see, when a third examiner is needed and what the result is;
 * the repositories of the recusals ({@code Recusals}) and of the passes' way into the ledger
 * ({@code ExamCredits}).
 */
package cn.xinsheng.music.domain.exam;
