package cn.xinsheng.system;

import cn.xinsheng.identity.domain.Role;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;

/** Test only: calls as {@link Role#EXAMINER}; see {@link RunAsRole}. */
@Stateless(name = "RunAs_EXAMINER")
@RunAs(Role.EXAMINER_NAME)
public class RunAsExaminer extends RunAsRole {}
