package cn.xinsheng.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * ADR 0013, issue 13: repositories answer typed records, never {@code Object[]} rows. No method a
 * domain package (the repository interfaces) or an application package (the services the web calls)
 * offers returns {@code Object[]}, or a list, optional or map of them; positional {@code r[n]}
 * reads stay inside the infrastructure class that ran the statement. A refusal's message arguments
 * ({@code arguments()}) are not rows.
 */
class TypedRowsTest {

  @Test
  void domainAndApplicationAnswerTypedRows() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.xinsheng");
    Set<String> found = new TreeSet<>();
    int checked = 0;
    for (JavaClass c : classes) {
      String pkg = c.getPackageName();
      if (!pkg.matches("cn\\.xinsheng\\.\\w+\\.(domain|application)(\\..*)?")) {
        continue;
      }
      for (Method m : c.reflect().getDeclaredMethods()) {
        if (Modifier.isPrivate(m.getModifiers()) || m.isSynthetic()) {
          continue;
        }
        checked++;
        String returned = m.getGenericReturnType().getTypeName();
        if (returned.contains("java.lang.Object[]") && !m.getName().equals("arguments")) {
          found.add(c.getName() + "." + m.getName() + " → " + returned);
        }
      }
    }
    assertTrue(checked > 1000, "methods checked: " + checked);
    assertEquals(Set.of(), found, "Object[] rows handed out: answer a record instead");
  }

  @Test
  void theCheckSeesARowList() throws NoSuchMethodException {
    // the shape the generic stores used to hand out
    assertTrue(
        Fixture.class
            .getDeclaredMethod("rows")
            .getGenericReturnType()
            .getTypeName()
            .contains("java.lang.Object[]"));
  }

  private interface Fixture {
    List<Object[]> rows();
  }
}
