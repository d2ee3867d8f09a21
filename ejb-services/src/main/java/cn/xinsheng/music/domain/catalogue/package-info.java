/**
 * The folk-music catalogue's rules: what a syllabus content package must hold (syllabi per
 * instrument and level, items with their 简谱, sheet music and reference recordings) and why one is
 * refused, and the catalogue's repository ({@code MusicCatalogue}: instruments, levels, packages,
 * syllabi, items). Plain Java; the package's signature is checked by {@code lms-content} before
 * this runs.
 */
package cn.xinsheng.music.domain.catalogue;
