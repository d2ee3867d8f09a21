package cn.xinsheng.system;

import cn.xinsheng.identity.domain.Role;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;

/** Test only: calls as {@link Role#JUDGE}; see {@link RunAsRole}. */
@Stateless(name = "RunAs_JUDGE")
@RunAs(Role.JUDGE_NAME)
public class RunAsJudge extends RunAsRole {}
