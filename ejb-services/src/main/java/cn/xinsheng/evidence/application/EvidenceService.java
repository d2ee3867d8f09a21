package cn.xinsheng.evidence.application;

import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.evidence.domain.ContentSniffer;
import cn.xinsheng.evidence.domain.Evidence;
import cn.xinsheng.evidence.domain.EvidenceBlob;
import cn.xinsheng.evidence.infrastructure.EvidenceFiles;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Uploading evidence and reading it back. An upload is checked by its content (type, size, not an
 * executable) before anything is kept; a refusal leaves nothing behind. Content is stored once per
 * hash; every upload is an audit event carrying that hash.
 */
@Stateless
// The default covers everyone who may read a piece of evidence (maySee narrows it to the record);
// uploading and the section lists name their own roles.
@RolesAllowed({
  Role.OFFICER_NAME,
  Role.REVIEWER_NAME,
  Role.INMATE_NAME,
  Role.WARDEN_NAME,
  Role.COMMITTEE_NAME,
  Role.PROSECUTOR_NAME,
  Role.JUDGE_NAME,
  Role.SUPERVISOR_NAME,
  Role.HIGH_JUDGE_NAME
})
public class EvidenceService {

  private static final int MAX_NAME = 255;

  @Inject EvidenceSettings settings;
  @Inject AuditLog auditLog;
  @Inject Caller caller;
  @Inject CallerScope scope;
  @Inject jakarta.enterprise.inject.Instance<InmateEvidenceRule> inmateRule;
  @Inject PrisonTime time;

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  /** What a reader gets: the file, its type and size. */
  public record Content(Path file, String mediaType, long size, String sha256) {}

  private EvidenceFiles files() {
    return new EvidenceFiles(settings.dir());
  }

  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME})
  public Evidence upload(
      InputStream content, String originalName, String source, String description, long sectionId) {
    scope.requireSection(sectionId);
    // one rule for names (issue 14): no NUL, line breaks, other controls, bidi tricks or paths
    String name =
        cn.xinsheng.evidence.domain.UploadName.check(originalName)
            .filter(n -> n.length() <= MAX_NAME)
            .orElseThrow(() -> Refusal.invalid("evidence.error.name"));
    if (source == null || source.isBlank() || source.length() > 100) {
      throw Refusal.invalid("evidence.error.source");
    }
    if (description == null || description.isBlank() || description.length() > 500) {
      throw Refusal.invalid("evidence.error.description");
    }
    EvidenceFiles files = files();
    EvidenceFiles.Received received;
    try {
      received = files.receive(content, settings.maxUploadBytes());
    } catch (EvidenceFiles.TooLarge e) {
      throw Refusal.invalid("evidence.error.tooLarge", settings.maxUploadBytes() >> 20);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ContentSniffer.Detected detected;
    try {
      detected =
          ContentSniffer.detect(
              received.head(), received.size(), received.file(), settings.uploadLimits());
      if (received.size() > settings.maxBytes(detected.kind())) {
        files.discard(received);
        throw Refusal.invalid("evidence.error.tooLarge", settings.maxBytes(detected.kind()) >> 20);
      }
      // the name must not claim another format than the content is (a text file named ".pdf")
      java.util.Optional<cn.xinsheng.evidence.domain.NameMatchesContent.Mismatch> mismatch =
          cn.xinsheng.evidence.domain.NameMatchesContent.check(name, detected.mediaType());
      if (mismatch.isPresent()) {
        files.discard(received);
        throw Refusal.invalid(
            "evidence.error.nameMismatch",
            name,
            mismatch.get().extension(),
            mismatch.get().contentKey());
      }
    } catch (ContentSniffer.Refused r) {
      files.discard(received);
      throw Refusal.invalid(r.key());
    } catch (IOException e) {
      files.discard(received);
      throw new UncheckedIOException(e);
    }
    Instant now = time.now();
    EvidenceBlob blob = em.find(EvidenceBlob.class, received.sha256());
    try {
      if (blob == null) {
        files.keep(received);
        boolean thumb =
            detected.thumbnailable()
                && files.makeThumbnail(files.path(received.sha256()), received.sha256());
        blob =
            new EvidenceBlob(
                received.sha256(),
                received.size(),
                detected.mediaType(),
                detected.kind(),
                thumb,
                now);
        em.persist(blob);
      } else {
        files.discard(received);
      }
    } catch (IOException e) {
      files.discard(received);
      throw new UncheckedIOException(e);
    }
    Evidence evidence =
        new Evidence(
            blob, name, caller.name(), now, source.strip(), description.strip(), sectionId);
    em.persist(evidence);
    em.flush();
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("evidence", evidence.getId());
    payload.put("kind", blob.getKind().name());
    payload.put("mediaType", blob.getMediaType());
    payload.put("size", blob.getSizeBytes());
    payload.put("name", name);
    payload.put("source", evidence.getSource());
    payload.put("description", evidence.getDescription());
    payload.put("section", sectionId);
    auditLog.record(
        "evidence.uploaded",
        "evidence/" + evidence.getId(),
        payload,
        List.of(blob.getSha256()),
        now,
        List.of(
            cn.xinsheng.auditlog.application.AuditLog.Bind.of(
                cn.xinsheng.evidence.infrastructure.EvidenceBinding.TABLE, evidence.getId())));
    return evidence;
  }

  /**
   * {@link #upload} as the web stores a file: the evidence kept answers as its {@link
   * EvidenceView}.
   */
  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME})
  public EvidenceView store(
      InputStream content, String originalName, String source, String description, long sectionId) {
    return EvidenceView.of(upload(content, originalName, source, description, sectionId));
  }

  /** The evidence's metadata, if the caller may see it; otherwise as if it did not exist. */
  public EvidenceView view(long id) {
    return EvidenceView.of(get(id));
  }

  /** The evidence, if the caller may see it; otherwise as if it did not exist. */
  public Evidence get(long id) {
    Evidence e = em.find(Evidence.class, id);
    if (e == null || !maySee(e)) {
      throw Refusal.notFound("evidence.error.unknown");
    }
    return e;
  }

  /** A piece of evidence as a screen says it: its kind's code, file name, source and uploader. */
  public record Described(
      String kind,
      String name,
      String source,
      String description,
      String uploadedBy,
      Instant uploadedAt) {}

  /** The evidence in words, if the caller may see it; otherwise as if it did not exist. */
  public Described describe(long id) {
    Evidence e = get(id);
    return new Described(
        e.getKind().name(),
        e.getOriginalName(),
        e.getSource(),
        e.getDescription(),
        e.getUploadedBy(),
        e.getUploadedAt());
  }

  public Content content(long id, boolean thumbnail) {
    Evidence e = get(id);
    EvidenceFiles files = files();
    if (thumbnail) {
      if (!e.getBlob().isThumbnail()) {
        throw Refusal.notFound("evidence.error.noThumbnail");
      }
      Path p = files.thumbnailPath(e.getSha256());
      return new Content(p, "image/jpeg", p.toFile().length(), e.getSha256());
    }
    return new Content(
        files.path(e.getSha256()),
        e.getBlob().getMediaType(),
        e.getBlob().getSizeBytes(),
        e.getSha256());
  }

  private boolean maySee(Evidence e) {
    if (caller.has(Role.WARDEN)
        || caller.has(Role.COMMITTEE)
        || caller.has(Role.PROSECUTOR)
        || caller.has(Role.JUDGE)
        || caller.has(Role.HIGH_JUDGE)
        || caller.has(Role.SUPERVISOR)) {
      return true;
    }
    if ((caller.has(Role.OFFICER) || caller.has(Role.REVIEWER))
        && scope.sections().contains(e.getSectionId())) {
      return true;
    }
    if (caller.has(Role.INMATE) && settings.inmateVisibleKinds().contains(e.getKind())) {
      long inmateId = scope.ownInmate().getId();
      return inmateRule.stream().anyMatch(r -> r.backsAnEntryAbout(e.getId(), inmateId));
    }
    return false;
  }
}
