package cn.xinsheng.lms.application;

import cn.xinsheng.content.QuestionText;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.lms.domain.CourseCatalogue;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A course's question banks as teachers browse them by category, answers included: the questions
 * quizzes draw from. A teacher sees the banks of the courses he teaches, the education office all.
 */
@Stateless
public class QuestionBanks {

  /** A question in a course's bank. */
  public record BankQuestion(
      String bank, String key, String category, String type, String points, String text) {}

  @Inject CourseCatalogue catalogue;
  @Inject Caller caller;

  @RolesAllowed({Role.TEACHER_NAME, Role.EDU_ADMIN_NAME})
  public List<BankQuestion> bank(long courseId) {
    if (!caller.has(Role.EDU_ADMIN) && !catalogue.taughtBy(courseId, caller.name())) {
      // another teacher's course: as if it did not exist (issue 14)
      throw Refusal.notFound("lms.error.noCourse");
    }
    List<BankQuestion> out = new ArrayList<>();
    for (CourseCatalogue.Bank b : catalogue.banks(courseId)) {
      for (QuestionText.Spec s : Quizzes.questions(b.questions())) {
        out.add(
            new BankQuestion(
                b.key(),
                s.key(),
                s.category(),
                s.type().name(),
                s.points().toPlainString(),
                s.text()));
      }
    }
    out.sort(Comparator.comparing(BankQuestion::category).thenComparing(BankQuestion::key));
    return out;
  }
}
