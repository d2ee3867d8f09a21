package cn.xinsheng.evidence.application;

import cn.xinsheng.evidence.infrastructure.EvidenceFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stored evidence file's bytes by its SHA-256, for a package another context signs and hands over
 * (issue 20: the handover to community corrections carries every file the person's log entries
 * name). The caller's service decides who may receive them.
 */
@ApplicationScoped
public class EvidenceBytes {

  @Inject EvidenceSettings settings;

  /** The file's bytes, or null when the store does not have it. */
  public byte[] bySha256(String sha256) throws IOException {
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      return null;
    }
    Path path = new EvidenceFiles(settings.dir()).path(sha256);
    return Files.isRegularFile(path) ? Files.readAllBytes(path) : null;
  }
}
