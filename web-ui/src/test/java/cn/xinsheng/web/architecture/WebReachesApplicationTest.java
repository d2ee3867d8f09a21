package cn.xinsheng.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web layer is thin (issue 13, ADR 0013): views and REST resources call the contexts'
 * application services and read their read models; they reach no storage and re-derive no rule. The
 * rule on infrastructure is plain: the audit log's export scope and self-check, its last
 * violations, are now auditlog's application types. The rule on domain types is frozen: the
 * dependencies the web layer had when issue 13 set it are listed in {@code
 * src/test/resources/archunit-frozen/} (mostly domain enums and entities handed to views), a new
 * one fails the build, and a removed one leaves the list for good.
 */
class WebReachesApplicationTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("cn.xinsheng.web");
  }

  @Test
  void theWebReachesNoInfrastructure() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("cn.xinsheng.web..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("cn.xinsheng.*.infrastructure..")
            .because("storage, files and documents are reached through an application service");
    rule.check(classes);
  }

  @Test
  void theWebReachesOnlyApplicationPackages() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("cn.xinsheng.web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("cn.xinsheng.*.domain..", "cn.xinsheng.*.infrastructure..")
            .because(
                "a view asks the application what the caller may do next; it never re-derives a"
                    + " rule from the domain");
    FreezingArchRule.freeze(rule).check(classes);
  }

  @Test
  void theWebCallsNoPortThatChecksNoRole() {
    // these application beans serve other contexts' services and check no role of their own (the
    // calling service's @RolesAllowed decides): the web reaching one would bypass that check
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("cn.xinsheng.web..")
            .should()
            .dependOnClassesThat()
            .belongToAnyOf(
                cn.xinsheng.evidence.application.EvidenceBytes.class,
                cn.xinsheng.evidence.application.EvidenceStore.class,
                cn.xinsheng.sentence.application.SentenceFacts.class,
                cn.xinsheng.sentence.application.CaseLaw.class,
                cn.xinsheng.auditlog.application.SubjectPackages.class)
            .because("a port without a role check is for services, which check the caller first");
    rule.check(classes);
  }
}
