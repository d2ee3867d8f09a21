package cn.xinsheng.music.infrastructure;

import cn.xinsheng.audit.MerkleTree;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Takes on disk, addressed by their SHA-256 ({@code ab/cd/abcd…}) as evidence files are: written
 * once through a temporary file and an atomic move, never overwritten, the same recording stored
 * once. They live under the content folder, so the backup that keeps course content keeps them.
 */
public final class TakeFiles {

  private final Path root;

  public TakeFiles(Path root) {
    this.root = root;
  }

  public static String sha256(byte[] bytes) {
    return MerkleTree.sha256Hex(bytes);
  }

  public Path path(String sha256) {
    return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
  }

  /** Keeps the bytes under their hash unless they are there already; answers the hash. */
  public String keep(byte[] bytes) throws IOException {
    String sha = sha256(bytes);
    Path target = path(sha);
    if (Files.exists(target)) {
      return sha;
    }
    Files.createDirectories(target.getParent());
    Path tmp = Files.createTempFile(target.getParent(), "take-", ".part");
    try {
      Files.write(tmp, bytes);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException raced) {
      // another request stored the same recording at the same moment: the content is the same
    } finally {
      Files.deleteIfExists(tmp);
    }
    return sha;
  }
}
