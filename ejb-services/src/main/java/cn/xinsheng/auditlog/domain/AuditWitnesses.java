package cn.xinsheng.auditlog.domain;

/**
 * The witnesses registered to cosign the log's checkpoints (ADR 0013: the storage lives in
 * infrastructure). Runs in the caller's transaction; the calling service checks who may ask.
 */
public interface AuditWitnesses {

  /** Whether a witness already has this name or this verifier key. */
  boolean taken(String name, String verifierKey);

  void store(AuditWitness witness);
}
