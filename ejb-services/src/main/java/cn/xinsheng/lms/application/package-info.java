/**
 * Learning's transaction and security boundary: content imports and publisher keys, cohorts and
 * enrolment, studying (courses, lessons, SCORM), taking quizzes ({@code QuizService}), marking them
 * ({@code QuizMarking}), question banks, assignments, the gradebook and education credits into the
 * ledger. No SQL here: the services ask the repositories of {@code lms.domain} and answer their own
 * records. {@code TaughtLearners} is what other contexts may read.
 */
package cn.xinsheng.lms.application;
