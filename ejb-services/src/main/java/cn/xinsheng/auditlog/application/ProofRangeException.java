package cn.xinsheng.auditlog.application;

import jakarta.ejb.ApplicationException;

/** A proof asked for a tree the log has not signed, or a leaf outside it. */
@ApplicationException
public class ProofRangeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ProofRangeException(String message) {
    super(message);
  }
}
