package cn.xinsheng.system;

import cn.xinsheng.identity.domain.Role;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;

/** Test only: calls as {@link Role#REVIEWER}; see {@link RunAsRole}. */
@Stateless(name = "RunAs_REVIEWER")
@RunAs(Role.REVIEWER_NAME)
public class RunAsReviewer extends RunAsRole {}
