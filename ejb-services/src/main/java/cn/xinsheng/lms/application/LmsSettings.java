package cn.xinsheng.lms.application;

import cn.xinsheng.content.ContentLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where course content lives and how big a package may be. */
@ApplicationScoped
public class LmsSettings {

  @Inject
  @ConfigProperty(name = "xinsheng.content.dir", defaultValue = "data/content")
  String dir;

  @Inject
  @ConfigProperty(name = "xinsheng.content.max-package-mb", defaultValue = "2048")
  long maxPackageMb;

  public Path dir() {
    return Path.of(dir).toAbsolutePath();
  }

  public long maxPackageBytes() {
    return maxPackageMb << 20;
  }

  public ContentLimits limits() {
    ContentLimits d = ContentLimits.standard();
    return new ContentLimits(
        d.maxEntries(),
        Math.min(d.maxFileBytes(), maxPackageBytes() * 4),
        maxPackageBytes() * 4,
        d.maxRatio());
  }
}
