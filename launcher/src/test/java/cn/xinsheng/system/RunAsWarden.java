package cn.xinsheng.system;

import cn.xinsheng.identity.domain.Role;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;

/** Test only: calls as {@link Role#WARDEN}; see {@link RunAsRole}. */
@Stateless(name = "RunAs_WARDEN")
@RunAs(Role.WARDEN_NAME)
public class RunAsWarden extends RunAsRole {}
