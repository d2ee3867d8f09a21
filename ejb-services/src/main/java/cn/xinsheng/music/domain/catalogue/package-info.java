/**
 * The folk-music catalogue's rules: what a syllabus content package must hold (syllabi per
 * instrument and level, items with their 简谱, sheet music and reference recordings) and why one is
 * refused. Plain Java; the package's signature is checked by {@code lms-content} before this runs.
 */
package cn.xinsheng.music.domain.catalogue;
