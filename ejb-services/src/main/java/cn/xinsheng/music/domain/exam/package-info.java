/**
 * CNOS graded exams (issue 19), plain Java: who may sit a level, who may sit on a candidate's
 * panel, whose marks an examiner may see, when a third examiner is needed and what the result is.
 */
package cn.xinsheng.music.domain.exam;
