package cn.xinsheng.evidence.infrastructure;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Evidence content on disk, addressed by SHA-256: {@code ab/cd/abcd…}. An upload streams into a
 * temporary file (hashing and counting as it goes, stopping at the size limit), is checked, and is
 * then moved into place unless the same content is there already; a stored file is never
 * overwritten. Thumbnails of photos sit beside, as {@code …​.thumb.jpg}.
 */
public final class EvidenceFiles {

  /** A file received into the temporary area. */
  public record Received(Path file, String sha256, long size, byte[] head) {}

  /** The upload was larger than the limit; nothing was kept. */
  public static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super("too large");
    }
  }

  private static final int THUMB_SIZE = 320;
  private static final long MAX_PIXELS = 60_000_000L;

  private final Path root;

  public EvidenceFiles(Path root) {
    this.root = root;
  }

  public Received receive(InputStream in, long maxBytes) throws IOException {
    Path tmpDir = Files.createDirectories(root.resolve("tmp"));
    Path tmp = Files.createTempFile(tmpDir, "upload-", ".part");
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] head = new byte[0];
    long total = 0;
    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), sha)) {
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        if (head.length < 64) {
          byte[] h = new byte[Math.min(64, head.length + n)];
          System.arraycopy(head, 0, h, 0, head.length);
          System.arraycopy(buf, 0, h, head.length, h.length - head.length);
          head = h;
        }
        total += n;
        if (total > maxBytes) {
          throw new TooLarge();
        }
        out.write(buf, 0, n);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    return new Received(tmp, HexFormat.of().formatHex(sha.digest()), total, head);
  }

  /** Moves the received file into place, or drops it when the content is stored already. */
  public void keep(Received received) throws IOException {
    Path target = path(received.sha256());
    Files.createDirectories(target.getParent());
    if (Files.exists(target)) {
      Files.deleteIfExists(received.file());
      return;
    }
    try {
      Files.move(received.file(), target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      Files.deleteIfExists(received.file());
    }
    target.toFile().setReadOnly();
  }

  public void discard(Received received) {
    try {
      Files.deleteIfExists(received.file());
    } catch (IOException e) {
      // a leftover in tmp/ is cleaned at the next start
    }
  }

  public Path path(String sha256) {
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a SHA-256");
    }
    return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
  }

  public Path thumbnailPath(String sha256) {
    Path p = path(sha256);
    return p.resolveSibling(sha256 + ".thumb.jpg");
  }

  /**
   * A JPEG thumbnail of a photo, at most 320 pixels a side; false when the image cannot be read or
   * is implausibly large (a decompression bomb is refused before it is decoded).
   */
  public boolean makeThumbnail(Path image, String sha256) {
    Path target = thumbnailPath(sha256);
    if (Files.exists(target)) {
      return true;
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (in == null || !readers.hasNext()) {
        return false;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels <= 0 || pixels > MAX_PIXELS) {
          return false;
        }
        BufferedImage source = reader.read(0);
        double scale =
            Math.min(1.0, THUMB_SIZE / (double) Math.max(source.getWidth(), source.getHeight()));
        int w = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(source.getHeight() * scale));
        BufferedImage thumb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = thumb.createGraphics();
        g.setRenderingHint(
            RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(source, 0, 0, w, h, java.awt.Color.WHITE, null);
        g.dispose();
        Path tmp =
            Files.createTempFile(Files.createDirectories(root.resolve("tmp")), "thumb-", ".jpg");
        try {
          ImageIO.write(thumb, "jpg", tmp.toFile());
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          Files.deleteIfExists(tmp);
        }
        return true;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Leftovers of uploads and thumbnails interrupted by a stop; answers how many went. */
  public int cleanTemporary() throws IOException {
    return cn.xinsheng.platform.TemporaryArea.clear(root.resolve("tmp"));
  }

  public InputStream open(String sha256) throws IOException {
    return Files.newInputStream(path(sha256));
  }
}
