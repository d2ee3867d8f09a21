/**
 * The exam tables by plain SQL ({@code SqlExamSessions}, {@code SqlPlacements}, {@code
 * SqlExamCandidates}, {@code SqlExamPanels}, {@code SqlCertificates}, {@code SqlRecusals} and
 * {@code SqlExamCredits} implement {@code domain.exam}'s repositories on the helper {@code
 * ExamStore}), the certificate PDF, and the ports release readiness reads grades and certificates
 * through.
 */
package cn.xinsheng.music.infrastructure.exam;
