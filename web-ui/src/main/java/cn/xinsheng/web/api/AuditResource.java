package cn.xinsheng.web.api;

import cn.xinsheng.audit.Leaf;
import cn.xinsheng.audit.LogVerifier;
import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.audit.SignedCheckpoint;
import cn.xinsheng.auditlog.application.AuditAdministration;
import cn.xinsheng.auditlog.application.AuditSequencer;
import cn.xinsheng.auditlog.application.ExportScope;
import cn.xinsheng.auditlog.application.ProofRangeException;
import cn.xinsheng.auditlog.application.SelfCheck;
import cn.xinsheng.auditlog.application.WitnessService;
import cn.xinsheng.auditlog.domain.LeafContentRule;
import cn.xinsheng.cases.application.CaseLists;
import cn.xinsheng.cases.application.CaseSummary;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.web.security.CurrentUser;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The audit log for witnesses and courts: the latest signed checkpoint, the prison's keys, proofs,
 * the leaves to mirror and exports to verify offline; every read is itself recorded (access
 * filter). A witness posts its cosignatures here; the administrator registers witnesses, rotates
 * the key and runs a self-check.
 */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  private static final int MAX_LEAVES = 1_000;

  @Inject AuditSequencer sequencer;
  @Inject AuditAdministration administration;
  @Inject WitnessService witnessService;
  @Inject cn.xinsheng.platform.PrisonTime time;
  @Inject CaseLists caseLists;
  @Inject CurrentUser currentUser;

  @GET
  @Path("/checkpoint")
  @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
  @Operation(summary = "The latest checkpoint as a signed note (c2sp.org/tlog-checkpoint)")
  public Response checkpoint() {
    return sequencer
        .latest()
        .map(SignedCheckpoint::format)
        .map(note -> Response.ok(note).build())
        .orElseGet(() -> ApiError.response(404, "audit.error.empty"));
  }

  @GET
  @Path("/key")
  @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
  @Operation(summary = "The prison's verifier key (name+keyid+base64 key)")
  public String key() {
    return sequencer.verifierKey() + "\n";
  }

  /** An inclusion proof: the audit path of one leaf, hex hashes from the leaf upwards. */
  @JsonbPropertyOrder({"leafIndex", "treeSize", "proof"})
  public record InclusionProof(long leafIndex, long treeSize, List<String> proof) {}

  /** A consistency proof between two signed tree sizes, hex hashes. */
  @JsonbPropertyOrder({"from", "to", "proof"})
  public record ConsistencyProof(long from, long to, List<String> proof) {}

  /**
   * One leaf to mirror: its index, hash (hex) and canonical JSON (base64). The content is withheld
   * (data null, withheld true) from a caller who may not read the leaf's subject (issue 14).
   */
  @JsonbPropertyOrder({"index", "hash", "data", "withheld"})
  public record LeafView(long index, String hash, String data, boolean withheld) {}

  /** A registered witness and what it last cosigned. */
  @JsonbPropertyOrder({"name", "description", "key", "lastCosignedSize", "lastCosignedAt"})
  public record WitnessView(
      String name, String description, String key, Long lastCosignedSize, String lastCosignedAt) {}

  /** A witness to register: its verifier key (name+keyid+base64) and who it is. */
  @JsonbPropertyOrder({"key", "description"})
  public record WitnessRegistration(
      @NotNull(message = "audit.error.witnessKey")
          @Size(max = 300, message = "audit.error.witnessKey")
          @OneLine
          String key,
      @NotNull(message = "audit.error.witnessDescription")
          @Size(max = 200, message = "audit.error.witnessDescription")
          @OneLine
          String description) {}

  /** The result of a self-check. */
  @JsonbPropertyOrder({"sound", "treeSize", "entriesChecked", "checkedAt", "durationMs", "failure"})
  public record SelfCheckView(
      boolean sound,
      long treeSize,
      long entriesChecked,
      String checkedAt,
      long durationMs,
      String failure) {}

  /** The administrator's explicit yes to a key rotation. */
  public record KeyRotation(
      @NotNull(message = "audit.error.confirmRotation")
          @AssertTrue(message = "audit.error.confirmRotation")
          Boolean confirm) {}

  /** The new signing key's verifier key. */
  public record RotatedKey(String key) {}

  /** How far a witness's cosignature reaches. */
  public record Cosigned(long treeSize) {}

  @GET
  @Path("/proof/inclusion")
  @Operation(summary = "Audit path of leaf `index` in the signed tree of size `size`")
  public InclusionProof inclusion(@QueryParam("index") long index, @QueryParam("size") long size) {
    try {
      return new InclusionProof(index, size, hexes(sequencer.inclusionProof(index, size)));
    } catch (ProofRangeException e) {
      throw Refusal.invalid("audit.error.range");
    }
  }

  @GET
  @Path("/proof/consistency")
  @Operation(summary = "Proof that the signed tree of size `from` is a prefix of size `to`")
  public ConsistencyProof consistency(@QueryParam("from") long from, @QueryParam("to") long to) {
    if (from < 1 || from > to) {
      throw Refusal.invalid("audit.error.range");
    }
    try {
      return new ConsistencyProof(from, to, hexes(sequencer.consistencyProof(from, to)));
    } catch (ProofRangeException e) {
      throw Refusal.invalid("audit.error.range");
    }
  }

  @GET
  @Path("/leaves")
  @Operation(summary = "Leaves [start, end) with their canonical JSON (base64), at most 1000")
  public List<LeafView> leaves(@QueryParam("start") long start, @QueryParam("end") long end)
      throws SQLException {
    if (start < 0 || end <= start || end - start > MAX_LEAVES) {
      throw Refusal.invalid("audit.error.range");
    }
    List<LeafView> leaves = new ArrayList<>();
    LeafContentRule rule = contentRule();
    for (LogVerifier.StoredLeaf leaf : sequencer.leaves(start, end)) {
      boolean open = mayRead(rule, leaf.data());
      leaves.add(
          new LeafView(
              leaf.index(),
              MerkleTree.hex(leaf.storedHash()),
              open ? Base64.getEncoder().encodeToString(leaf.data()) : null,
              !open));
    }
    return leaves;
  }

  /** The caller's reach, from the case rules: the cases he may read and their inmates. */
  private LeafContentRule contentRule() {
    java.util.Set<Role> roles = currentUser.getRoles();
    java.util.Set<Long> cases = new java.util.HashSet<>();
    java.util.Set<String> inmates = new java.util.HashSet<>();
    boolean caseReader =
        roles.stream()
            .anyMatch(r -> r == Role.PROSECUTOR || r == Role.JUDGE || r == Role.SUPERVISOR);
    if (caseReader) {
      for (CaseSummary c : caseLists.list()) {
        cases.add(c.id());
        inmates.add(c.prisonerNumber());
      }
    }
    return new LeafContentRule(roles.contains(Role.SYS_ADMIN), cases, inmates);
  }

  private static boolean mayRead(LeafContentRule rule, byte[] data) {
    try {
      Leaf.Parsed p = Leaf.parse(data);
      Object subject = p.entry().get("subject");
      return rule.mayRead(subject == null ? null : subject.toString(), p.payload());
    } catch (IllegalArgumentException e) {
      // a leaf that cannot be read as one is shown to nobody; its hash still proves it
      return false;
    }
  }

  @GET
  @Path("/keys")
  @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
  @Operation(summary = "Every signing key the log has used, oldest first (for key rotation)")
  public String keys() {
    return String.join("\n", administration.status().keyHistory()) + "\n";
  }

  @GET
  @Path("/witnesses")
  @Operation(summary = "The registered witnesses and the last tree size each cosigned")
  public List<WitnessView> witnesses() {
    return administration.status().witnesses().stream()
        .map(
            w ->
                new WitnessView(
                    w.name(),
                    w.description(),
                    w.verifierKey(),
                    w.lastCosignedSize().orElse(null),
                    w.lastCosignedAt().map(Object::toString).orElse(null)))
        .toList();
  }

  @POST
  @Path("/witnesses")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Register a witness: {\"key\": name+keyid+base64, \"description\": …}")
  @APIResponse(responseCode = "201", description = "Registered; no body")
  @StatusCode(201)
  public void registerWitness(
      @NotNull(message = "error.body.empty") @Valid WitnessRegistration body) {
    administration.registerWitness(body.key(), body.description());
  }

  @POST
  @Path("/cosignature")
  @Consumes(MediaType.TEXT_PLAIN)
  @Operation(summary = "A witness's cosigned checkpoint (signed note with its cosignature line)")
  public Cosigned cosign(
      @NotNull(message = "audit.error.noteMalformed")
          @Size(max = 20_000, message = "audit.error.noteMalformed")
          @Text(message = "audit.error.noteMalformed")
          String note) {
    return new Cosigned(witnessService.submitCosignature(note));
  }

  @POST
  @Path("/self-check")
  @Operation(summary = "Check the stored log against its checkpoints now")
  public SelfCheckView selfCheck() {
    SelfCheck c = administration.runSelfCheck();
    return new SelfCheckView(
        c.sound(),
        c.treeSize(),
        c.entriesChecked(),
        c.checkedAt().toString(),
        c.durationMillis(),
        c.failure());
  }

  @POST
  @Path("/key/rotation")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Replace the signing key; body {\"confirm\": true}. The old key co-signs the new key's"
              + " first checkpoint")
  public RotatedKey rotate(
      @NotNull(message = "audit.error.confirmRotation") @Valid KeyRotation body) {
    return new RotatedKey(administration.rotateKey());
  }

  @GET
  @Path("/export")
  @Produces("application/zip")
  @Operation(
      summary =
          "Export for offline verification: the whole log, entries [start,end), or one inmate's"
              + " records (inmate=prisoner number)")
  public Response export(
      @QueryParam("start") Long start,
      @QueryParam("end") Long end,
      @QueryParam("inmate") String inmate) {
    ExportScope scope;
    try {
      if (inmate != null) {
        scope = new ExportScope.Inmate(inmate);
      } else if (start != null || end != null) {
        scope = new ExportScope.Range(start == null ? 0 : start, end == null ? 0 : end);
      } else {
        scope = new ExportScope.All();
      }
    } catch (IllegalArgumentException e) {
      return ApiError.response(400, "audit.error.range");
    }
    if (sequencer.latest().isEmpty()) {
      return ApiError.response(404, "audit.error.empty");
    }
    // an inmate's head is written and signed before the download starts: an unknown inmate is a
    // 404 and a broken log a 409 with its reason, not a broken download
    ExportScope prepared = administration.prepareExport(scope);
    // issue 14, finding 6: the content of a leaf only to a caller who may read its subject, the
    // hash to everyone; a court still verifies the whole tree from the hashes
    LeafContentRule rule = contentRule();
    StreamingOutput body = out -> administration.export(prepared, out, d -> mayRead(rule, d));
    String name =
        "xinsheng-audit-" + scope.describe().replace(' ', '-') + "-" + time.today() + ".zip";
    return Response.ok(body)
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .build();
  }

  /** A bound business record that no longer matches the entry that binds it. */
  @JsonbPropertyOrder({"record", "entry", "message", "found"})
  public record ChangedRecord(String record, long entry, String message, String found) {}

  /** What the administrator and the witnesses must act on. */
  @JsonbPropertyOrder({"sound", "logFailure", "changedRecords"})
  public record AlertsView(boolean sound, String logFailure, List<ChangedRecord> changedRecords) {}

  @GET
  @Path("/alerts")
  @Operation(
      summary =
          "What the administrator and the witnesses must act on: the log's own break, and every"
              + " bound business record that no longer matches its entry (table, row, field)")
  public AlertsView alerts() {
    // issue 14, finding 6: a reader who may not read the subject is told which row changed, not
    // what it now holds
    LeafContentRule rule = contentRule();
    AuditAdministration.Alerts a = administration.alertsFor(d -> mayRead(rule, d));
    List<ChangedRecord> records =
        a.changedRecords().stream()
            .map(m -> new ChangedRecord(m.row(), m.entry(), m.message(), m.found().toString()))
            .toList();
    return new AlertsView(
        a.logFailure().isEmpty() && records.isEmpty(), a.logFailure().orElse(null), records);
  }

  private static List<String> hexes(List<byte[]> proof) {
    return proof.stream().map(MerkleTree::hex).toList();
  }
}
