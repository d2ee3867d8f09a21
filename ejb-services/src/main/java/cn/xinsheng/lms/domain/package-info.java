/**
 * Learning as plain Java: grading quizzes, SCORM run-time data and prerequisites, a learner's
 * standing in a course; and the repositories of learning's records (ADR 0013), interfaces with
 * typed records: {@link cn.xinsheng.lms.domain.CourseCatalogue}, {@link
 * cn.xinsheng.lms.domain.ContentLibrary}, {@link cn.xinsheng.lms.domain.Cohorts}, {@link
 * cn.xinsheng.lms.domain.StudyProgress}, {@link cn.xinsheng.lms.domain.QuizAttempts}, {@link
 * cn.xinsheng.lms.domain.Submissions}, {@link cn.xinsheng.lms.domain.ScormTracking} and {@link
 * cn.xinsheng.lms.domain.EducationCredits}.
 */
package cn.xinsheng.lms.domain;
