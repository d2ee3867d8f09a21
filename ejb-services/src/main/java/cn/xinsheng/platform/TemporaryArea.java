package cn.xinsheng.platform;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A {@code tmp/} folder where uploads are received and packages unpacked before they are checked.
 * What is left there was interrupted by a stop or a crash and belongs to nobody: it is cleared when
 * the platform starts, and every use removes what it made, whether it succeeds or is refused.
 * Nothing outside the folder is ever touched.
 */
public final class TemporaryArea {

  private TemporaryArea() {}

  /**
   * Deletes everything inside {@code tmp} (files and folders), keeping the folder; answers how
   * many.
   */
  public static int clear(Path tmp) throws IOException {
    if (!Files.isDirectory(tmp)) {
      return 0;
    }
    int[] deleted = {0};
    try (var children = Files.list(tmp)) {
      for (Path child : children.toList()) {
        deleted[0] += deleteTree(child);
      }
    }
    return deleted[0];
  }

  /** Deletes a file or a folder with everything in it; answers how many entries went. */
  public static int deleteTree(Path path) throws IOException {
    if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return 0;
    }
    int[] deleted = {0};
    Files.walkFileTree(
        path,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            file.toFile().setWritable(true);
            Files.delete(file);
            deleted[0]++;
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(dir);
            deleted[0]++;
            return FileVisitResult.CONTINUE;
          }
        });
    return deleted[0];
  }
}
