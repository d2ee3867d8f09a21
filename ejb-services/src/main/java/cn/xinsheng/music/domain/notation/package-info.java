/**
 * 简谱 (jianpu) notation as a small text format (docs/music-jianpu.md): parsed into a piece, and a
 * piece into the notes a performance is expected to sound, in equal temperament at a given A4.
 */
package cn.xinsheng.music.domain.notation;
