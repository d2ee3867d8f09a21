/** Learning's transaction and security boundary: imports, enrolment, studying, grading. */
package cn.xinsheng.lms.application;
