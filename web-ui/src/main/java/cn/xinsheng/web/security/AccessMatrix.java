package cn.xinsheng.web.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which roles may reach which page or endpoint, read from {@code access-matrix.txt} beside this
 * class: the one place the rule is written. Anything the file does not list is refused.
 */
public final class AccessMatrix {

  public static final String RESOURCE = "access-matrix.txt";
  public static final String PUBLIC = "PUBLIC";
  public static final String AUTHENTICATED = "AUTHENTICATED";

  /** What the matrix says about one request. */
  public enum Decision {
    ALLOW,
    /** Nobody logged in and the resource needs a login. */
    LOGIN_REQUIRED,
    /** Logged in, but none of the caller's roles may reach it, or it is not listed at all. */
    FORBIDDEN
  }

  /** One line of the matrix. */
  public record Entry(String pattern, Set<String> methods, Set<String> who, String probe) {

    boolean matches(String path) {
      if (pattern.endsWith("/*")) {
        String prefix = pattern.substring(0, pattern.length() - 1);
        return path.startsWith(prefix) && path.length() > prefix.length();
      }
      return pattern.equals(path);
    }

    public boolean isPublic() {
      return who.contains(PUBLIC);
    }

    /** Whether a caller with these roles (empty when anonymous) may use this entry. */
    public boolean admits(boolean authenticated, Set<String> roles) {
      if (who.contains(PUBLIC)) {
        return true;
      }
      if (!authenticated) {
        return false;
      }
      return who.contains(AUTHENTICATED) || roles.stream().anyMatch(who::contains);
    }

    /** Specificity: exact paths before prefixes, longer prefixes before shorter. */
    int specificity() {
      return pattern.endsWith("/*") ? pattern.length() : 10_000 + pattern.length();
    }
  }

  private final List<Entry> entries;

  private AccessMatrix(List<Entry> entries) {
    this.entries =
        entries.stream().sorted(Comparator.comparingInt(Entry::specificity).reversed()).toList();
  }

  public static AccessMatrix load() {
    try (InputStream in = AccessMatrix.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the build");
      }
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static AccessMatrix parse(InputStream in) throws IOException {
    List<Entry> entries = new ArrayList<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] cols = trimmed.split("\\|");
      if (cols.length != 4) {
        throw new IllegalArgumentException("access matrix line " + number + ": 4 columns expected");
      }
      String pattern = cols[0].strip();
      if (!pattern.startsWith("/")) {
        throw new IllegalArgumentException("access matrix line " + number + ": path must start /");
      }
      entries.add(
          new Entry(
              pattern,
              words(cols[1]).stream()
                  .map(m -> m.toUpperCase(Locale.ROOT))
                  .collect(Collectors.toSet()),
              words(cols[2]),
              cols[3].strip()));
    }
    for (int i = 0; i < entries.size(); i++) {
      for (int j = i + 1; j < entries.size(); j++) {
        Entry a = entries.get(i);
        Entry b = entries.get(j);
        if (a.pattern().equals(b.pattern())
            && a.methods().stream().anyMatch(b.methods()::contains)) {
          throw new IllegalArgumentException(
              "access matrix: two lines for " + a.pattern() + " share a method");
        }
      }
    }
    return new AccessMatrix(entries);
  }

  private static Set<String> words(String column) {
    return Arrays.stream(column.strip().split("\\s+"))
        .filter(w -> !w.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  public List<Entry> entries() {
    return entries;
  }

  /**
   * The entry that governs this request, if any: the most specific pattern among the lines that
   * list this method (a path may have one line for reading and another, for fewer roles, for
   * writing).
   */
  public Optional<Entry> entryFor(String path, String method) {
    String m = method.toUpperCase(Locale.ROOT);
    return entries.stream().filter(e -> e.matches(path) && e.methods().contains(m)).findFirst();
  }

  /** The method a test uses to probe an entry: GET where it allows GET. */
  public static String probeMethod(Entry e) {
    return e.methods().contains("GET") ? "GET" : e.methods().stream().sorted().findFirst().get();
  }

  public Decision decide(String path, String method, boolean authenticated, Set<String> roles) {
    Optional<Entry> entry = entryFor(path, method);
    if (entry.isEmpty()) {
      return authenticated ? Decision.FORBIDDEN : Decision.LOGIN_REQUIRED;
    }
    if (entry.get().admits(authenticated, roles)) {
      return Decision.ALLOW;
    }
    return authenticated ? Decision.FORBIDDEN : Decision.LOGIN_REQUIRED;
  }
}
