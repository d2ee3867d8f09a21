package cn.xinsheng.system;

import cn.xinsheng.identity.domain.Role;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;

/** Test only: calls as {@link Role#TEACHER}; see {@link RunAsRole}. */
@Stateless(name = "RunAs_TEACHER")
@RunAs(Role.TEACHER_NAME)
public class RunAsTeacher extends RunAsRole {}
