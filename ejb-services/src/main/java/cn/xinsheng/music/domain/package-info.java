/**
 * Music (民乐修心, CNOS graded exams), plain Java: 简谱 notation, audio decoding, and the pitch and tempo
 * aid that compares a practice take or an exam performance with its syllabus item.
 */
package cn.xinsheng.music.domain;
