package cn.xinsheng.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The REST API as its clients and the access matrix see it: every route (HTTP method, whole path,
 * media types, status, parameters, validation, OpenAPI words) and every record a route takes or
 * answers (its JSON fields, their order and checks). The resources are split and moved by job
 * (issue 13); what a client sees must not move with them, so the table is compared with {@code
 * rest-routes.txt}, written from the resources before the split. Which class holds a route is not
 * part of the table: types are named without their package and enclosing class.
 */
class RestRoutesTest {

  @Test
  void theRoutesAndTheirRecordsStayAsTheyWere() throws IOException {
    String actual = String.join("\n", table()) + "\n";
    Files.createDirectories(java.nio.file.Path.of("target"));
    Files.writeString(java.nio.file.Path.of("target/rest-routes.actual.txt"), actual);
    String expected;
    try (InputStream in = RestRoutesTest.class.getResourceAsStream("/rest-routes.txt")) {
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertEquals(expected, actual, "see target/rest-routes.actual.txt");
  }

  static List<String> table() {
    Set<String> routes = new TreeSet<>();
    Set<Class<?>> records = new java.util.LinkedHashSet<>();
    for (JavaClass jc :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("cn.xinsheng.web.api")) {
      Class<?> type = jc.reflect();
      Path root = type.getAnnotation(Path.class);
      if (root == null) {
        continue;
      }
      for (Method m : type.getDeclaredMethods()) {
        String verb = verb(m);
        if (verb == null) {
          continue;
        }
        Path sub = m.getAnnotation(Path.class);
        String path = join(root.value(), sub == null ? "" : sub.value());
        Produces produces =
            m.isAnnotationPresent(Produces.class)
                ? m.getAnnotation(Produces.class)
                : type.getAnnotation(Produces.class);
        Consumes consumes =
            m.isAnnotationPresent(Consumes.class)
                ? m.getAnnotation(Consumes.class)
                : type.getAnnotation(Consumes.class);
        StringBuilder line = new StringBuilder();
        line.append(verb).append(' ').append(path);
        line.append(" consumes=")
            .append(consumes == null ? "-" : Arrays.toString(consumes.value()));
        line.append(" produces=")
            .append(produces == null ? "-" : Arrays.toString(produces.value()));
        line.append(" answers=").append(simple(m.getGenericReturnType().getTypeName()));
        line.append(" annotations=")
            .append(
                annotations(
                    Arrays.stream(m.getAnnotations())
                        .filter(a -> a.annotationType() != Path.class) // in the whole path
                        .toArray(Annotation[]::new)));
        line.append(" parameters=[");
        for (int i = 0; i < m.getParameterCount(); i++) {
          line.append(i == 0 ? "" : ", ")
              .append(annotations(m.getParameterAnnotations()[i]))
              .append(' ')
              .append(simple(m.getGenericParameterTypes()[i].getTypeName()));
          collect(m.getGenericParameterTypes()[i], records);
        }
        line.append(']');
        collect(m.getGenericReturnType(), records);
        routes.add(line.toString());
      }
    }
    Set<String> shapes = new TreeSet<>();
    Deque<Class<?>> todo = new ArrayDeque<>(records);
    Set<Class<?>> seen = new java.util.HashSet<>();
    while (!todo.isEmpty()) {
      Class<?> r = todo.poll();
      if (!seen.add(r)) {
        continue;
      }
      StringBuilder line = new StringBuilder("record ").append(r.getSimpleName());
      line.append(' ').append(annotations(r.getAnnotations())).append(" (");
      RecordComponent[] parts = r.getRecordComponents();
      for (int i = 0; i < parts.length; i++) {
        RecordComponent c = parts[i];
        line.append(i == 0 ? "" : ", ")
            .append(annotations(c.getAnnotations()))
            .append(' ')
            .append(type(c.getAnnotatedType()))
            .append(' ')
            .append(c.getName());
        Set<Class<?>> more = new java.util.LinkedHashSet<>();
        collect(c.getGenericType(), more);
        todo.addAll(more);
      }
      shapes.add(line.append(')').toString());
    }
    List<String> out = new java.util.ArrayList<>(routes);
    out.addAll(shapes);
    return out;
  }

  private static String verb(Method m) {
    for (Annotation a : m.getAnnotations()) {
      HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
      if (h != null) {
        return h.value();
      }
    }
    return null;
  }

  private static String join(String root, String sub) {
    String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static String annotations(Annotation[] all) {
    return Arrays.stream(all)
        .map(RestRoutesTest::render)
        .sorted()
        .collect(Collectors.joining(" ", "{", "}"));
  }

  /**
   * An annotation with its attributes in name order: the JDK's own text orders them as a hash map
   * happens to, which differs between runs for nested annotations.
   */
  private static String render(Annotation a) {
    Method[] attributes = a.annotationType().getDeclaredMethods();
    Arrays.sort(attributes, java.util.Comparator.comparing(Method::getName));
    StringBuilder out =
        new StringBuilder("@").append(a.annotationType().getSimpleName()).append('(');
    for (int i = 0; i < attributes.length; i++) {
      try {
        out.append(i == 0 ? "" : ", ")
            .append(attributes[i].getName())
            .append('=')
            .append(value(attributes[i].invoke(a)));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return out.append(')').toString();
  }

  /** A record component's type with its type-use constraints, in the same stable form. */
  private static String type(java.lang.reflect.AnnotatedType t) {
    String own = annotations(t.getAnnotations());
    if (t instanceof java.lang.reflect.AnnotatedParameterizedType p) {
      String raw = simple(((ParameterizedType) p.getType()).getRawType().getTypeName());
      return Arrays.stream(p.getAnnotatedActualTypeArguments())
          .map(RestRoutesTest::type)
          .collect(Collectors.joining(", ", own + " " + raw + "<", ">"));
    }
    return own + " " + simple(t.getType().getTypeName());
  }

  private static String value(Object v) {
    if (v instanceof Annotation a) {
      return render(a);
    }
    if (v instanceof Class<?> c) {
      return c.getSimpleName();
    }
    if (v instanceof String s) {
      return '"' + s + '"';
    }
    if (v != null && v.getClass().isArray()) {
      StringBuilder out = new StringBuilder("{");
      for (int i = 0; i < java.lang.reflect.Array.getLength(v); i++) {
        out.append(i == 0 ? "" : ", ").append(value(java.lang.reflect.Array.get(v, i)));
      }
      return out.append('}').toString();
    }
    return String.valueOf(v);
  }

  /** Type names without package and enclosing class: where a record lives is not the API. */
  private static String simple(String text) {
    return text.replaceAll("\\b(?:[a-z_][a-z0-9_]*\\.)+(?=[A-Z])", "")
        .replaceAll("\\b[A-Z]\\w*\\$", "");
  }

  /** The web layer's own records reached from a type: what goes over the wire. */
  private static void collect(Type t, Set<Class<?>> into) {
    if (t instanceof ParameterizedType p) {
      collect(p.getRawType(), into);
      for (Type a : p.getActualTypeArguments()) {
        collect(a, into);
      }
    } else if (t instanceof Class<?> c && c.isRecord()) {
      into.add(c);
    }
  }
}
