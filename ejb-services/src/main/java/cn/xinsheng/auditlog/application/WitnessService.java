package cn.xinsheng.auditlog.application;

import cn.xinsheng.audit.AuditEvent;
import cn.xinsheng.audit.NoteKey;
import cn.xinsheng.audit.SignedCheckpoint;
import cn.xinsheng.auditlog.domain.AuditCosignature;
import cn.xinsheng.auditlog.infrastructure.AuditStore;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes a witness's cosignature. The witness (the procuratorate's own program, e.g. {@code
 * bin/xinsheng audit witness}) fetched the latest checkpoint, checked it is consistent with the
 * last one it signed, and cosigned it; here the log checks that the note is one it signed, that the
 * cosignature is valid for a registered witness, and that the witness never goes back.
 */
@Stateless
@RolesAllowed(Role.PROSECUTOR_NAME)
public class WitnessService {

  @Inject AuditSequencer sequencer;
  @Inject AuditLog auditLog;
  @Inject Caller caller;
  @Inject Clock clock;

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  /** Returns the tree size the cosignature covers. */
  public long submitCosignature(String note) {
    SignedCheckpoint cosigned;
    try {
      cosigned = SignedCheckpoint.parse(note);
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("audit.error.noteMalformed");
    }
    long size = cosigned.checkpoint().size();
    try {
      AuditStore store = sequencer.store();
      Optional<SignedCheckpoint> ours = store.checkpoint(size);
      if (ours.isEmpty() || !ours.get().checkpoint().equals(cosigned.checkpoint())) {
        throw Refusal.invalid("audit.error.notOurCheckpoint");
      }
      for (AuditStore.Witness w : store.witnesses()) {
        NoteKey key = w.key();
        Optional<SignedCheckpoint> line = cosigned.cosignatureOnly(key);
        if (line.isEmpty()) {
          continue;
        }
        Optional<Long> last =
            store.latestCosignatures().stream()
                .filter(c -> c.witnessId() == w.id())
                .map(AuditStore.Cosignature::treeSize)
                .findFirst();
        if (last.isPresent() && last.get() >= size) {
          throw Refusal.conflict("audit.error.cosignatureNotNewer", last.get());
        }
        Instant now = clock.instant();
        em.persist(new AuditCosignature(w.id(), size, line.get().format(), now));
        auditLog.append(
            new AuditEvent(
                caller.name(),
                caller.rolesText(),
                "audit.witness.cosigned",
                "witness/" + w.name(),
                Map.of("treeSize", size, "note", line.get().format()),
                List.of(),
                now));
        return size;
      }
      throw Refusal.invalid("audit.error.noValidCosignature");
    } catch (SQLException e) {
      throw new IllegalStateException("the audit log cannot be read: " + e.getMessage(), e);
    }
  }
}
