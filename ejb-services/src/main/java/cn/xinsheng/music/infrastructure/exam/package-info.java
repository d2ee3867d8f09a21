/**
 * The exam tables by plain SQL, the certificate PDF, and the performance files (content-addressed).
 */
package cn.xinsheng.music.infrastructure.exam;
