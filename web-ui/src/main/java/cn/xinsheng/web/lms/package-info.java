/**
 * The learning screens: the terminal's courses, lessons, quizzes and assignments; grading; imports.
 */
package cn.xinsheng.web.lms;
