package cn.xinsheng.web.api;

import cn.xinsheng.evidence.application.EvidenceService;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves a stored file whole or as one byte range (RFC 9110 §14): {@code bytes=a-b}, {@code
 * bytes=a-}, {@code bytes=-n}. What a video element needs to seek; several ranges at once are
 * answered with the whole file, as the RFC allows.
 */
final class Ranges {

  private static final Pattern ONE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  private Ranges() {}

  static Response serve(EvidenceService.Content c, String rangeHeader) {
    // content-addressed: the bytes behind this URL never change
    return serve(c, rangeHeader, "private, max-age=86400, immutable");
  }

  /** The same with the caller's caching rule (a lesson file's URL may show a newer version). */
  static Response serve(EvidenceService.Content c, String rangeHeader, String cacheControl) {
    long size = c.size();
    long start = 0;
    long end = size - 1;
    boolean partial = false;
    if (rangeHeader != null && !rangeHeader.isBlank()) {
      Matcher m = ONE.matcher(rangeHeader.strip());
      if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
        try {
          if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            start = Math.max(0, size - suffix);
          } else {
            start = Long.parseLong(m.group(1));
            if (!m.group(2).isEmpty()) {
              end = Math.min(end, Long.parseLong(m.group(2)));
            }
          }
        } catch (NumberFormatException e) {
          return unsatisfiable(size);
        }
        if (start > end || start >= size) {
          return unsatisfiable(size);
        }
        partial = true;
      }
    }
    long from = start;
    long length = end - start + 1;
    StreamingOutput body =
        out -> {
          try (FileChannel ch = FileChannel.open(c.file(), StandardOpenOption.READ);
              InputStream in = Channels.newInputStream(ch.position(from))) {
            copy(in, out, length);
          }
        };
    Response.ResponseBuilder r =
        Response.status(partial ? 206 : 200)
            .entity(body)
            .type(c.mediaType())
            .header("Accept-Ranges", "bytes")
            .header("Content-Length", length)
            .header("ETag", "\"" + c.sha256() + "\"")
            .header("Cache-Control", cacheControl);
    if (partial) {
      r.header("Content-Range", "bytes " + start + "-" + end + "/" + size);
    }
    return r.build();
  }

  private static Response unsatisfiable(long size) {
    return Response.status(416).header("Content-Range", "bytes */" + size).build();
  }

  private static void copy(InputStream in, OutputStream out, long length) throws IOException {
    byte[] buf = new byte[1 << 16];
    long left = length;
    while (left > 0) {
      int n = in.read(buf, 0, (int) Math.min(buf.length, left));
      if (n < 0) {
        break;
      }
      out.write(buf, 0, n);
      left -= n;
    }
  }
}
