package cn.xinsheng.launcher;

import cn.xinsheng.audit.CanonicalJson;
import cn.xinsheng.sentence.application.CalculatorAnswer;
import cn.xinsheng.sentence.application.CalculatorRequest;
import cn.xinsheng.sentence.application.EligibilityCalculator;
import cn.xinsheng.sentence.domain.SentenceFactException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code bin/xinsheng eligibility evaluate FILE.json}: the eligibility calculator offline, with no
 * server or database — the same facts and the same answer as {@code POST
 * /api/v1/eligibility/evaluate} (docs/eligibility-calculator.md).
 */
@Command(
    name = "eligibility",
    mixinStandardHelpOptions = true,
    description = "减刑、假释资格计算 / reduction and parole eligibility, offline",
    subcommands = {EligibilityCommand.Evaluate.class})
public class EligibilityCommand implements Runnable {

  /** A facts file larger than this is not a sentence. */
  static final long MAX_BYTES = 1 << 20;

  @Override
  public void run() {
    System.out.println("用法 / usage: xinsheng eligibility evaluate FILE.json");
  }

  @Command(
      name = "evaluate",
      mixinStandardHelpOptions = true,
      description =
          "按事实(JSON)计算减刑、假释资格,不写任何数据;输出与 POST /api/v1/eligibility/evaluate"
              + " 相同 / evaluate the facts in a JSON file; prints the API's answer, writes nothing."
              + " Exit 0 answered, 1 bad facts (the error JSON names the field)")
  static class Evaluate implements Callable<Integer> {
    @Parameters(index = "0", description = "事实文件 / the facts, as JSON")
    Path file;

    @Override
    public Integer call() throws IOException {
      PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
      try {
        Path path = MusicCommand.operatorPath(file);
        if (!Files.isRegularFile(path)) {
          throw new SentenceFactException("file", "找不到文件 " + file, "no such file " + file);
        }
        if (Files.size(path) > MAX_BYTES) {
          throw new SentenceFactException("file", "文件过大", "the file is too large");
        }
        Object json;
        try {
          json = CanonicalJson.parseLenient(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | java.nio.charset.MalformedInputException e) {
          throw new SentenceFactException("body", "不是有效的JSON(UTF-8)", "not valid JSON (UTF-8)");
        }
        CalculatorAnswer answer =
            EligibilityCalculator.standard().evaluate(CalculatorRequest.fromJson(json));
        out.println(pretty(answer.toMap(), ""));
        out.flush();
        return 0;
      } catch (SentenceFactException e) {
        // the API's 400 body, field for field
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("error", "eligibility.error.fact");
        error.put("message_zh", "事实缺失或矛盾(" + e.field() + "):" + e.zh());
        error.put("message_en", "missing or contradictory fact (" + e.field() + "): " + e.en());
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("field", e.field());
        field.put("error", "eligibility.error.fact");
        field.put("message_zh", e.zh());
        field.put("message_en", e.en());
        error.put("fields", List.of(field));
        out.println(pretty(error, ""));
        out.flush();
        return 1;
      }
    }
  }

  /** JSON with the answer's own order and one field a line, for a person to read and diff. */
  static String pretty(Object v, String indent) {
    if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        return "{}";
      }
      StringBuilder b = new StringBuilder("{\n");
      int i = 0;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        b.append(indent).append("  ").append(CanonicalJson.write(String.valueOf(e.getKey())));
        b.append(": ").append(pretty(e.getValue(), indent + "  "));
        b.append(++i < m.size() ? ",\n" : "\n");
      }
      return b.append(indent).append('}').toString();
    }
    if (v instanceof List<?> l) {
      if (l.isEmpty()) {
        return "[]";
      }
      StringBuilder b = new StringBuilder("[\n");
      for (int i = 0; i < l.size(); i++) {
        b.append(indent).append("  ").append(pretty(l.get(i), indent + "  "));
        b.append(i + 1 < l.size() ? ",\n" : "\n");
      }
      return b.append(indent).append(']').toString();
    }
    return v == null ? "null" : CanonicalJson.write(v);
  }
}
