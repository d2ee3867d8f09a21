package cn.xinsheng.system;

import cn.xinsheng.identity.domain.Role;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;

/** Test only: calls as {@link Role#SYS_ADMIN}; see {@link RunAsRole}. */
@Stateless(name = "RunAs_SYS_ADMIN")
@RunAs(Role.SYS_ADMIN_NAME)
public class RunAsSysAdmin extends RunAsRole {}
