package cn.xinsheng.lms.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.xinsheng.content.QuestionText;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Automatic grading per question type, a teacher's essay marks, and a re-grade. */
class QuizGraderTest {

  static final String QUIZ =
      """
      ::q1 single 2
      会计的基本职能是？
      - 预测
      * 核算和监督
      - 决策
      ::q2 multiple 3
      下列属于资产的有：
      * 银行存款
      * 应收账款
      - 应付账款
      ::q3 truefalse 1
      资产 = 负债 + 所有者权益
      = true
      ::q4 numeric 2
      月末现金为多少元？
      = 1500 ± 0.5
      ::q5 fill 2
      会计等式：资产 = 负债 + ____
      = 所有者权益 | 权益
      ::q6 matching 3
      配对
      资产 -> 资源
      负债 -> 义务
      收入 -> 流入
      ::q7 essay 10
      简述复式记账法的原理。
      """;

  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  @Test
  void eachTypeIsGradedAndTheEssayWaitsForATeacher() throws Exception {
    List<QuestionText.Spec> qs = QuestionText.parse(QUIZ);
    Map<String, Object> a = new HashMap<>();
    a.put("q1", 1L);
    a.put("q2", List.of(1L, 0L));
    a.put("q3", "TRUE");
    a.put("q4", "1500.4");
    a.put("q5", " 权 益 ");
    a.put("q6", List.of("资源", "义务", "支出"));
    a.put("q7", "有借必有贷，借贷必相等。");
    QuizGrader.Result r = QuizGrader.grade(qs, a, Map.of());
    assertEquals(23, r.max().intValue());
    // 2 + 3 + 1 + 2 + 2 + 2.0 (two of three pairs) ; the essay pending
    assertEquals(0, d("12.0").compareTo(r.score()), r.toString());
    assertEquals(1, r.pending());
    assertNull(r.marks().get(6).awarded());
    // the teacher marks the essay: graded again, nothing pending
    QuizGrader.Result graded = QuizGrader.grade(qs, a, Map.of("q7", d("8")));
    assertEquals(0, d("20.0").compareTo(graded.score()));
    assertEquals(0, graded.pending());
    assertEquals(0, d("87.0").compareTo(graded.percent()));
  }

  @Test
  void wrongAndMissingAnswersScoreNothing() throws Exception {
    List<QuestionText.Spec> qs = QuestionText.parse(QUIZ);
    Map<String, Object> a = new HashMap<>();
    a.put("q1", 0L);
    a.put("q2", List.of(0L));
    a.put("q3", "false");
    a.put("q4", "1501");
    a.put("q5", "负债");
    a.put("q6", "not a list");
    QuizGrader.Result r = QuizGrader.grade(qs, a, Map.of());
    assertEquals(0, r.score().signum());
    assertEquals(0, r.pending(), "an essay left blank is not waiting for anyone");
    a.put("q4", "一千五");
    assertEquals(0, QuizGrader.grade(qs, a, Map.of()).score().signum());
  }

  @Test
  void aCorrectedKeyRegradesTheSameAnswers() throws Exception {
    Map<String, Object> a = Map.of("q4", "1490");
    List<QuestionText.Spec> before = QuestionText.parse(QUIZ);
    assertEquals(0, QuizGrader.grade(before, a, Map.of()).score().signum());
    List<QuestionText.Spec> after =
        QuestionText.parse(QUIZ.replace("= 1500 ± 0.5", "= 1490 ± 0.5"));
    assertEquals(0, d("2").compareTo(QuizGrader.grade(after, a, Map.of()).score()));
  }
}
