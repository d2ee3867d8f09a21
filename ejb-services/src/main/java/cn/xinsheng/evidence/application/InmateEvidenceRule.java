package cn.xinsheng.evidence.application;

/**
 * Whether an inmate may open a piece of evidence: the ledger knows which evidence backs the entries
 * about him. Implemented there, asked here, so the evidence context needs no ledger tables.
 */
public interface InmateEvidenceRule {
  boolean backsAnEntryAbout(long evidenceId, long inmateId);
}
