/**
 * Audio a take arrives in, decoded to mono samples: WAV always, MP3 and Opus (WebM or Ogg, as
 * browsers record) in Java, other formats through an optional external decoder; the type is read
 * from the content, never from the file name, and limits hold before anything large is allocated.
 */
package cn.xinsheng.music.domain.audio;
