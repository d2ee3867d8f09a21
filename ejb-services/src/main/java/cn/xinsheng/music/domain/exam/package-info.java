/**
 * CNOS graded exams (issue 19), plain Java: who may sit a level, who may sit on a candidate's
 * panel, whose marks an examiner may see, when a third examiner is needed and what the result is;
 * the repositories of the sessions ({@code ExamSessions}), the board's placements ({@code
 * Placements}), the candidates with their performance and result ({@code ExamCandidates}), the
 * panels and their marks ({@code ExamPanels}), the certificates ({@code Certificates}), the
 * recusals ({@code Recusals}) and the passes' way into the ledger ({@code ExamCredits}).
 */
package cn.xinsheng.music.domain.exam;
