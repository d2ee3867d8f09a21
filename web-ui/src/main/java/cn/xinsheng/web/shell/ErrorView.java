package cn.xinsheng.web.shell;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The reference on the error page (issue 18): the unexpected failure is logged once under a short
 * random reference, and the page tells the person that reference, so the administrator finds the
 * failure in the log without the person ever seeing a stack trace.
 */
@Named
@RequestScoped
public class ErrorView {

  /** The request attribute a reference is kept under once given. */
  public static final String REFERENCE = "cn.xinsheng.error.reference";

  private static final Logger LOG = Logger.getLogger(ErrorView.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  private String reference;

  public String getReference() {
    if (reference == null) {
      Map<String, Object> request =
          FacesContext.getCurrentInstance().getExternalContext().getRequestMap();
      Object given = request.get(REFERENCE);
      String asked =
          FacesContext.getCurrentInstance()
              .getExternalContext()
              .getRequestParameterMap()
              .get("ref");
      if (given instanceof String s) {
        reference = s;
      } else if (asked != null && asked.matches("E-[0-9A-F]{8}")) {
        // an Ajax failure, logged under this reference by ReferencedExceptionHandler
        reference = asked;
      } else {
        reference = newReference();
        request.put(REFERENCE, reference);
        Object failure = request.get("jakarta.servlet.error.exception");
        LOG.log(
            Level.SEVERE,
            "unexpected error, reference "
                + reference
                + " on "
                + request.get("jakarta.servlet.error.request_uri"),
            failure instanceof Throwable t ? t : null);
      }
    }
    return reference;
  }

  static String newReference() {
    byte[] b = new byte[4];
    RANDOM.nextBytes(b);
    return "E-" + HexFormat.of().withUpperCase().formatHex(b);
  }
}
