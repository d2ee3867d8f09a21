/**
 * The music context's services, the transaction and security boundary: the catalogue (syllabus
 * packages), the practice log, takes and their analysis job, the teacher's feedback.
 */
package cn.xinsheng.music.application;
