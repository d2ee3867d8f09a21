/**
 * The tamper-evident log's core, plain Java with no container: RFC 6962 Merkle trees, inclusion and
 * consistency proofs, canonical leaves, and Ed25519-signed, witness-cosigned checkpoints.
 */
package cn.xinsheng.audit;
