package cn.xinsheng.system;

import cn.xinsheng.identity.domain.Role;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;

/** Test only: calls as {@link Role#EDU_ADMIN}; see {@link RunAsRole}. */
@Stateless(name = "RunAs_EDU_ADMIN")
@RunAs(Role.EDU_ADMIN_NAME)
public class RunAsEduAdmin extends RunAsRole {}
