package cn.xinsheng.launcher;

import java.nio.file.Path;

/**
 * Where paths on the command line are taken from. A path an operator types ({@code --data-dir ./x},
 * {@code verify ./file.zip}, {@code --out}) is his: it resolves against the folder he runs {@code
 * bin/xinsheng} in, as with any other command. Only the defaults that mean "this installation's
 * own" ({@code data/}) resolve against the install folder, which {@code bin/xinsheng} passes as
 * {@code XINSHENG_HOME}.
 */
final class InstallFolder {

  private InstallFolder() {}

  /** The install folder: {@code XINSHENG_HOME}, or the working folder when run as a bare jar. */
  static Path home() {
    String home = System.getenv("XINSHENG_HOME");
    return (home == null || home.isBlank() ? Path.of("") : Path.of(home))
        .toAbsolutePath()
        .normalize();
  }

  /**
   * The data directory when {@code --data-dir} is not given: {@code XINSHENG_DATA_DIR} (relative to
   * the working folder, like a typed path), else {@code data/} in the install folder.
   */
  static Path defaultDataDir() {
    String env = System.getenv("XINSHENG_DATA_DIR");
    if (env != null && !env.isBlank()) {
      return Path.of(env).toAbsolutePath().normalize();
    }
    return home().resolve("data");
  }

  /** A data directory as given, or the default; always absolute. */
  static Path dataDir(Path given) {
    return given == null ? defaultDataDir() : given.toAbsolutePath().normalize();
  }
}
