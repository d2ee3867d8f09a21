/**
 * Learning: grading quizzes, SCORM run-time data, a learner's standing in a course, as plain Java.
 */
package cn.xinsheng.lms.domain;
