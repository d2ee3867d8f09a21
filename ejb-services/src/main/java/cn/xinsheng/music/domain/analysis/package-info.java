/**
 * The pitch and tempo aid: a YIN pitch track, notes found in it and matched with the expected notes
 * of a piece (intonation in cents), and tempo stability from onset intervals against the marked
 * tempo; plain Java, allocation-free in its inner loops.
 */
package cn.xinsheng.music.domain.analysis;
