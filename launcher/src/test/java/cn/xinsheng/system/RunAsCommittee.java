package cn.xinsheng.system;

import cn.xinsheng.identity.domain.Role;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;

/** Test only: calls as {@link Role#COMMITTEE}; see {@link RunAsRole}. */
@Stateless(name = "RunAs_COMMITTEE")
@RunAs(Role.COMMITTEE_NAME)
public class RunAsCommittee extends RunAsRole {}
