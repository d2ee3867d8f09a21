package cn.xinsheng.system;

import cn.xinsheng.identity.domain.Role;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;

/** Test only: calls as {@link Role#LAWYER}; see {@link RunAsRole}. */
@Stateless(name = "RunAs_LAWYER")
@RunAs(Role.LAWYER_NAME)
public class RunAsLawyer extends RunAsRole {}
