package cn.xinsheng.content;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The question text format a teacher writes questions in (UTF-8, one file per bank or quiz):
 *
 * <pre>
 * [category] 会计基础              sets the category of the questions that follow
 *
 * ::q1 single 2                   a question: key, type, points
 * 会计的基本职能是？                  its text (one or more lines)
 * * 核算和监督                      an option: "*" correct, "-" wrong  (single, multiple)
 * - 预测
 *
 * ::q3 truefalse 1                 "= true" or "= false"
 * ::q4 numeric 2                   "= 1500 ± 5" (or "+-"): the answer and its tolerance
 * ::q5 fill 2                      "= 所有者权益 | 权益": accepted answers, case and spaces ignored
 * ::q6 matching 3                  "资产 -> 企业拥有或控制的资源": one pair a line
 * ::q7 essay 10                    text only: a teacher grades it
 * </pre>
 *
 * Lines starting with {@code #} are comments. A mistake names its line.
 */
public final class QuestionText {

  /** Question types. */
  public enum Type {
    SINGLE,
    MULTIPLE,
    TRUEFALSE,
    NUMERIC,
    FILL,
    MATCHING,
    ESSAY
  }

  public record Option(String text, boolean correct) {}

  public record Pair(String left, String right) {}

  /** One parsed question. */
  public record Spec(
      String key,
      Type type,
      BigDecimal points,
      String category,
      String text,
      List<Option> options,
      List<String> answers,
      BigDecimal number,
      BigDecimal tolerance,
      List<Pair> pairs) {}

  private QuestionText() {}

  public static List<Spec> parse(String source) throws ContentRefusal {
    List<Spec> out = new ArrayList<>();
    String category = "";
    Builder b = null;
    String[] lines = source.replace("\r\n", "\n").split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      int no = i + 1;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[category]")) {
        if (b != null) {
          out.add(b.build());
          b = null;
        }
        category = line.substring("[category]".length()).strip();
        continue;
      }
      if (line.startsWith("::")) {
        if (b != null) {
          out.add(b.build());
        }
        String[] head = line.substring(2).strip().split("\\s+");
        if (head.length != 3) {
          throw error(no, "“::键 类型 分值”", "\"::key type points\"");
        }
        Type type;
        BigDecimal points;
        try {
          type = Type.valueOf(head[1].toUpperCase(Locale.ROOT));
          points = new BigDecimal(head[2]);
        } catch (IllegalArgumentException e) {
          throw error(no, "类型或分值", "type or points");
        }
        if (points.signum() <= 0) {
          throw error(no, "分值须为正数", "points must be positive");
        }
        b = new Builder(head[0], type, points, category, no);
        continue;
      }
      if (b == null) {
        throw error(no, "题目须以 :: 开头", "a question starts with ::");
      }
      b.line(line, no);
    }
    if (b != null) {
      out.add(b.build());
    }
    return out;
  }

  static ContentRefusal error(int line, String zh, String en) {
    return new ContentRefusal(
        "questions", "题目格式第 " + line + " 行有误：" + zh, "question format, line " + line + ": " + en);
  }

  private static final class Builder {
    final String key;
    final Type type;
    final BigDecimal points;
    final String category;
    final int line;
    final StringBuilder text = new StringBuilder();
    final List<Option> options = new ArrayList<>();
    final List<String> answers = new ArrayList<>();
    final List<Pair> pairs = new ArrayList<>();
    BigDecimal number;
    BigDecimal tolerance = BigDecimal.ZERO;

    Builder(String key, Type type, BigDecimal points, String category, int line) {
      this.key = key;
      this.type = type;
      this.points = points;
      this.category = category;
      this.line = line;
    }

    void line(String l, int no) throws ContentRefusal {
      boolean choice = type == Type.SINGLE || type == Type.MULTIPLE;
      if (choice && (l.startsWith("* ") || l.startsWith("- "))) {
        options.add(new Option(l.substring(2).strip(), l.startsWith("*")));
      } else if (l.startsWith("= ") && type != Type.ESSAY && !choice && type != Type.MATCHING) {
        String v = l.substring(2).strip();
        switch (type) {
          case TRUEFALSE -> {
            if (!v.equals("true") && !v.equals("false")) {
              throw error(no, "判断题答案为 true 或 false", "a true/false answer is true or false");
            }
            answers.add(v);
          }
          case NUMERIC -> {
            String[] p = v.split("±|\\+-");
            try {
              number = new BigDecimal(p[0].strip());
              tolerance = p.length > 1 ? new BigDecimal(p[1].strip()).abs() : BigDecimal.ZERO;
            } catch (NumberFormatException e) {
              throw error(no, "数值答案如“= 1500 ± 5”", "a numeric answer like \"= 1500 ± 5\"");
            }
          }
          default -> {
            for (String a : v.split("\\|")) {
              if (!a.isBlank()) {
                answers.add(a.strip());
              }
            }
          }
        }
      } else if (type == Type.MATCHING && l.contains("->")) {
        String[] p = l.split("->", 2);
        pairs.add(new Pair(p[0].strip(), p[1].strip()));
      } else {
        text.append(text.length() > 0 ? "\n" : "").append(l);
      }
    }

    Spec build() throws ContentRefusal {
      if (text.length() == 0) {
        throw error(line, "题目 " + key + " 没有题干", "question " + key + " has no text");
      }
      switch (type) {
        case SINGLE -> {
          if (options.size() < 2 || options.stream().filter(Option::correct).count() != 1) {
            throw error(
                line,
                "单选题须有两个以上选项且恰有一个正确",
                "a single-choice question has 2+ options, exactly one correct");
          }
        }
        case MULTIPLE -> {
          if (options.size() < 2 || options.stream().noneMatch(Option::correct)) {
            throw error(
                line,
                "多选题须有两个以上选项且至少一个正确",
                "a multiple-choice question has 2+ options, one or more correct");
          }
        }
        case TRUEFALSE, FILL -> {
          if (answers.isEmpty()) {
            throw error(
                line, "题目 " + key + " 缺少答案（= …）", "question " + key + " has no answer (= …)");
          }
        }
        case NUMERIC -> {
          if (number == null) {
            throw error(
                line, "题目 " + key + " 缺少数值答案", "question " + key + " has no numeric answer");
          }
        }
        case MATCHING -> {
          if (pairs.size() < 2) {
            throw error(line, "配对题至少两对", "a matching question has at least two pairs");
          }
        }
        default -> {
          // an essay has only its text
        }
      }
      return new Spec(
          key,
          type,
          points,
          category,
          text.toString(),
          List.copyOf(options),
          List.copyOf(answers),
          number,
          tolerance,
          List.copyOf(pairs));
    }
  }
}
