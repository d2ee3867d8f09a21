package cn.xinsheng.organisation.domain;

import jakarta.ejb.ApplicationException;

/** No inmate with that number, or none the caller may see: both look the same from outside. */
@ApplicationException(rollback = true)
public class UnknownInmateException extends RuntimeException {
  public UnknownInmateException(String prisonerNumber) {
    super("unknown inmate " + prisonerNumber);
  }
}
