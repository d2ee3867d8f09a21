package cn.xinsheng.system;

import cn.xinsheng.identity.domain.Role;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;

/** Test only: calls as {@link Role#COMMUNITY_CORRECTIONS}; see {@link RunAsRole}. */
@Stateless(name = "RunAs_COMMUNITY_CORRECTIONS")
@RunAs(Role.COMMUNITY_CORRECTIONS_NAME)
public class RunAsCommunityCorrections extends RunAsRole {}
