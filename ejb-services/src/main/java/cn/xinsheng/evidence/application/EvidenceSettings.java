package cn.xinsheng.evidence.application;

import cn.xinsheng.evidence.domain.EvidenceKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where evidence is kept and how big each kind may be ({@code xinsheng.evidence.*}). */
@ApplicationScoped
public class EvidenceSettings {

  @Inject
  @ConfigProperty(name = "xinsheng.evidence.dir", defaultValue = "data/evidence")
  String dir;

  @Inject
  @ConfigProperty(name = "xinsheng.evidence.max-mb.photo", defaultValue = "20")
  int photoMb;

  @Inject
  @ConfigProperty(name = "xinsheng.evidence.max-mb.video", defaultValue = "500")
  int videoMb;

  @Inject
  @ConfigProperty(name = "xinsheng.evidence.max-mb.audio", defaultValue = "100")
  int audioMb;

  @Inject
  @ConfigProperty(name = "xinsheng.evidence.max-mb.document", defaultValue = "50")
  int documentMb;

  @Inject
  @ConfigProperty(name = "xinsheng.evidence.max-mb.record", defaultValue = "20")
  int recordMb;

  /** Which kinds an inmate may open at his terminal (e.g. not surveillance video). */
  @Inject
  @ConfigProperty(
      name = "xinsheng.ledger.inmate-evidence-kinds",
      defaultValue = "PHOTO,DOCUMENT,RECORD")
  String inmateKinds;

  // issue 14: how far an upload is read before it is accepted (see UploadLimits)
  @Inject
  @ConfigProperty(name = "xinsheng.upload.max-image-pixels", defaultValue = "100000000")
  long maxImagePixels;

  @Inject
  @ConfigProperty(name = "xinsheng.upload.max-unpacked-mb", defaultValue = "256")
  long maxUnpackedMb;

  @Inject
  @ConfigProperty(name = "xinsheng.upload.max-ratio", defaultValue = "200")
  int maxRatio;

  @Inject
  @ConfigProperty(name = "xinsheng.upload.max-entries", defaultValue = "10000")
  int maxEntries;

  /** The one upload policy's limits, for evidence and assignment attachments alike. */
  public cn.xinsheng.evidence.domain.UploadLimits uploadLimits() {
    return new cn.xinsheng.evidence.domain.UploadLimits(
        maxImagePixels, maxUnpackedMb << 20, maxRatio, maxEntries);
  }

  public Path dir() {
    return Path.of(dir);
  }

  public long maxBytes(EvidenceKind kind) {
    int mb =
        switch (kind) {
          case PHOTO -> photoMb;
          case VIDEO -> videoMb;
          case AUDIO -> audioMb;
          case DOCUMENT -> documentMb;
          case RECORD -> recordMb;
        };
    return (long) mb << 20;
  }

  public long maxUploadBytes() {
    return Arrays.stream(EvidenceKind.values()).mapToLong(this::maxBytes).max().orElse(0);
  }

  public Set<EvidenceKind> inmateVisibleKinds() {
    Set<EvidenceKind> kinds = EnumSet.noneOf(EvidenceKind.class);
    for (String k : inmateKinds.split(",")) {
      if (!k.isBlank()) {
        kinds.add(EvidenceKind.valueOf(k.strip()));
      }
    }
    return kinds;
  }
}
