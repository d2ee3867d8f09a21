package cn.xinsheng.web.api;

import cn.xinsheng.platform.DatabaseUnavailable;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what lies under a failure: containers wrap (an EJB exception around a persistence exception
 * around the driver's), and the answer depends on the innermost cause.
 */
final class Failures {

  private Failures() {}

  /** The first cause of the given type, the failure itself included. */
  static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
    for (Throwable t : chain(failure)) {
      if (type.isInstance(t)) {
        return Optional.of(type.cast(t));
      }
    }
    return Optional.empty();
  }

  /**
   * True when the database could not be reached ({@link DatabaseUnavailable}, the one definition:
   * connection exceptions, SQLSTATE 08, the pool's failures): anywhere in the chain, EclipseLink's
   * internal exception included. The request may succeed later, so the answer is 503, not a 500
   * that says "bug".
   */
  static boolean databaseUnavailable(Throwable failure) {
    for (Throwable t : chain(failure)) {
      if (DatabaseUnavailable.isCause(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when the database refused a row because another one is in the way (a duplicate key, a
   * reference) or two transactions collided (a deadlock): SQLSTATE classes 23 and 40. Nothing was
   * written; the caller may look again and retry.
   */
  static boolean conflict(Throwable failure) {
    for (Throwable t : chain(failure)) {
      if (t instanceof SQLException s && s.getSQLState() != null) {
        String state = s.getSQLState();
        if (state.startsWith("23") || state.startsWith("40")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * True when the database refused a value itself (too long, out of range, not a date): SQLSTATE
   * class 22. The boundary's validation should have said so first; nothing was written.
   */
  static boolean valueRejected(Throwable failure) {
    for (Throwable t : chain(failure)) {
      if (t instanceof SQLException s
          && s.getSQLState() != null
          && s.getSQLState().startsWith("22")) {
        return true;
      }
    }
    return false;
  }

  /**
   * EclipseLink keeps the driver's exception as its "internal exception" (EclipseLinkException),
   * not always as the cause; read by name, the application does not compile against EclipseLink.
   */
  private static Throwable internal(Throwable t) {
    try {
      java.lang.reflect.Method m = t.getClass().getMethod("getInternalException");
      return m.getReturnType() == Throwable.class ? (Throwable) m.invoke(t) : null;
    } catch (ReflectiveOperationException | RuntimeException none) {
      return null;
    }
  }

  /** The failure and its causes (and chained SQL exceptions), each once, at most 50. */
  static Iterable<Throwable> chain(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    java.util.List<Throwable> out = new java.util.ArrayList<>();
    java.util.Deque<Throwable> todo = new java.util.ArrayDeque<>();
    if (failure != null) {
      todo.add(failure);
    }
    while (!todo.isEmpty() && out.size() < 50) {
      Throwable t = todo.poll();
      if (!seen.add(t)) {
        continue;
      }
      out.add(t);
      if (t.getCause() != null) {
        todo.add(t.getCause());
      }
      if (t instanceof jakarta.ejb.EJBException e && e.getCausedByException() != null) {
        todo.add(e.getCausedByException());
      }
      if (t instanceof SQLException s && s.getNextException() != null) {
        todo.add(s.getNextException());
      }
      Throwable internal = internal(t);
      if (internal != null) {
        todo.add(internal);
      }
    }
    return out;
  }
}
