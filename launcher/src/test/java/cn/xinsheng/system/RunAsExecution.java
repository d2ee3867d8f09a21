package cn.xinsheng.system;

import cn.xinsheng.identity.domain.Role;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;

/** Test only: calls as {@link Role#EXECUTION}; see {@link RunAsRole}. */
@Stateless(name = "RunAs_EXECUTION")
@RunAs(Role.EXECUTION_NAME)
public class RunAsExecution extends RunAsRole {}
