package cn.xinsheng.system;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.concurrent.Callable;

/**
 * Test only: runs a piece of work under a run-as identity, so the in-container checks can call the
 * services as a role without a login. Not an EJB by annotation: the test WAR's {@code
 * WEB-INF/ejb-jar.xml} (written by {@link ServicesIT#deployment()}) deploys this class once per
 * role of the platform, as {@code RunAs_<ROLE>} with that role as its run-as identity, and once as
 * {@code RunAs_officer1} (role OFFICER, principal officer1, a demo officer of sections 11 and 12)
 * for the section checks.
 */
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each service call its own
public class RunAsRole {

  public <T> T call(Callable<T> work) throws Exception {
    return work.call();
  }
}
