package cn.xinsheng.auditlog.infrastructure;

import cn.xinsheng.audit.NoteKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The prison's signing key on disk: created at first start, then read. The private key file is
 * readable by the service account only (mode 600); {@code signing-key.pub} holds the verifier key
 * to publish. A rotation writes the next key beside the current one and promotes it once the
 * checkpoint that both keys sign has committed; a retired private key is deleted, so it can sign
 * nothing more.
 */
public final class SigningKeyFile {

  private static final String CURRENT = "signing-key";
  private static final String NEXT = "signing-key.next";

  private final Path dir;

  public SigningKeyFile(Path dir) {
    this.dir = dir;
  }

  /** True when a signing key is on disk (the current one, or a rotation's next one). */
  public boolean exists() {
    return Files.exists(dir.resolve(CURRENT)) || Files.exists(dir.resolve(NEXT));
  }

  /** The key file's path, for messages. */
  public Path path() {
    return dir.resolve(CURRENT);
  }

  public NoteKey loadOrCreate(String name) throws IOException {
    Path file = dir.resolve(CURRENT);
    if (Files.exists(file)) {
      try {
        return NoteKey.parsePrivateKeyText(Files.readString(file, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw new IOException(file + " is not a Xinsheng signing key", e);
      }
    }
    Files.createDirectories(dir);
    NoteKey key = NoteKey.generate(name);
    write(CURRENT, key);
    return key;
  }

  /** A rotation in progress that did not finish (the server stopped in between), if any. */
  public Optional<NoteKey> next() throws IOException {
    Path file = dir.resolve(NEXT);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(NoteKey.parsePrivateKeyText(Files.readString(file)));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + " is not a Xinsheng signing key", e);
    }
  }

  /** Writes the next key, not yet in use. */
  public void writeNext(NoteKey key) throws IOException {
    write(NEXT, key);
  }

  /** The next key becomes the current one; the retired private key is gone. */
  public void promoteNext(NoteKey key) throws IOException {
    Files.move(dir.resolve(NEXT), dir.resolve(CURRENT), StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(dir.resolve(CURRENT + ".pub"), key.verifierKey() + "\n");
  }

  public void discardNext() throws IOException {
    Files.deleteIfExists(dir.resolve(NEXT));
  }

  private void write(String name, NoteKey key) throws IOException {
    Path tmp = dir.resolve(name + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(tmp);
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the directory's permissions apply
    }
    Files.writeString(tmp, key.privateKeyText(), StandardCharsets.UTF_8);
    Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    if (name.equals(CURRENT)) {
      Files.writeString(dir.resolve(CURRENT + ".pub"), key.verifierKey() + "\n");
    }
  }
}
