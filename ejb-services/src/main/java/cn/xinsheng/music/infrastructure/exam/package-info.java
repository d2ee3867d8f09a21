/**
 * The exam tables by plain SQL ({@code SqlRecusals}, {@code SqlExamCredits} implement {@code
 * domain.exam}'s repositories; {@code ExamStore} is the helper they and, still, {@code ExamService}
 * use), the certificate PDF, and the performance files (content-addressed).
 */
package cn.xinsheng.music.infrastructure.exam;
