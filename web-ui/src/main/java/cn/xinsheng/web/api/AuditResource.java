package cn.xinsheng.web.api;

import cn.xinsheng.audit.LogVerifier;
import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.audit.SignedCheckpoint;
import cn.xinsheng.auditlog.application.AuditSequencer;
import cn.xinsheng.auditlog.application.ProofRangeException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The audit log for witnesses and courts: the latest signed checkpoint, the prison's public key,
 * proofs, and the leaves to mirror. Read-only; every read is itself recorded (access filter).
 */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  private static final int MAX_LEAVES = 1_000;

  @Inject AuditSequencer sequencer;

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

  private static JsonArrayBuilder hexes(List<byte[]> proof) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    proof.forEach(p -> array.add(MerkleTree.hex(p)));
    return array;
  }
}
