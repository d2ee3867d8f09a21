package cn.xinsheng.launcher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaMethodReference;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The guard of the one clock (issue 12): production code of the platform (ejb-services, web-ui) and
 * of the launcher never reads the wall clock itself. It takes time from the injected {@link Clock}
 * or {@code PrisonTime}, which {@code cn.xinsheng.platform.PlatformClock} makes (system clock, demo
 * offset, or a test's pinned instant); the launcher from {@link LauncherClock}. A {@code now()}
 * without a clock, {@code Clock.system…()}, {@code new Date()} or {@code Calendar.getInstance()}
 * anywhere else fails this test. Elapsed time is measured with {@code System.nanoTime()}.
 */
class OneClockTest {

  /** The only classes that may make a clock from the system's. */
  private static final List<String> CLOCK_MAKERS =
      List.of("cn.xinsheng.platform.PlatformClock", "cn.xinsheng.launcher.LauncherClock");

  private static final DescribedPredicate<JavaMethodCall> READS_THE_WALL_CLOCK =
      new DescribedPredicate<>("reads the wall clock (now() without a Clock, Clock.system…)") {
        @Override
        public boolean test(JavaMethodCall call) {
          return readsTheWallClock(
              call.getTarget().getOwner().getName(),
              call.getTarget().getName(),
              call.getTarget().getRawParameterTypes());
        }
      };

  private static boolean readsTheWallClock(String owner, String name, List<JavaClass> params) {
    if (owner.startsWith("java.time.") && name.equals("now")) {
      // now(Clock) is the one allowed form
      return params.isEmpty() || !params.get(0).getName().equals(Clock.class.getName());
    }
    if ((owner.equals("java.time.Clock") || owner.equals("java.time.InstantSource"))
        && name.startsWith("system")) {
      return true;
    }
    return owner.equals("java.util.Calendar") && name.equals("getInstance");
  }

  private static final DescribedPredicate<JavaConstructorCall> NEW_DATE_OF_NOW =
      new DescribedPredicate<>("makes new Date() of now") {
        @Override
        public boolean test(JavaConstructorCall call) {
          return call.getTarget().getOwner().getName().equals("java.util.Date")
              && call.getTarget().getRawParameterTypes().isEmpty();
        }
      };

  private static final DescribedPredicate<JavaClass> CLOCK_MAKER =
      new DescribedPredicate<>("the platform's and the launcher's clock makers") {
        @Override
        public boolean test(JavaClass c) {
          String name = c.getName();
          return CLOCK_MAKERS.stream().anyMatch(m -> name.equals(m) || name.startsWith(m + "$"));
        }
      };

  static final ArchRule ONE_CLOCK =
      noClasses()
          .that(DescribedPredicate.not(CLOCK_MAKER))
          .should()
          .callMethodWhere(READS_THE_WALL_CLOCK)
          .orShould()
          .callConstructorWhere(NEW_DATE_OF_NOW)
          .because("issue 12: one clock, so that tests pin it and days are the prison's");

  /**
   * The same reads passed on as a method reference ({@code Supplier<LocalDate> t =
   * LocalDate::now}).
   */
  static final ArchRule NO_WALL_CLOCK_REFERENCE =
      classes()
          .that(DescribedPredicate.not(CLOCK_MAKER))
          .should(
              new ArchCondition<JavaClass>("refer to no wall-clock method (LocalDate::now)") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                  for (JavaMethodReference r : c.getMethodReferencesFromSelf()) {
                    if (readsTheWallClock(
                        r.getTarget().getOwner().getName(),
                        r.getTarget().getName(),
                        r.getTarget().getRawParameterTypes())) {
                      events.add(SimpleConditionEvent.violated(r, r.getDescription()));
                    }
                  }
                }
              })
          .because("issue 12: one clock, so that tests pin it and days are the prison's");

  private static JavaClasses production(String... moduleClassDirs) {
    ClassFileImporter importer = new ClassFileImporter();
    Path[] paths = new Path[moduleClassDirs.length];
    for (int i = 0; i < moduleClassDirs.length; i++) {
      Path dir = Path.of(moduleClassDirs[i]).toAbsolutePath().normalize();
      assertTrue(Files.isDirectory(dir.resolve("cn/xinsheng")), dir + " holds no compiled classes");
      paths[i] = dir;
    }
    return importer.importPaths(paths);
  }

  @Test
  void theProductionCodeReadsTimeOnlyFromThePlatformClock() {
    // the launcher's tests run after both modules are compiled in the reactor
    JavaClasses classes =
        production("target/classes", "../ejb-services/target/classes", "../web-ui/target/classes");
    assertTrue(
        classes.contain("cn.xinsheng.platform.PlatformClock")
            && classes.contain("cn.xinsheng.web.api.ClockResource")
            && classes.contain("cn.xinsheng.launcher.StartCommand"),
        "all three modules were read");
    ONE_CLOCK.check(classes);
    NO_WALL_CLOCK_REFERENCE.check(classes);
  }

  /** The rule is not one that cannot fail: each way of reading the wall clock is caught. */
  @Test
  void everyWayOfReadingTheWallClockIsCaught() {
    JavaClasses offenders = new ClassFileImporter().importClasses(WallClockReader.class);
    EvaluationResult result = ONE_CLOCK.evaluate(offenders);
    assertTrue(result.hasViolation());
    String report = String.join("\n", result.getFailureReport().getDetails());
    for (String call :
        List.of(
            "Instant.now()",
            "LocalDate.now(java.time.ZoneId)",
            "YearMonth.now()",
            "Clock.systemUTC()",
            "Date.<init>()")) {
      assertTrue(report.contains(call), call + " is caught:\n" + report);
    }
    assertFalse(report.contains("now(java.time.Clock)"), "now(Clock) is allowed:\n" + report);
    // passed on as a method reference, it is caught too; LocalDate::now as a Function of a Clock
    // is the allowed form
    EvaluationResult references = NO_WALL_CLOCK_REFERENCE.evaluate(offenders);
    String refs = String.join("\n", references.getFailureReport().getDetails());
    assertTrue(refs.contains("passOn()") && refs.contains("LocalDate.now()"), refs);
    assertFalse(refs.contains("passOnWithAClock"), refs);
  }

  /**
   * The offender the rules above must catch, read by ArchUnit as bytecode only: no test calls these
   * methods, so no test reads the wall clock (the strings in {@link
   * #everyWayOfReadingTheWallClockIsCaught} name the calls the rule reports, they make none).
   */
  @SuppressWarnings({"unused", "JavaUtilDate"})
  static final class WallClockReader {
    void offend(Clock clock) {
      Instant.now();
      LocalDate.now(ZoneId.of("Asia/Shanghai"));
      YearMonth.now();
      Clock.systemUTC();
      new java.util.Date();
      LocalDate.now(clock);
    }

    java.util.function.Supplier<LocalDate> passOn() {
      return LocalDate::now;
    }

    java.util.function.Function<Clock, LocalDate> passOnWithAClock() {
      return LocalDate::now;
    }
  }
}
