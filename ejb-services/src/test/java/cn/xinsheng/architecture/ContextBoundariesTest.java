package cn.xinsheng.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bounded contexts' rules (issue 13, ADR 0013), read from the compiled classes of {@code
 * ejb-services}: a context is the package {@code cn.xinsheng.<context>} with {@code domain}, {@code
 * application} and {@code infrastructure} inside; {@code cn.xinsheng.platform} is the shared kernel
 * every context may use.
 *
 * <p>A rule whose existing violations were too large to fix in issue 13 is frozen ({@link
 * FreezingArchRule}): the violations it had then are listed in {@code
 * src/test/resources/archunit-frozen/}, every new one fails the build, and a fixed one leaves the
 * list for good. The list only ever shrinks.
 */
class ContextBoundariesTest {

  private static final Pattern CONTEXT_LAYER =
      Pattern.compile("^cn\\.xinsheng\\.(\\w+)\\.(domain|application|infrastructure)(\\..*)?$");

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.xinsheng");
  }

  /** The context and layer of a class in one, or empty for the shared kernel and the rest. */
  record Place(String context, String layer) {
    static Optional<Place> of(JavaClass c) {
      Matcher m = CONTEXT_LAYER.matcher(c.getPackageName());
      return m.matches() ? Optional.of(new Place(m.group(1), m.group(2))) : Optional.empty();
    }
  }

  /** What the domain may not know: storage, the container, the web. */
  private static final DescribedPredicate<JavaClass> TECHNICAL_API =
      new DescribedPredicate<>(
          "JDBC, the persistence API (EntityManager, queries), CDI, EJB, Faces or JAX-RS") {
        @Override
        public boolean test(JavaClass c) {
          String p = c.getPackageName();
          if (p.startsWith("jakarta.persistence")) {
            // ADR 0013: mapping metadata (annotations and their enums) may sit on a domain entity,
            // as in Cargo Tracker; the API that reads and writes (EntityManager, Query) may not
            return !(c.isAnnotation() || c.isEnum());
          }
          return p.startsWith("java.sql")
              || p.startsWith("javax.sql")
              || p.startsWith("jakarta.enterprise")
              || p.startsWith("jakarta.inject")
              || p.startsWith("jakarta.ejb")
              || p.startsWith("jakarta.faces")
              || p.startsWith("jakarta.ws.rs");
        }
      };

  @Test
  void domainPackagesArePlainJava() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("cn.xinsheng.*.domain..")
            .should()
            .dependOnClassesThat(TECHNICAL_API)
            .because("a domain package holds the rules in plain Java (ADR 0013)");
    FreezingArchRule.freeze(rule).check(classes);
  }

  @Test
  void domainPackagesDependOnNoApplicationOrInfrastructure() {
    noClasses()
        .that()
        .resideInAPackage("cn.xinsheng.*.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("cn.xinsheng.*.application..", "cn.xinsheng.*.infrastructure..")
        .because("the domain is the centre: the other layers depend on it, never the reverse")
        .check(classes);
  }

  private static final ArchCondition<JavaClass> STAY_OUT_OF_OTHER_INFRASTRUCTURE =
      new ArchCondition<>("reach no other context's infrastructure") {
        @Override
        public void check(JavaClass origin, ConditionEvents events) {
          Optional<Place> from = Place.of(origin);
          for (Dependency d : origin.getDirectDependenciesFromSelf()) {
            Optional<Place> to = Place.of(d.getTargetClass());
            if (to.isPresent()
                && to.get().layer().equals("infrastructure")
                && (from.isEmpty() || !from.get().context().equals(to.get().context()))) {
              events.add(SimpleConditionEvent.violated(d, d.getDescription()));
            }
          }
        }
      };

  @Test
  void noContextReachesAnotherContextsInfrastructure() {
    ArchRule rule =
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
            .that()
            .resideInAPackage("cn.xinsheng..")
            .should(STAY_OUT_OF_OTHER_INFRASTRUCTURE)
            .because(
                "a context offers others its application ports and events, never its storage"
                    + " (ADR 0013, docs/context-map.md)");
    // no longer frozen: its last violations went behind the owners' ports (SentenceFacts,
    // EvidenceStore, EvidenceBytes, SubjectPackages), so every violation fails the build
    rule.check(classes);
  }

  private static final DescribedPredicate<JavaClass> SHARED_KERNEL =
      JavaClass.Predicates.resideInAPackage("cn.xinsheng.platform..");

  @Test
  void contextsDependOnEachOtherWithoutCycles() {
    slices()
        .matching("cn.xinsheng.(*)..")
        .should()
        .beFreeOfCycles()
        // the shared kernel is below every context; its few beans that call up into one are the
        // next rule's business
        .ignoreDependency(SHARED_KERNEL, DescribedPredicate.alwaysTrue())
        .ignoreDependency(DescribedPredicate.alwaysTrue(), SHARED_KERNEL)
        .because(
            "a cycle makes two contexts one: cases depend on the ledger, so the ledger reaches"
                + " cases only through a port it owns (CaseReferences)")
        .check(classes);
  }

  @Test
  void theSharedKernelDependsOnNoContext() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("cn.xinsheng.platform..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "cn.xinsheng.*.domain..",
                "cn.xinsheng.*.application..",
                "cn.xinsheng.*.infrastructure..")
            .because("the platform is the kernel every context uses: it knows none of them");
    FreezingArchRule.freeze(rule).check(classes);
  }
}
