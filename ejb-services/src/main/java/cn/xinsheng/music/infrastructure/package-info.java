/**
 * Music's ties to the host: the optional external audio decoder (Debian's ffmpeg), found at run
 * time and run as a child process on a temporary copy of the take.
 */
package cn.xinsheng.music.infrastructure;
