package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.organisation.application.OrganisationQueries;
import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.organisation.domain.Section;
import cn.xinsheng.organisation.domain.UnknownInmateException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateful;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The middle of the test pyramid (issue 13 item 5): the security boundary of every application
 * service, checked in the real container. Every session bean of every context's {@code application}
 * package is found through CDI, and each of its business methods that is not {@code @PermitAll} is
 * called (1) with no caller at all and (2) as every role its {@code @RolesAllowed} does not name;
 * each call must be refused with {@link EJBAccessException}. The container refuses before the
 * method runs, so the default arguments (null, 0, false) are never read and nothing changes; a
 * method is never called as a role it allows, which could change the shared demo prison.
 *
 * <p>The roles come from run-as identities of the test WAR ({@link RunAsRole}, one per {@link
 * Role}); {@link RoleProbe} first proves each identity holds its role and no other, or every
 * refusal would prove nothing. The section checks run as the demo officer {@code officer1}
 * (sections 11 and 12), OFFICER's run-as principal: another officer's inmate is refused or not
 * seen. Only organisation can be checked so (see the test); reads only.
 */
// run by ServicesIT, which inherits these tests (and the repository checks'): one container boot
abstract class ServiceBoundaryChecks extends ReadinessRepositoryChecks {

  static final Pattern APPLICATION =
      Pattern.compile("^cn\\.xinsheng\\.\\w+\\.application(\\..*)?$");

  /** The demo officer of the section checks: the run-as principal of {@link RunAsOfficer}. */
  static final String OFFICER1 = "officer1";

  /** The EJB name of the run-as bean of a role. */
  static String runAsName(Role role) {
    return "RunAs_" + role.name();
  }

  @Inject BeanManager beanManager;

  @Resource(lookup = "java:app/jdbc/xinsheng")
  DataSource boundaryData;

  @Inject RoleProbe probe;

  /** Who may call a business method, as the container reads it (method first, then class). */
  record Access(Method method, boolean permitAll, boolean denyAll, Set<String> roles) {
    String name() {
      return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }

    boolean declared() {
      return permitAll || denyAll || roles != null;
    }

    boolean allows(String role) {
      return permitAll || (!denyAll && roles != null && roles.contains(role));
    }
  }

  static Access access(Method m) {
    Access own = declared(m, m);
    return own.declared() ? own : declared(m, m.getDeclaringClass());
  }

  private static Access declared(Method m, java.lang.reflect.AnnotatedElement on) {
    RolesAllowed r = on.getAnnotation(RolesAllowed.class);
    return new Access(
        m,
        on.isAnnotationPresent(PermitAll.class),
        on.isAnnotationPresent(DenyAll.class),
        r == null ? null : Set.of(r.value()));
  }

  /** One application service: the container's reference and its business methods. */
  record Service(Class<?> type, Object reference, List<Access> methods) {}

  /** Every application-service session bean of every context, as CDI knows it. */
  List<Service> applicationServices() {
    Map<String, Service> found = new TreeMap<>();
    for (Bean<?> bean : beanManager.getBeans(Object.class, Any.Literal.INSTANCE)) {
      Class<?> c = bean.getBeanClass();
      if (!APPLICATION.matcher(c.getPackageName()).matches()
          || !(c.isAnnotationPresent(Stateless.class)
              || c.isAnnotationPresent(Singleton.class)
              || c.isAnnotationPresent(Stateful.class))
          || !bean.getTypes().contains(c) // a producer declared in the class, not the bean
          || found.containsKey(c.getName())) {
        continue;
      }
      Object reference =
          beanManager.getReference(bean, c, beanManager.createCreationalContext(bean));
      List<Access> methods = new ArrayList<>();
      for (Method m : c.getMethods()) {
        if (m.getDeclaringClass() != Object.class
            && !Modifier.isStatic(m.getModifiers())
            && !m.isSynthetic()
            && !m.isBridge()) {
          methods.add(access(m));
        }
      }
      methods.sort(Comparator.comparing(a -> a.method().toGenericString()));
      found.put(c.getName(), new Service(c, reference, methods));
    }
    return new ArrayList<>(found.values());
  }

  /** null, or 0 and false for primitives: refused calls never read them. */
  static Object[] defaults(Method m) {
    Class<?>[] types = m.getParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      Class<?> t = types[i];
      if (t == boolean.class) {
        args[i] = false;
      } else if (t == char.class) {
        args[i] = '\0';
      } else if (t == byte.class) {
        args[i] = (byte) 0;
      } else if (t == short.class) {
        args[i] = (short) 0;
      } else if (t == int.class) {
        args[i] = 0;
      } else if (t == long.class) {
        args[i] = 0L;
      } else if (t == float.class) {
        args[i] = 0f;
      } else if (t == double.class) {
        args[i] = 0d;
      }
    }
    return args;
  }

  /**
   * Calls the method and answers whether the container refused it; anything else (a result, or the
   * method's own exception, which means it ran) is described in {@code wrong}.
   */
  static boolean refused(Service s, Access a, List<String> wrong, String as) {
    Throwable t;
    try {
      Object result = a.method().invoke(s.reference(), defaults(a.method()));
      if (result instanceof Future<?> f) {
        // an @Asynchronous method may be refused on the container's thread: the future says so
        f.get(60, TimeUnit.SECONDS);
      }
      wrong.add(as + ": " + a.name() + " ran (returned)");
      return false;
    } catch (InvocationTargetException e) {
      t = e.getCause();
    } catch (ExecutionException e) {
      t = e.getCause();
    } catch (Exception e) {
      t = e;
    }
    if (t instanceof EJBAccessException) {
      return true;
    }
    wrong.add(as + ": " + a.name() + " threw " + t);
    return false;
  }

  /** Runs the work as a run-as bean of the test WAR; an assertion inside fails as itself. */
  @SuppressWarnings("unchecked")
  <T> T as(Role role, Callable<T> work) throws Exception {
    RunAsRole bean = (RunAsRole) new InitialContext().lookup("java:module/" + runAsName(role));
    try {
      return bean.call(work);
    } catch (EJBException e) {
      Throwable cause = e.getCause();
      while (cause instanceof EJBException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (cause instanceof AssertionError ae) {
        throw ae;
      }
      throw e;
    }
  }

  /** Every application service, checked to be found at all. */
  private List<Service> servicesFound() {
    List<Service> services = applicationServices();
    Set<String> names = new TreeSet<>();
    services.forEach(s -> names.add(s.type().getName()));
    // a check that enumerates nothing checks nothing: the application layer holds some 70 EJBs
    assertTrue(services.size() >= 60, "application services found: " + services.size() + names);
    for (String known :
        List.of(
            "cn.xinsheng.ledger.application.LedgerService",
            "cn.xinsheng.identity.application.AccountAdministration",
            "cn.xinsheng.readiness.application.RiskService",
            "cn.xinsheng.music.application.exam.ExamService",
            "cn.xinsheng.cases.application.StepService")) {
      assertTrue(names.contains(known), known + " not among " + names);
    }
    return services;
  }

  @Test
  void everyServiceRefusesACallerNobodyLoggedIn() {
    List<Service> services = servicesFound();
    List<String> wrong = new ArrayList<>();
    List<String> undeclared = new ArrayList<>();
    Set<String> refused = new HashSet<>();
    int methods = 0;
    int open = 0;
    int calls = 0;
    for (Service s : services) {
      for (Access a : s.methods()) {
        methods++;
        if (!a.declared()) {
          // the EJB default is "unchecked": never call it (it would run); the unit test
          // ServiceSecurityDeclaredTest names it, and this one fails too
          undeclared.add(a.name());
        } else if (a.permitAll()) {
          open++;
        } else {
          calls++;
          if (refused(s, a, wrong, "nobody")) {
            refused.add(a.name());
          }
        }
      }
    }
    String counts =
        services.size()
            + " services, "
            + methods
            + " business methods ("
            + open
            + " @PermitAll), "
            + calls
            + " calls without a caller";
    System.out.println("ServiceBoundaryChecks: " + counts);
    assertEquals(List.of(), undeclared, "methods with no access declared; " + counts);
    assertEquals(List.of(), wrong, "calls not refused by the container; " + counts);
    assertTrue(refused.contains("LedgerService.record"), counts);
    assertTrue(calls > 200, counts);
  }

  @Test
  void everyServiceRefusesEachRoleItDoesNotAllow() throws Exception {
    List<Service> services = servicesFound();
    List<String> wrong = new ArrayList<>();
    Set<String> refusedAs = new HashSet<>();
    int[] calls = {0};
    for (Role role : Role.values()) {
      String r = role.name();
      // a run-as identity with no role would be refused everything, and prove nothing
      RoleProbe.Identity who = as(role, () -> probe.caller());
      assertEquals(Set.of(r), who.roles(), "the run-as identity of " + r + " is " + who);
      as(
          role,
          () -> {
            for (Service s : services) {
              for (Access a : s.methods()) {
                if (a.declared() && !a.allows(r)) {
                  calls[0]++;
                  if (refused(s, a, wrong, r)) {
                    refusedAs.add(r + " " + a.name());
                  }
                }
              }
            }
            return null;
          });
    }
    String counts =
        services.size()
            + " services, "
            + Role.values().length
            + " roles, "
            + calls[0]
            + " calls as a role not allowed";
    System.out.println("ServiceBoundaryChecks: " + counts);
    assertEquals(List.of(), wrong, "calls not refused by the container; " + counts);
    // known refusals: an officer cannot administer accounts, an inmate cannot record points
    assertTrue(refusedAs.contains("OFFICER AccountAdministration.accounts"), counts);
    assertTrue(refusedAs.contains("INMATE LedgerService.record"), counts);
    assertTrue(calls[0] > 2000, counts);
  }

  // --- the section scoping at the boundary ------------------------------------------------------

  /** The first column of every row; the parameters, if any, are bound in order. */
  private List<String> strings(String sql, Object... parameters) throws SQLException {
    try (Connection c = boundaryData.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        List<String> out = new ArrayList<>();
        while (rs.next()) {
          out.add(rs.getString(1));
        }
        return out;
      }
    }
  }

  private static final String SECTIONS_OF =
      "SELECT s.section_id FROM officer_section s JOIN account a ON a.id = s.account_id"
          + " WHERE a.username = ?";

  @Inject OrganisationQueries organisationQueries;

  /**
   * Organisation's scoping, as the demo officer officer1. Only organisation: it reads the caller
   * from the EJB context, which a run-as identity sets. Ledger, readiness, cases, evidence,
   * learning and music read him through {@code platform.Caller}, that is Jakarta Security's {@code
   * SecurityContext}, which on Payara does not see a run-as identity ("no caller"); their section
   * checks need a real login (the system tests' WebClient).
   */
  @Test
  void anOfficerReachesOnlyTheInmatesOfHisSections() throws Exception {
    Set<Long> mine = new TreeSet<>();
    strings(SECTIONS_OF, OFFICER1).forEach(s -> mine.add(Long.valueOf(s)));
    assertFalse(mine.isEmpty(), "officer1 has no section in the demo prison");
    String in = mine.toString().replace('[', '(').replace(']', ')');
    List<String> minePns =
        strings("SELECT prisoner_number FROM inmate WHERE section_id IN " + in + " ORDER BY id");
    List<String> otherPns =
        strings(
            "SELECT prisoner_number FROM inmate WHERE section_id NOT IN " + in + " ORDER BY id");
    assertFalse(minePns.isEmpty(), "no inmate in officer1's sections");
    assertFalse(otherPns.isEmpty(), "no inmate outside officer1's sections");
    String own = minePns.get(0);
    String other = otherPns.get(0);

    as(
        Role.OFFICER,
        () -> {
          RoleProbe.Identity who = probe.caller();
          assertEquals(new RoleProbe.Identity(OFFICER1, Set.of("OFFICER")), who);

          // organisation: his sections, their inmates, and no other
          assertEquals(
              mine,
              new TreeSet<>(
                  organisationQueries.mySections().stream().map(Section::getId).toList()));
          List<Inmate> seen = organisationQueries.inmatesOfMySections();
          assertEquals(minePns.size(), seen.size());
          assertTrue(seen.stream().allMatch(i -> mine.contains(i.getSection().getId())));
          assertEquals(
              own, organisationQueries.inmateInMySections(own).getPrisonerNumber().toString());
          assertThrows(
              UnknownInmateException.class, () -> organisationQueries.inmateInMySections(other));
          return null;
        });
  }
}
