package cn.xinsheng.auditlog.infrastructure;

import cn.xinsheng.audit.NoteKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;

/**
 * The prison's signing key on disk: created at first start, then read. The private key file is
 * readable by the service account only (mode 600).
 */
public final class SigningKeyFile {

  private SigningKeyFile() {}

  public static NoteKey loadOrCreate(Path dir, String name) throws IOException {
    Path file = dir.resolve("signing-key");
    if (Files.exists(file)) {
      List<String> lines = Files.readAllLines(file);
      if (lines.size() < 3) {
        throw new IOException(file + " is not a Xinsheng signing key");
      }
      Base64.Decoder b64 = Base64.getDecoder();
      return NoteKey.fromEncoded(lines.get(0), b64.decode(lines.get(1)), b64.decode(lines.get(2)));
    }
    Files.createDirectories(dir);
    NoteKey key = NoteKey.generate(name);
    Base64.Encoder b64 = Base64.getEncoder();
    Path tmp = dir.resolve("signing-key.new");
    Files.writeString(
        tmp,
        key.name()
            + "\n"
            + b64.encodeToString(key.encodedPrivateKey())
            + "\n"
            + b64.encodeToString(key.encodedPublicKey())
            + "\n");
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the directory's permissions apply
    }
    Files.move(tmp, file);
    Files.writeString(dir.resolve("signing-key.pub"), key.verifierKey() + "\n");
    return key;
  }
}
