package cn.xinsheng.system;

import cn.xinsheng.identity.domain.Role;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;

/** Test only: calls as {@link Role#PROSECUTOR}; see {@link RunAsRole}. */
@Stateless(name = "RunAs_PROSECUTOR")
@RunAs(Role.PROSECUTOR_NAME)
public class RunAsProsecutor extends RunAsRole {}
