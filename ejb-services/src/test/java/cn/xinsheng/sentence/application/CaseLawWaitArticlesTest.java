package cn.xinsheng.sentence.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.xinsheng.sentence.domain.Evaluation;
import cn.xinsheng.sentence.domain.Reason;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A proposal made before the law allows it is refused naming the articles of the waits not yet met
 * — for a limited 死缓 commuted to a fixed term the interval's own key, {@code
 * COMMUTED_INTERVAL_LIMITED} (法释〔2016〕23号第十四条 with 第四十条第二款), was left out and the refusal named
 * only the limit's article.
 */
class CaseLawWaitArticlesTest {

  private static final LocalDate FROM = LocalDate.of(2027, 3, 1);

  private static Evaluation.Reduction reduction(Reason... reasons) {
    return new Evaluation.Reduction(
        false, FROM, 24, null, null, null, null, null, null, List.of(reasons), "第六条第二款", null);
  }

  @Test
  void aLimitedCommutationsIntervalIsNamed() {
    Evaluation.Reduction r =
        reduction(
            new Reason("COMMUTED_INTERVAL_LIMITED", "法释〔2016〕23号第十四条、第四十条第二款", "zh", "en"),
            new Reason("MAX_LIMITED", "法释〔2016〕23号第十四条", "zh", "en"));
    assertEquals("法释〔2016〕23号第十四条、第四十条第二款", CaseLaw.waitArticles(r, FROM.minusDays(1)));
  }

  @Test
  void onTheDayItselfTheLimitsArticleIsNamed() {
    Evaluation.Reduction r = reduction(new Reason("INTERVAL", "法释〔2016〕23号第四十条第二款", "zh", "en"));
    assertEquals("第六条第二款", CaseLaw.waitArticles(r, FROM));
    assertEquals("法释〔2016〕23号第四十条第二款", CaseLaw.waitArticles(r, FROM.minusDays(1)));
  }
}
