package cn.xinsheng.platform;

import cn.xinsheng.evidence.application.EvidenceSettings;
import cn.xinsheng.lms.application.LmsSettings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At start, before the first request: the leftovers of uploads and package imports that a stop
 * interrupted are cleared from the evidence and content folders' {@code tmp/}. (A data directory
 * serves one running platform; clustered instances keep their own.)
 */
@Singleton
@Startup
public class StartupHousekeeping {

  private static final Logger LOG = Logger.getLogger(StartupHousekeeping.class.getName());

  @Inject EvidenceSettings evidence;
  @Inject LmsSettings content;

  @PostConstruct
  void clearTemporaryAreas() {
    // the evidence folder's tmp/ is cleared as the content folder's is, by the kernel's
    // TemporaryArea, without reaching into the evidence context's storage (ADR 0013)
    clear("evidence", () -> TemporaryArea.clear(evidence.dir().resolve("tmp")));
    clear("content", () -> TemporaryArea.clear(content.dir().resolve("tmp")));
  }

  interface Cleaning {
    int run() throws IOException;
  }

  static void clear(String area, Cleaning cleaning) {
    try {
      int n = cleaning.run();
      if (n > 0) {
        LOG.info("cleared " + n + " leftover temporary entries of " + area + "/tmp");
      }
    } catch (IOException | RuntimeException e) {
      // a leftover does no harm but take space: the platform starts anyway
      LOG.log(Level.WARNING, "could not clear " + area + "/tmp", e);
    }
  }
}
