package cn.xinsheng.music.application;

import cn.xinsheng.music.domain.audio.AudioLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the music context keeps its files (under the content folder, so backups carry them) and how
 * large a take may be. {@code xinsheng.music.max-take-mb} (default 50) and {@code
 * xinsheng.music.max-take-minutes} (default 15) bound an upload before it is decoded.
 */
@ApplicationScoped
public class MusicSettings {

  @Inject
  @ConfigProperty(name = "xinsheng.content.dir", defaultValue = "data/content")
  String contentDir;

  @Inject
  @ConfigProperty(name = "xinsheng.music.max-take-mb", defaultValue = "50")
  int maxTakeMb;

  @Inject
  @ConfigProperty(name = "xinsheng.music.max-take-minutes", defaultValue = "15")
  int maxTakeMinutes;

  @Inject
  @ConfigProperty(name = "xinsheng.music.max-package-mb", defaultValue = "512")
  int maxPackageMb;

  public Path root() {
    return Path.of(contentDir).toAbsolutePath().resolve("music");
  }

  public Path takes() {
    return root().resolve("takes");
  }

  public Path packages() {
    return root().resolve("packages");
  }

  public long maxTakeBytes() {
    return (long) maxTakeMb << 20;
  }

  public long maxPackageBytes() {
    return (long) maxPackageMb << 20;
  }

  public AudioLimits audioLimits() {
    return new AudioLimits(maxTakeBytes(), maxTakeMinutes * 60.0);
  }
}
