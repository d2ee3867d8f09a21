package cn.xinsheng.launcher;

import cn.xinsheng.readiness.domain.LabelledCase;
import cn.xinsheng.readiness.domain.ReadinessRefusal;
import cn.xinsheng.readiness.domain.Recalibration;
import cn.xinsheng.readiness.domain.RiskFactor;
import cn.xinsheng.readiness.domain.RiskInstrument;
import cn.xinsheng.readiness.domain.SyntheticCohort;
import cn.xinsheng.readiness.domain.ValidationReport;
import cn.xinsheng.readiness.infrastructure.InstrumentFile;
import cn.xinsheng.readiness.infrastructure.LabelledCsv;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/xinsheng risk}: the recidivism risk instrument offline, with no server or database —
 * {@code instrument} prints its factors and weights (the model card's table), {@code report} its
 * validation on labelled outcomes: AUC, calibration by level and a confusion table at each cut-off,
 * before and after recalibration on training cases. Without a file it uses the demo's seeded
 * synthetic cohort (docs/risk-model.md), so the same seed always gives the same figures.
 */
@Command(
    name = "risk",
    mixinStandardHelpOptions = true,
    description = "再犯风险评估工具：因素表与验证报告 / recidivism risk instrument: factors and validation",
    subcommands = {RiskCommand.Instrument.class, RiskCommand.Report.class})
public class RiskCommand implements Runnable {

  /** The demo cohort: its seed and size, and the generator's true intercept and noise. */
  static final long DEMO_SEED = 20261202L;

  static final int DEMO_SIZE = 4000;
  static final double DEMO_TRUE_INTERCEPT = -3.9;
  static final double DEMO_NOISE = 0.8;

  /** The largest labelled file read; larger is refused, not cut. */
  static final long MAX_CSV_BYTES = 64L << 20;

  @Override
  public void run() {
    System.out.println("用法 / usage: xinsheng risk instrument|report --help");
  }

  @Command(
      name = "instrument",
      mixinStandardHelpOptions = true,
      description = "列出评估工具的因素、取值与权重 / list the instrument's factors, values and weights")
  static class Instrument implements Callable<Integer> {
    @Override
    public Integer call() {
      RiskInstrument i = InstrumentFile.defaultInstrument();
      PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
      out.println(i.id() + (i.calibrated() ? "" : "  （未校准 / uncalibrated）"));
      out.println(i.basisZh());
      out.println(i.basisEn());
      out.printf(
          Locale.ROOT,
          "截距 / intercept %.2f; 分级临界概率 / level cut-offs %s%n",
          i.intercept(),
          i.cutoffs());
      int n = 1;
      for (RiskFactor f : i.factors()) {
        out.printf(
            Locale.ROOT,
            "%2d %-26s %-7s %-8s %s / %s%n",
            n++,
            f.code(),
            f.kind(),
            f.source(),
            f.zh(),
            f.en());
        f.levels()
            .forEach(
                l ->
                    out.printf(
                        Locale.ROOT,
                        "     %+.2f  %-24s %s / %s%n",
                        l.weight(),
                        l.code(),
                        l.zh(),
                        l.en()));
      }
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "report",
      mixinStandardHelpOptions = true,
      description =
          "验证报告：AUC、各等级校准、各临界点混淆表 / validation report: AUC, calibration by level,"
              + " confusion at each cut-off")
  static class Report implements Callable<Integer> {
    @Option(
        names = "--csv",
        description =
            "已知结局的出狱人员（CSV，列为因素代码与 reoffended）/ past releases with outcomes (CSV:"
                + " factor codes and reoffended)")
    Path csv;

    @Option(
        names = "--training",
        description = "用于重新校准的另一组结局数据（CSV）/ other labelled cases to recalibrate on (CSV)")
    Path training;

    @Option(
        names = "--seed",
        defaultValue = "" + DEMO_SEED,
        description = "合成队列的随机种子 / the synthetic cohort's seed (without --csv)")
    long seed;

    @Option(
        names = "--size",
        defaultValue = "" + DEMO_SIZE,
        description = "合成队列人数（一半训练、一半留出）/ synthetic cohort size (half training, half held out)")
    int size;

    @Override
    public Integer call() throws IOException {
      PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
      PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
      RiskInstrument instrument = InstrumentFile.defaultInstrument();
      try {
        List<LabelledCase> evaluated;
        List<LabelledCase> fitOn;
        if (csv != null) {
          evaluated = read(csv, instrument);
          fitOn = training == null ? null : read(training, instrument);
          out.println("结局数据 / labelled cases: " + csv.toAbsolutePath());
        } else {
          if (size < 20 || size > 1_000_000) {
            err.println("错误 / error: --size 须在 20 到 1000000 之间 / --size is 20 to 1,000,000");
            return 1;
          }
          List<LabelledCase> cohort =
              SyntheticCohort.generate(
                  instrument,
                  new SyntheticCohort.Parameters(seed, size, DEMO_TRUE_INTERCEPT, DEMO_NOISE));
          fitOn = cohort.subList(0, size / 2);
          evaluated = cohort.subList(size / 2, size);
          out.printf(
              Locale.ROOT,
              "合成队列（非真实数据）/ synthetic cohort (not real data): seed %d, %d people, true"
                  + " intercept %.2f, noise %.2f; 前 %d 人用于校准，后 %d 人留出验证 / first %d to"
                  + " recalibrate, last %d held out%n",
              seed,
              size,
              DEMO_TRUE_INTERCEPT,
              DEMO_NOISE,
              fitOn.size(),
              evaluated.size(),
              fitOn.size(),
              evaluated.size());
        }
        print(
            out, "评估工具原样 / the instrument as shipped", ValidationReport.of(instrument, evaluated));
        if (fitOn != null) {
          Recalibration r = Recalibration.fit(instrument, fitOn);
          RiskInstrument recalibrated =
              instrument.recalibrated(r, instrument.id() + "-recalibrated");
          out.printf(
              Locale.ROOT,
              "%n重新校准 / recalibration on %d cases: offset %.4f, slope %.4f%n",
              r.cases(),
              r.offset(),
              r.slope());
          print(out, "重新校准后 / after recalibration", ValidationReport.of(recalibrated, evaluated));
        }
        out.flush();
        return 0;
      } catch (ReadinessRefusal e) {
        err.println("错误 / error: " + e.zh() + " / " + e.en() + " [" + e.key() + "]");
        return 1;
      }
    }
  }

  private static List<LabelledCase> read(Path file, RiskInstrument instrument) throws IOException {
    Path path = file.toAbsolutePath();
    if (!Files.isRegularFile(path)) {
      throw new ReadinessRefusal("risk.error.csvEmpty", path.toString());
    }
    if (Files.size(path) > MAX_CSV_BYTES) {
      throw new ReadinessRefusal("risk.error.csvTooLong", path.toString());
    }
    try (InputStream in = Files.newInputStream(path);
        BufferedReader r =
            new BufferedReader(
                new java.io.InputStreamReader(
                    in,
                    StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
      return LabelledCsv.read(r, instrument);
    } catch (CharacterCodingException e) {
      throw new ReadinessRefusal("risk.error.csvEncoding", path.toString());
    }
  }

  private static void print(PrintStream out, String title, ValidationReport r) {
    out.printf(
        Locale.ROOT,
        "%n%s%n  %d 人，其中重新犯罪 %d 人 / %d cases, %d reoffended%n  AUC %.4f%n",
        title,
        r.cases(),
        r.reoffended(),
        r.cases(),
        r.reoffended(),
        r.auc());
    out.println("  等级 level        人数 n   预测 predicted   实际 observed");
    for (ValidationReport.LevelCalibration l : r.calibration()) {
      out.printf(
          Locale.ROOT,
          "  %d %-4s %-12s %6d   %8s        %8s%n",
          l.level().rank(),
          l.level().zh(),
          l.level().en(),
          l.cases(),
          rate(l.meanPredicted()),
          rate(l.observedRate()));
    }
    out.printf(Locale.ROOT, "  校准误差 / calibration error %.4f%n", r.calibrationError());
    out.println("  判为高风险自 / flagged from   TP     FP     TN     FN   敏感度 sens  特异度 spec  PPV");
    for (ValidationReport.Confusion c : r.confusion()) {
      out.printf(
          Locale.ROOT,
          "  %d %-4s %-12s %6d %6d %6d %6d   %8s    %8s  %8s%n",
          c.from().rank(),
          c.from().zh(),
          c.from().en(),
          c.truePositive(),
          c.falsePositive(),
          c.trueNegative(),
          c.falseNegative(),
          rate(c.sensitivity()),
          rate(c.specificity()),
          rate(c.positivePredictiveValue()));
    }
  }

  private static String rate(double v) {
    return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.3f", v);
  }
}
