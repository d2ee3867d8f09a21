/**
 * Music's ties to the host: the repositories of {@code domain} in native SQL through the caller's
 * transaction ({@code SqlMusicCatalogue}, {@code SqlPracticeLog}, {@code SqlTakes}, on the shared
 * {@code MusicStore} helper; a reader's scope becomes a condition on ids in {@code ReadableSql}),
 * the take files (content-addressed), and the optional external audio decoder (Debian's ffmpeg),
 * found at run time and run as a child process on a temporary copy of the take.
 */
package cn.xinsheng.music.infrastructure;
