package cn.xinsheng.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateful;
import jakarta.ejb.Stateless;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Deny by default at the service boundary (issue 13): every public business method of every
 * application-service EJB says who may call it — {@code @RolesAllowed}, {@code @PermitAll} or
 * {@code @DenyAll} on the method or on its class. A method with none is open to anyone, including a
 * caller nobody logged in, because the EJB default is "unchecked"; a new method must not become
 * that by forgetting. The in-container check that the container enforces what is declared is {@code
 * ServiceBoundaryChecks} in the launcher's ServicesIT.
 */
class ServiceSecurityDeclaredTest {

  /** The application layer of every context, its sub-packages included (music.application.exam). */
  static final Pattern APPLICATION =
      Pattern.compile("^cn\\.xinsheng\\.\\w+\\.application(\\..*)?$");

  static boolean isSessionBean(Class<?> c) {
    return c.isAnnotationPresent(Stateless.class)
        || c.isAnnotationPresent(Singleton.class)
        || c.isAnnotationPresent(Stateful.class);
  }

  static boolean declaresAccess(java.lang.reflect.AnnotatedElement e) {
    return e.isAnnotationPresent(RolesAllowed.class)
        || e.isAnnotationPresent(PermitAll.class)
        || e.isAnnotationPresent(DenyAll.class);
  }

  /** The no-interface view's business methods: public, not static, not Object's. */
  static List<Method> businessMethods(Class<?> bean) {
    List<Method> out = new ArrayList<>();
    for (Method m : bean.getMethods()) {
      if (m.getDeclaringClass() == Object.class
          || Modifier.isStatic(m.getModifiers())
          || m.isSynthetic()
          || m.isBridge()) {
        continue;
      }
      out.add(m);
    }
    return out;
  }

  @Test
  void everyBusinessMethodSaysWhoMayCallIt() throws Exception {
    List<String> open = new ArrayList<>();
    int beans = 0;
    int methods = 0;
    boolean sawLedgerService = false;
    for (JavaClass jc :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.xinsheng")) {
      if (!APPLICATION.matcher(jc.getPackageName()).matches() || jc.isNestedClass()) {
        continue;
      }
      Class<?> c = Class.forName(jc.getName(), false, getClass().getClassLoader());
      if (!isSessionBean(c)) {
        continue;
      }
      beans++;
      sawLedgerService |= c.getName().equals("cn.xinsheng.ledger.application.LedgerService");
      for (Method m : businessMethods(c)) {
        methods++;
        // the class's annotation covers the methods the class itself declares (EJB 3.2 §12.3.2)
        if (!declaresAccess(m) && !declaresAccess(m.getDeclaringClass())) {
          open.add(c.getSimpleName() + "." + m.getName());
        }
      }
    }
    // a scan that finds nothing checks nothing: the application layer has some 70 EJBs
    assertTrue(beans >= 60, "application EJBs found: " + beans);
    assertTrue(sawLedgerService, "LedgerService not among the scanned EJBs");
    assertEquals(
        List.of(),
        open,
        "business methods without @RolesAllowed/@PermitAll/@DenyAll (open to any caller); "
            + beans
            + " EJBs, "
            + methods
            + " methods scanned");
  }
}
