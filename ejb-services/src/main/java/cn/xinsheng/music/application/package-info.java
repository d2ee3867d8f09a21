/**
 * The music context's services, the transaction and security boundary: the catalogue (syllabus
 * packages), the practice log, takes and their analysis job, the teacher's feedback; the exams in
 * {@code exam}. Inmates' names and sections come from organisation's {@code InmateDirectory} and
 * examiners' roles and sections from identity's {@code AccountDirectory}. These services hold no
 * SQL: they use the repositories of {@code music.domain} (ADR 0013), and so do the exam services.
 */
package cn.xinsheng.music.application;
