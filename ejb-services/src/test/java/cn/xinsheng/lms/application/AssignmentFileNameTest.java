package cn.xinsheng.lms.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.xinsheng.platform.Refusal;
import org.junit.jupiter.api.Test;

/** A handed-in file's name: its last segment, or a refusal, never a server error. */
class AssignmentFileNameTest {

  @Test
  void theLastSegmentIsKept() {
    assertEquals("作业.pdf", AssignmentService.baseName("作业.pdf"));
    assertEquals("essay.txt", AssignmentService.baseName("/home/inmate/essay.txt"));
  }

  @Test
  void aNulOrALineBreakIsRefusedNotAnInvalidPathException() {
    for (String bad : new String[] {"a\u0000.txt", "a\r\nb.txt", "a\tb", "/", "", "  "}) {
      Refusal r = assertThrows(Refusal.class, () -> AssignmentService.baseName(bad), bad);
      assertEquals("lms.error.fileName", r.messageKey());
    }
  }

  @Test
  void aNameTooLongIsRefused() {
    assertThrows(Refusal.class, () -> AssignmentService.baseName("a".repeat(201)));
  }
}
