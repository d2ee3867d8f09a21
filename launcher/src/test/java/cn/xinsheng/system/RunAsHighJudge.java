package cn.xinsheng.system;

import cn.xinsheng.identity.domain.Role;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;

/** Test only: calls as {@link Role#HIGH_JUDGE}; see {@link RunAsRole}. */
@Stateless(name = "RunAs_HIGH_JUDGE")
@RunAs(Role.HIGH_JUDGE_NAME)
public class RunAsHighJudge extends RunAsRole {}
