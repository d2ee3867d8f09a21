package cn.xinsheng.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionTextTest {

  static final String BANK =
      """
      # 第一章测验
      [category] 会计基础
      ::q1 single 2
      会计的基本职能是？
      * 核算和监督
      - 预测
      - 决策

      ::q2 multiple 3
      下列属于资产的有：
      * 银行存款
      * 应收账款
      - 应付账款

      ::q3 truefalse 1
      资产 = 负债 + 所有者权益
      = true

      [category] 计算
      ::q4 numeric 2
      某企业月初现金 1000 元，收入 800 元，支出 300 元，月末现金为多少元？
      = 1500 ± 0.5

      ::q5 fill 2
      会计等式：资产 = 负债 + ____
      = 所有者权益 | 权益

      ::q6 matching 3
      将概念与定义配对
      资产 -> 企业拥有或控制的资源
      负债 -> 企业承担的现时义务
      收入 -> 日常活动形成的经济利益流入

      ::q7 essay 10
      简述复式记账法的原理。
      """;

  @Test
  void everyTypeOfTheDocumentedFormatIsRead() throws Exception {
    List<QuestionText.Spec> qs = QuestionText.parse(BANK);
    assertEquals(7, qs.size());
    assertEquals(QuestionText.Type.SINGLE, qs.get(0).type());
    assertEquals("会计基础", qs.get(0).category());
    assertEquals(2, qs.get(1).options().stream().filter(QuestionText.Option::correct).count());
    assertEquals(List.of("true"), qs.get(2).answers());
    assertEquals("计算", qs.get(3).category());
    assertEquals(new BigDecimal("1500"), qs.get(3).number());
    assertEquals(new BigDecimal("0.5"), qs.get(3).tolerance());
    assertEquals(List.of("所有者权益", "权益"), qs.get(4).answers());
    assertEquals(3, qs.get(5).pairs().size());
    assertEquals(QuestionText.Type.ESSAY, qs.get(6).type());
    assertEquals(new BigDecimal("10"), qs.get(6).points());
  }

  @Test
  void aMistakeNamesItsLine() {
    ContentRefusal r =
        assertThrows(
            ContentRefusal.class, () -> QuestionText.parse("::q1 single 2\n题干\n* 甲\n* 乙\n"));
    assertTrue(r.zh().contains("第 1 行"), r.zh());
    assertThrows(ContentRefusal.class, () -> QuestionText.parse("题干没有头\n"));
    assertThrows(ContentRefusal.class, () -> QuestionText.parse("::q1 numeric 2\n多少？\n= 很多\n"));
    assertThrows(ContentRefusal.class, () -> QuestionText.parse("::q1 bogus 2\n题\n"));
    assertThrows(ContentRefusal.class, () -> QuestionText.parse("::q1 single -1\n题\n* a\n- b\n"));
  }
}
