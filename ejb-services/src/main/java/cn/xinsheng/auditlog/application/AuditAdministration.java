package cn.xinsheng.auditlog.application;

import cn.xinsheng.audit.AuditEvent;
import cn.xinsheng.audit.NoteKey;
import cn.xinsheng.audit.SignedCheckpoint;
import cn.xinsheng.auditlog.domain.AuditWitness;
import cn.xinsheng.auditlog.domain.AuditWitnesses;
import cn.xinsheng.auditlog.infrastructure.AuditExporter;
import cn.xinsheng.auditlog.infrastructure.AuditStore;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The administrator's work on the audit log (witnesses, key rotation, a self-check on demand) and
 * what the log's state is, for the administrator and the external readers who rely on it.
 */
@Stateless
@RolesAllowed(Role.SYS_ADMIN_NAME)
public class AuditAdministration {

  private static final Pattern WITNESS_NAME = Pattern.compile("[A-Za-z0-9._-]{3,100}");

  @Inject AuditSequencer sequencer;
  @Inject AuditLog auditLog;
  @Inject Caller caller;
  @Inject Clock clock;
  @Inject RecordCheck records;
  @Inject BoundRecords bindings;
  @Inject SubjectHeads heads;
  @jakarta.annotation.Resource jakarta.ejb.SessionContext session;

  @Inject AuditWitnesses registered;

  /** One witness as the admin page and the API show it. */
  public record WitnessStatus(
      String name,
      String description,
      String verifierKey,
      Instant registeredAt,
      Optional<Long> lastCosignedSize,
      Optional<Instant> lastCosignedAt) {}

  /** The log at a glance. */
  public record Status(
      long treeSize,
      Optional<String> latestCheckpoint,
      String verifierKey,
      String fingerprint,
      List<String> keyHistory,
      List<WitnessStatus> witnesses,
      Optional<SelfCheck> lastSelfCheck,
      Optional<RecordCheck.Pass> lastRecordPass,
      List<RecordCheck.Mismatch> changedRecords) {}

  /**
   * What the administrator and the witnesses must act on: the log's own break, and every bound
   * business record that no longer matches its entry.
   */
  public record Alerts(Optional<String> logFailure, List<RecordCheck.Mismatch> changedRecords) {}

  @RolesAllowed({Role.SYS_ADMIN_NAME, Role.PROSECUTOR_NAME, Role.JUDGE_NAME, Role.SUPERVISOR_NAME})
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Alerts alerts() {
    return new Alerts(Optional.ofNullable(sequencer.selfCheckFailure()), records.mismatches());
  }

  /**
   * The alerts for one reader (issue 14, finding 6): what a changed row now holds is content, so a
   * reader who may not read the subject of the entry that binds it ({@code mayRead} refuses that
   * leaf) is told which row changed, not what it now says. The administrator, who must act on it,
   * is told everything.
   */
  @RolesAllowed({Role.SYS_ADMIN_NAME, Role.PROSECUTOR_NAME, Role.JUDGE_NAME, Role.SUPERVISOR_NAME})
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Alerts alertsFor(java.util.function.Predicate<byte[]> mayRead) {
    Alerts all = alerts();
    // (asked of the container by the role's name: the log depends on no context's types here)
    if (session.isCallerInRole(Role.SYS_ADMIN_NAME)) {
      return all;
    }
    List<RecordCheck.Mismatch> shown = new java.util.ArrayList<>();
    for (RecordCheck.Mismatch m : all.changedRecords()) {
      shown.add(
          readable(m.entry(), mayRead)
              ? m
              : new RecordCheck.Mismatch(
                  m.row(),
                  m.entry(),
                  "记录 "
                      + m.row()
                      + " 在入账后被改动，与审计日志第 "
                      + m.entry()
                      + " 条绑定的内容不符 / record "
                      + m.row()
                      + " was changed after it was logged: it differs from what log entry "
                      + m.entry()
                      + " binds",
                  m.found(),
                  m.bound()));
    }
    return new Alerts(all.logFailure(), shown);
  }

  private boolean readable(long index, java.util.function.Predicate<byte[]> mayRead) {
    try {
      List<cn.xinsheng.audit.LogVerifier.StoredLeaf> leaf = sequencer.leaves(index, index + 1);
      return !leaf.isEmpty() && mayRead.test(leaf.get(0).data());
    } catch (java.sql.SQLException | RuntimeException e) {
      return false;
    }
  }

  @RolesAllowed({Role.SYS_ADMIN_NAME, Role.PROSECUTOR_NAME, Role.JUDGE_NAME, Role.SUPERVISOR_NAME})
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Status status() {
    try {
      AuditStore store = sequencer.store();
      Optional<SignedCheckpoint> latest = sequencer.latest();
      List<String> keys = store.logKeys().stream().map(NoteKey::verifierKey).toList();
      List<AuditStore.Cosignature> cosignatures = store.latestCosignatures();
      List<WitnessStatus> witnesses = new ArrayList<>();
      for (AuditStore.Witness w : store.witnesses()) {
        Optional<AuditStore.Cosignature> last =
            cosignatures.stream().filter(c -> c.witnessId() == w.id()).findFirst();
        witnesses.add(
            new WitnessStatus(
                w.name(),
                w.description(),
                w.verifierKey(),
                w.registeredAt(),
                last.map(AuditStore.Cosignature::treeSize),
                last.map(AuditStore.Cosignature::receivedAt)));
      }
      String vkey = sequencer.verifierKey();
      return new Status(
          latest.map(c -> c.checkpoint().size()).orElse(0L),
          latest.map(SignedCheckpoint::format),
          vkey,
          vkey.isEmpty() ? "" : NoteKey.fingerprint(vkey),
          keys,
          witnesses,
          sequencer.lastSelfCheck(),
          records.lastPass(),
          records.mismatches());
    } catch (SQLException e) {
      throw new IllegalStateException("the audit log cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Registers a witness by its cosignature verifier key ({@code name+keyid+base64}, the form {@code
   * bin/xinsheng audit witness-key} prints). The name is the key's.
   */
  public void registerWitness(String verifierKey, String description) {
    NoteKey key;
    try {
      key = NoteKey.parseVerifierKey(verifierKey);
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("audit.error.witnessKey");
    }
    if (!WITNESS_NAME.matcher(key.name()).matches()) {
      throw Refusal.invalid("audit.error.witnessName");
    }
    if (description == null || description.isBlank() || description.length() > 200) {
      throw Refusal.invalid("audit.error.witnessDescription");
    }
    String canonical = key.witnessVerifierKey();
    if (registered.taken(key.name(), canonical)) {
      throw Refusal.conflict("audit.error.witnessTaken");
    }
    Instant now = clock.instant();
    registered.store(
        new AuditWitness(key.name(), canonical, description.strip(), caller.name(), now));
    auditLog.append(
        new AuditEvent(
            caller.name(),
            caller.rolesText(),
            "audit.witness.registered",
            "witness/" + key.name(),
            Map.of("key", canonical, "description", description.strip()),
            List.of(),
            now));
  }

  /** A new signing key; the checkpoint that records it is signed by the old key too. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public String rotateKey() {
    return sequencer.rotateKey(caller.name(), caller.rolesText());
  }

  /** The log's self-check and a full pass over the bound records, now; one verdict. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public SelfCheck runSelfCheck() {
    SelfCheck log = sequencer.selfCheck();
    records.fullPass();
    String changed = records.failure();
    if (changed == null || !log.sound()) {
      return log;
    }
    return new SelfCheck(
        log.checkedAt(),
        log.treeSize(),
        log.entriesChecked(),
        false,
        changed,
        log.durationMillis());
  }

  /**
   * Prepares an export: for one inmate, writes his head and waits until it is signed (refused with
   * 404 for an inmate the log does not know, with 409 and the reason while the log is broken). Call
   * before the response starts, so a refusal is an answer, not a broken download.
   */
  @RolesAllowed({Role.SYS_ADMIN_NAME, Role.PROSECUTOR_NAME, Role.JUDGE_NAME, Role.SUPERVISOR_NAME})
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public ExportScope prepareExport(ExportScope scope) {
    if (sequencer.latest().isEmpty()) {
      throw Refusal.notFound("audit.error.empty");
    }
    if (scope instanceof ExportScope.Inmate inmate && inmate.headIndex() < 0) {
      return inmate.withHead(heads.head(inmate.prisonerNumber()));
    }
    return scope;
  }

  /**
   * The log's own facts every reader of the log gets with their content, as the verifier needs
   * them: an inmate's head (it proves his extract complete), the witnesses registered and their
   * cosignatures received (it counts witnesses and notices a removed cosignature by them), a key's
   * rotation. None holds a business fact. (An alert does: it says what a changed row now holds.)
   */
  private static final java.util.Set<String> LOGS_OWN =
      java.util.Set.of(
          cn.xinsheng.audit.Leaf.HEAD_ACTION,
          "audit.witness.registered",
          "audit.witness.cosigned",
          "audit.key.rotated");

  private static boolean isLogsOwn(byte[] data) {
    try {
      return LOGS_OWN.contains(
          String.valueOf(cn.xinsheng.audit.Leaf.parse(data).entry().get("action")));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Writes an export (whole log, a range, or one inmate's records) to the stream. */
  @RolesAllowed({Role.SYS_ADMIN_NAME, Role.PROSECUTOR_NAME, Role.JUDGE_NAME, Role.SUPERVISOR_NAME})
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public ExportSummary export(ExportScope scope, OutputStream out) throws IOException {
    return export(scope, out, null);
  }

  /**
   * The same for one reader (issue 14, finding 6): the content of a leaf {@code mayRead} refuses is
   * withheld (its hash alone), so a reader gets only what he may read, and a court can still verify
   * the whole tree from the hashes. The log's own facts (an inmate's head, the witnesses, a key
   * rotation) are always shown: they hold no business fact. Null: every leaf's content.
   */
  @RolesAllowed({Role.SYS_ADMIN_NAME, Role.PROSECUTOR_NAME, Role.JUDGE_NAME, Role.SUPERVISOR_NAME})
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public ExportSummary export(
      ExportScope scope, OutputStream out, java.util.function.Predicate<byte[]> mayRead)
      throws IOException {
    scope = prepareExport(scope);
    java.util.function.Predicate<byte[]> reader =
        mayRead == null ? null : data -> isLogsOwn(data) || mayRead.test(data);
    try {
      return new AuditExporter(sequencer.store(), sequencer.origin(), clock, bindings.forms())
          .export(scope, out, reader);
    } catch (SQLException e) {
      throw new IOException("the audit log cannot be read: " + e.getMessage(), e);
    }
  }
}
