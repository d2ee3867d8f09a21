package cn.xinsheng.cases.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.xinsheng.identity.domain.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The case list offers the noticeboard's PDF links to {@link Noticeboard#READERS}; the container
 * lets in whoever {@code @RolesAllowed} names. When the two differ a reader sees a link that
 * answers 403 (found on the lawyer's, bureau's and high court's portals), or misses one.
 */
class NoticeboardReadersTest {

  private static Set<Role> allowed(String method, Class<?>... parameters) throws Exception {
    RolesAllowed roles =
        Noticeboard.class.getMethod(method, parameters).getAnnotation(RolesAllowed.class);
    return Arrays.stream(roles.value())
        .map(Role::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
  }

  @Test
  void theLinksGoToExactlyThoseTheContainerLetsIn() throws Exception {
    assertEquals(Noticeboard.READERS, allowed("noticeboardPdf", boolean.class));
    assertEquals(Noticeboard.READERS, allowed("publicList", boolean.class));
  }
}
