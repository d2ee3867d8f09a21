package cn.xinsheng.system;

import cn.xinsheng.identity.domain.Role;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;

/** Test only: calls as {@link Role#SUPERVISOR}; see {@link RunAsRole}. */
@Stateless(name = "RunAs_SUPERVISOR")
@RunAs(Role.SUPERVISOR_NAME)
public class RunAsSupervisor extends RunAsRole {}
