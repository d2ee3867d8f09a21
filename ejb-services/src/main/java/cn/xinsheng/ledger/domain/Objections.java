package cn.xinsheng.ledger.domain;

import java.util.List;
import java.util.Optional;

/**
 * The objections and findings with the steps of their loop (ADR 0013: the storage lives in
 * infrastructure); both append-only. Runs in the caller's transaction; the calling service checks
 * who may ask.
 */
public interface Objections {

  Optional<Objection> find(long objectionId);

  /**
   * Stores a new objection and assigns its id at once (its first step and the audit refer to it).
   */
  void store(Objection objection);

  /** Stores a step taken and assigns its id at once (the audit binds it). */
  void store(ObjectionStepRecord step);

  /** The objection's steps, in the order taken. */
  List<ObjectionStepRecord> steps(long objectionId);
}
