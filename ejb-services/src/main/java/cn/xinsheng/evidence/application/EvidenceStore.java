package cn.xinsheng.evidence.application;

import cn.xinsheng.evidence.infrastructure.EvidenceFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The evidence store as other contexts use it (issue 13, ADR 0013): a file streamed in and hashed,
 * then kept by its SHA-256 or discarded, and a stored file found or opened by its hash. Music keeps
 * its exam recordings and certificates here, beside the evidence. Like {@link EvidenceBytes} it
 * checks no role of its own: the calling service decides who may store or read.
 */
@ApplicationScoped
public class EvidenceStore {

  /** A file received into the temporary area, not yet kept. */
  public record Received(Path file, String sha256, long size, byte[] head) {}

  /** The upload was larger than the limit; nothing was kept. */
  public static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super("too large");
    }
  }

  @Inject EvidenceSettings settings;

  private EvidenceFiles files() {
    return new EvidenceFiles(settings.dir());
  }

  /** Streams the content into the temporary area, hashing it; at most {@code maxBytes}. */
  public Received receive(InputStream in, long maxBytes) throws IOException {
    EvidenceFiles.Received r;
    try {
      r = files().receive(in, maxBytes);
    } catch (EvidenceFiles.TooLarge e) {
      throw new TooLarge();
    }
    return new Received(r.file(), r.sha256(), r.size(), r.head());
  }

  /** Moves the received file into place, or drops it when the content is stored already. */
  public void keep(Received received) throws IOException {
    files().keep(files(received));
  }

  /** Drops a received file that is not to be kept. */
  public void discard(Received received) {
    files().discard(files(received));
  }

  /** Where the content with this SHA-256 is stored (whether or not it is there). */
  public Path path(String sha256) {
    return files().path(sha256);
  }

  /** The stored content with this SHA-256. */
  public InputStream open(String sha256) throws IOException {
    return files().open(sha256);
  }

  private static EvidenceFiles.Received files(Received r) {
    return new EvidenceFiles.Received(r.file(), r.sha256(), r.size(), r.head());
  }
}
