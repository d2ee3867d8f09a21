package cn.xinsheng.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** course.json: banks and draws read and checked against the bank; a missing file named. */
class CourseSpecTest {

  @TempDir Path dir;

  private void write(String drawCount) throws Exception {
    Files.createDirectories(dir.resolve("bank"));
    Files.writeString(
        dir.resolve("bank/b.txt"),
        "[category] 甲\n::x1 truefalse 1\n题一\n= true\n::x2 truefalse 1\n题二\n= false\n[category] 乙\n::y1 fill 1\n题三\n= 对\n");
    Files.writeString(
        dir.resolve("course.json"),
        "{\"programme\":{\"code\":\"P\",\"title\":\"项目\",\"kind\":\"DIPLOMA\",\"requiredCredits\":76},"
            + "\"course\":{\"code\":\"C\",\"title\":\"课程\",\"credits\":4},\"sections\":[],"
            + "\"banks\":[{\"key\":\"b\",\"title\":\"题库\",\"file\":\"bank/b.txt\"}],"
            + "\"quizzes\":[{\"key\":\"q\",\"title\":\"抽题\",\"draws\":[{\"bank\":\"b\",\"category\":\"甲\",\"count\":"
            + drawCount
            + "}]}]}");
  }

  @Test
  void aQuizMayDrawFromABankByCategory() throws Exception {
    write("2");
    CourseSpec spec = CourseSpec.read(dir);
    assertEquals(1, spec.banks().size());
    assertEquals(76, spec.programme().requiredCredits());
    CourseSpec.Quiz q = spec.quizzes().get(0);
    assertEquals(null, q.file());
    assertEquals(new CourseSpec.Draw("b", "甲", 2), q.draws().get(0));
  }

  @Test
  void aDrawLargerThanTheBanksCategoryIsRefused() throws Exception {
    write("3");
    ContentRefusal r = assertThrows(ContentRefusal.class, () -> CourseSpec.read(dir));
    assertEquals("course", r.code());
    assertTrue(r.zh().contains("只有 2 题"), r.zh());
  }

  @Test
  void aFileCourseJsonNamesMustBeInThePackage() throws Exception {
    write("1");
    Files.delete(dir.resolve("bank/b.txt"));
    assertThrows(ContentRefusal.class, () -> CourseSpec.read(dir));
  }
}
