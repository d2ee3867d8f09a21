package cn.xinsheng.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import cn.xinsheng.auditlog.application.AuditAdministration;
import cn.xinsheng.auditlog.application.AuditSequencer;
import cn.xinsheng.identity.domain.Role;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit log's signing key and its tree change only on the paths meant for them. {@code
 * AuditSequencer} is open to any caller of the application ({@code @PermitAll}: the guarded
 * services append through it and its own timers run with no caller), so the methods that sign and
 * rotate are held here: a key rotation in the name of someone else, or a checkpoint signed over an
 * event a service made up, would be an entry a court could not trust.
 */
class AuditKeyGuardTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.xinsheng");
  }

  @Test
  void theKeyIsRotatedOnlyByTheAdministrationAsTheSystemAdministrator() throws Exception {
    noClasses()
        .that()
        .doNotBelongToAnyOf(AuditAdministration.class, AuditSequencer.class)
        .should()
        .callMethod(AuditSequencer.class, "rotateKey", String.class, String.class)
        .because("the actor and roles it records are the administration's authenticated caller")
        .check(classes);
    // and the container refuses any other caller, whoever reaches it (ServicesIT calls it as
    // every other role and as no one)
    RolesAllowed allowed =
        AuditSequencer.class
            .getMethod("rotateKey", String.class, String.class)
            .getAnnotation(RolesAllowed.class);
    assertNotNull(allowed, "rotateKey declares its role");
    assertArrayEquals(new String[] {Role.SYS_ADMIN_NAME}, allowed.value());
  }

  @Test
  void onlyTheSequencerSignsAndIntegrates() {
    noClasses()
        .that()
        .doNotBelongToAnyOf(AuditSequencer.class)
        .should()
        .callMethodWhere(
            target(owner(equivalentTo(AuditSequencer.class)))
                .and(target(nameMatching("rotate|integrate"))))
        .because(
            "they sign a checkpoint over what they are given; the sequencer calls them on itself,"
                + " in a transaction of their own")
        .check(classes);
  }
}
