/**
 * Music (民乐修心, CNOS graded exams), plain Java: 简谱 notation, audio decoding, and the pitch and tempo
 * aid that compares a practice take or an exam performance with its syllabus item; who may read
 * which take and practice entry ({@link cn.xinsheng.music.domain.MusicReaders}); and the
 * repositories of the practice log ({@link cn.xinsheng.music.domain.PracticeLog}) and the takes
 * with their analysis jobs and feedback ({@link cn.xinsheng.music.domain.Takes}), answering typed
 * records (ADR 0013); the catalogue's is in {@code catalogue}, the exams' in {@code exam}.
 */
package cn.xinsheng.music.domain;
