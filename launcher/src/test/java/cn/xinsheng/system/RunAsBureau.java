package cn.xinsheng.system;

import cn.xinsheng.identity.domain.Role;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;

/** Test only: calls as {@link Role#BUREAU}; see {@link RunAsRole}. */
@Stateless(name = "RunAs_BUREAU")
@RunAs(Role.BUREAU_NAME)
public class RunAsBureau extends RunAsRole {}
