package cn.xinsheng.web.api;

import cn.xinsheng.audit.LogVerifier;
import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.audit.SignedCheckpoint;
import cn.xinsheng.auditlog.application.AuditAdministration;
import cn.xinsheng.auditlog.application.AuditSequencer;
import cn.xinsheng.auditlog.application.ProofRangeException;
import cn.xinsheng.auditlog.application.WitnessService;
import cn.xinsheng.auditlog.infrastructure.AuditExporter;
import cn.xinsheng.auditlog.infrastructure.AuditStore;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

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

  @GET
  @Path("/checkpoint")
  @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
  @Operation(summary = "The latest checkpoint as a signed note (c2sp.org/tlog-checkpoint)")
  public Response checkpoint() {
    return sequencer
        .latest()
        .map(SignedCheckpoint::format)
        .map(note -> Response.ok(note).build())
        .orElseGet(() -> SessionResource.error(Response.Status.NOT_FOUND, "audit.error.empty"));
  }

  @GET
  @Path("/key")
  @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
  @Operation(summary = "The prison's verifier key (name+keyid+base64 key)")
  public String key() {
    return sequencer.verifierKey() + "\n";
  }

  @GET
  @Path("/proof/inclusion")
  @Operation(summary = "Audit path of leaf `index` in the signed tree of size `size`")
  public Response inclusion(@QueryParam("index") long index, @QueryParam("size") long size) {
    try {
      List<byte[]> proof = sequencer.inclusionProof(index, size);
      return Response.ok(
              Json.createObjectBuilder()
                  .add("leafIndex", index)
                  .add("treeSize", size)
                  .add("proof", hexes(proof))
                  .build())
          .build();
    } catch (ProofRangeException e) {
      return SessionResource.error(Response.Status.BAD_REQUEST, "audit.error.range");
    }
  }

  @GET
  @Path("/proof/consistency")
  @Operation(summary = "Proof that the signed tree of size `from` is a prefix of size `to`")
  public Response consistency(@QueryParam("from") long from, @QueryParam("to") long to) {
    if (from < 1 || from > to) {
      return SessionResource.error(Response.Status.BAD_REQUEST, "audit.error.range");
    }
    try {
      return Response.ok(
              Json.createObjectBuilder()
                  .add("from", from)
                  .add("to", to)
                  .add("proof", hexes(sequencer.consistencyProof(from, to)))
                  .build())
          .build();
    } catch (ProofRangeException e) {
      return SessionResource.error(Response.Status.BAD_REQUEST, "audit.error.range");
    }
  }

  @GET
  @Path("/leaves")
  @Operation(summary = "Leaves [start, end) with their canonical JSON (base64), at most 1000")
  public Response leaves(@QueryParam("start") long start, @QueryParam("end") long end)
      throws SQLException {
    if (start < 0 || end <= start || end - start > MAX_LEAVES) {
      return SessionResource.error(Response.Status.BAD_REQUEST, "audit.error.range");
    }
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (LogVerifier.StoredLeaf leaf : sequencer.store().leaves(start, end)) {
      array.add(
          Json.createObjectBuilder()
              .add("index", leaf.index())
              .add("hash", MerkleTree.hex(leaf.storedHash()))
              .add("data", Base64.getEncoder().encodeToString(leaf.data())));
    }
    return Response.ok(array.build()).build();
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
  public String witnesses() {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (AuditAdministration.WitnessStatus w : administration.status().witnesses()) {
      var o =
          Json.createObjectBuilder()
              .add("name", w.name())
              .add("description", w.description())
              .add("key", w.verifierKey());
      w.lastCosignedSize().ifPresent(size -> o.add("lastCosignedSize", size));
      w.lastCosignedAt().ifPresent(at -> o.add("lastCosignedAt", at.toString()));
      array.add(o);
    }
    return array.build().toString();
  }

  @POST
  @Path("/witnesses")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Register a witness: {\"key\": name+keyid+base64, \"description\": …}")
  public Response registerWitness(JsonObject body) {
    administration.registerWitness(
        body.getString("key", null), body.getString("description", null));
    return Response.status(Response.Status.CREATED).build();
  }

  @POST
  @Path("/cosignature")
  @Consumes(MediaType.TEXT_PLAIN)
  @Operation(summary = "A witness's cosigned checkpoint (signed note with its cosignature line)")
  public Response cosign(String note) {
    long size = witnessService.submitCosignature(note);
    return Response.ok(Json.createObjectBuilder().add("treeSize", size).build()).build();
  }

  @POST
  @Path("/self-check")
  @Operation(summary = "Check the stored log against its checkpoints now")
  public String selfCheck() {
    AuditStore.SelfCheck c = administration.runSelfCheck();
    var o =
        Json.createObjectBuilder()
            .add("sound", c.sound())
            .add("treeSize", c.treeSize())
            .add("entriesChecked", c.entriesChecked())
            .add("checkedAt", c.checkedAt().toString())
            .add("durationMs", c.durationMillis());
    if (c.failure() != null) {
      o.add("failure", c.failure());
    }
    return o.build().toString();
  }

  @POST
  @Path("/key/rotation")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Replace the signing key; body {\"confirm\": true}. The old key co-signs the new key's"
              + " first checkpoint")
  public Response rotate(JsonObject body) {
    if (body == null || !body.getBoolean("confirm", false)) {
      return SessionResource.error(Response.Status.BAD_REQUEST, "audit.error.confirmRotation");
    }
    return Response.ok(
            Json.createObjectBuilder().add("key", administration.rotateKey()).build().toString())
        .build();
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
    AuditExporter.Scope scope;
    try {
      if (inmate != null) {
        scope = new AuditExporter.Inmate(inmate);
      } else if (start != null || end != null) {
        scope = new AuditExporter.Range(start == null ? 0 : start, end == null ? 0 : end);
      } else {
        scope = new AuditExporter.All();
      }
    } catch (IllegalArgumentException e) {
      return SessionResource.error(Response.Status.BAD_REQUEST, "audit.error.range");
    }
    if (sequencer.latest().isEmpty()) {
      return SessionResource.error(Response.Status.NOT_FOUND, "audit.error.empty");
    }
    // an inmate's head is written and signed before the download starts: an unknown inmate is a
    // 404 and a broken log a 409 with its reason, not a broken download
    AuditExporter.Scope prepared = administration.prepareExport(scope);
    StreamingOutput body = out -> administration.export(prepared, out);
    String name =
        "xinsheng-audit-"
            + scope.describe().replace(' ', '-')
            + "-"
            + java.time.LocalDate.now()
            + ".zip";
    return Response.ok(body)
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .build();
  }

  @GET
  @Path("/alerts")
  @Operation(
      summary =
          "What the administrator and the witnesses must act on: the log's own break, and every"
              + " bound business record that no longer matches its entry (table, row, field)")
  public String alerts() {
    AuditAdministration.Alerts a = administration.alerts();
    JsonArrayBuilder records = Json.createArrayBuilder();
    for (var m : a.changedRecords()) {
      records.add(
          Json.createObjectBuilder()
              .add("record", m.row())
              .add("entry", m.entry())
              .add("message", m.message())
              .add("found", m.found().toString()));
    }
    var o =
        Json.createObjectBuilder()
            .add("sound", a.logFailure().isEmpty() && a.changedRecords().isEmpty());
    a.logFailure().ifPresent(f -> o.add("logFailure", f));
    return o.add("changedRecords", records).build().toString();
  }

  private static JsonArrayBuilder hexes(List<byte[]> proof) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    proof.forEach(p -> array.add(MerkleTree.hex(p)));
    return array;
  }
}
