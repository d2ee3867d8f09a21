package cn.xinsheng.system;

import cn.xinsheng.identity.domain.Role;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;

/** Test only: calls as {@link Role#INMATE}; see {@link RunAsRole}. */
@Stateless(name = "RunAs_INMATE")
@RunAs(Role.INMATE_NAME)
public class RunAsInmate extends RunAsRole {}
