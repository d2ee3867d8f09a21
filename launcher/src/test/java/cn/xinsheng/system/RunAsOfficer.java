package cn.xinsheng.system;

import cn.xinsheng.identity.domain.Role;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;

/**
 * Test only: calls as {@link Role#OFFICER}, with the principal officer1 (a demo officer of sections
 * 11 and 12), so the section checks use it too; see {@link RunAsRole}.
 */
@Stateless(name = "RunAs_OFFICER")
@RunAs(Role.OFFICER_NAME)
public class RunAsOfficer extends RunAsRole {}
