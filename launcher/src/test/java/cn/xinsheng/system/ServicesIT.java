package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.identity.application.AccountAdministration;
import cn.xinsheng.identity.application.AccountService;
import cn.xinsheng.identity.domain.LoginOutcome;
import cn.xinsheng.organisation.application.OrganisationQueries;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The services inside the real container (Payara Micro, managed by Arquillian) on the real
 * database: the shared start-dev platform's embedded MariaDB, reached with the application's own
 * database account. One deployment for the whole class and for the tests it inherits: the ports
 * between contexts ({@link ContextPortsChecks}), learning's repositories ({@link
 * LearningRepositoryChecks}), music's ({@link MusicRepositoryChecks}) and readiness's ({@link
 * ReadinessRepositoryChecks}), and the security boundary of every application service ({@link
 * ServiceBoundaryChecks}) — Arquillian's Payara Micro boots once per deployment.
 */
// not SharedPlatform: JUnit reads the class's extensions again inside the container, where the
// test-only extension is not deployed; the deployment starts the platform (client side) and the
// run's SharedPlatform, or the JVM's shutdown hook when this class runs alone, stops it
@ExtendWith(ArquillianExtension.class)
class ServicesIT extends ServiceBoundaryChecks {

  @Deployment
  static WebArchive deployment() throws Exception {
    // runs on the client before the container starts: the database must be up first
    RunningPlatform.ensureStarted();
    Path props = RunningPlatform.DATA_DIR.resolve("arquillian-system.properties");
    Files.writeString(
        props,
        "xinsheng.db.url=jdbc:mariadb://127.0.0.1:"
            + RunningPlatform.DB_PORT
            + "/xinsheng\n"
            + "xinsheng.db.user=xinsheng_app\n"
            + "xinsheng.db.password="
            + RunningPlatform.applicationDbPassword()
            + "\n"
            // one sequencer per database: start-dev's; this instance only appends and reads
            + "xinsheng.audit.sequencer.enabled=false\n"
            + "xinsheng.audit.key-dir="
            + RunningPlatform.DATA_DIR.resolve("secrets").resolve("audit")
            + "\n");
    WebArchive war =
        ShrinkWrap.create(ZipImporter.class, "xinsheng-it.war")
            .importFrom(new File("target/runtime/xinsheng.war"))
            .as(WebArchive.class);
    // the real WAR denies every path its access matrix does not list; open the test runner's
    String matrix = "WEB-INF/classes/cn/xinsheng/web/security/access-matrix.txt";
    String rules;
    try (var in = war.get(matrix).getAsset().openStream()) {
      rules = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    war.delete(matrix);
    // the tests this class inherits run in the container too: their classes (and inner records)
    war.addPackages(
        false,
        org.jboss.shrinkwrap.api.Filters.include(
            ".*/(ContextPortsChecks|LearningRepositoryChecks|MusicRepositoryChecks"
                + "|ReadinessRepositoryChecks|ServiceBoundaryChecks|RunAs\\w+|RoleProbe)(\\$.*)?\\.class"),
        ServicesIT.class.getPackage());
    war.add(
        new org.jboss.shrinkwrap.api.asset.StringAsset(
            rules
                + "\n/ArquillianServletRunnerEE9 | GET POST | PUBLIC | /ArquillianServletRunnerEE9\n"),
        matrix);
    runAsIdentities(war);
    return war;
  }

  /**
   * The run-as identities of the boundary checks ({@link ServiceBoundaryChecks}), in the test WAR
   * only: each {@code RunAs_<ROLE>} bean ({@link RunAsRole}) runs as a principal named as its role,
   * except OFFICER's, which runs as the demo officer officer1 for the section checks; each
   * principal is mapped to its role beside the group the real WAR maps.
   */
  static void runAsIdentities(WebArchive war) throws java.io.IOException {
    StringBuilder principals = new StringBuilder();
    for (cn.xinsheng.identity.domain.Role role : cn.xinsheng.identity.domain.Role.values()) {
      principals
          .append("    <ejb><ejb-name>")
          .append(ServiceBoundaryChecks.runAsName(role))
          .append("</ejb-name><principal><name>")
          .append(runAsPrincipal(role))
          .append("</name></principal></ejb>\n");
    }
    war.add(
        new org.jboss.shrinkwrap.api.asset.StringAsset(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE glassfish-ejb-jar PUBLIC"
                + " \"-//GlassFish.org//DTD GlassFish Application Server 3.1 EJB 3.1//EN\""
                + " \"http://glassfish.org/dtds/glassfish-ejb-jar_3_1-1.dtd\">\n"
                + "<glassfish-ejb-jar>\n  <enterprise-beans>\n"
                + principals
                + "  </enterprise-beans>\n</glassfish-ejb-jar>\n"),
        "WEB-INF/glassfish-ejb-jar.xml");
    // the real WAR maps each role to its group; the run-as principals join the mapping here
    String mapping = "WEB-INF/glassfish-web.xml";
    String web;
    try (var in = war.get(mapping).getAsset().openStream()) {
      web = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    for (cn.xinsheng.identity.domain.Role role : cn.xinsheng.identity.domain.Role.values()) {
      String group = "<group-name>" + role.name() + "</group-name>";
      if (!web.contains(group)) {
        throw new IllegalStateException(mapping + " maps no group to " + role);
      }
      // the run-as principal, and the role's own name beside officer1: whichever principal the
      // container takes for OFFICER's run-as, the role checks hold (the section checks need
      // officer1)
      String users = "<principal-name>" + runAsPrincipal(role) + "</principal-name>";
      if (!runAsPrincipal(role).equals(role.name())) {
        users += "<principal-name>" + role.name() + "</principal-name>";
      }
      web = web.replace(group, users + group);
    }
    war.delete(mapping);
    war.add(new org.jboss.shrinkwrap.api.asset.StringAsset(web), mapping);
  }

  private static String runAsPrincipal(cn.xinsheng.identity.domain.Role role) {
    return role == cn.xinsheng.identity.domain.Role.OFFICER
        ? ServiceBoundaryChecks.OFFICER1
        : role.name();
  }

  @Inject AccountService accountService;
  @Inject OrganisationQueries organisation;
  @Inject AccountAdministration administration;
  @Inject @Readiness Instance<HealthCheck> readiness;
  @Inject cn.xinsheng.auditlog.application.AuditLog auditLog;

  @Resource jakarta.transaction.UserTransaction transaction;

  @Resource(lookup = "java:app/jdbc/xinsheng")
  DataSource dataSource;

  @Test
  void readinessChecksTheDatabase() {
    boolean sawDatabase = false;
    for (HealthCheck check : readiness) {
      HealthCheckResponse response = check.call();
      assertEquals(HealthCheckResponse.Status.UP, response.getStatus(), response.getName());
      sawDatabase |= response.getName().equals("database");
    }
    assertTrue(sawDatabase);
  }

  @Test
  void loginChecksThePasswordAndRecordsTheAttempt() throws SQLException {
    assertEquals(
        LoginOutcome.SUCCESS,
        accountService.login("examiner2", "demo123!".toCharArray()).outcome());
    assertEquals(
        LoginOutcome.INVALID_CREDENTIALS,
        accountService.login("examiner2", "nope".toCharArray()).outcome());
    assertEquals(
        LoginOutcome.INVALID_CREDENTIALS,
        accountService.login("no.such.user", "nope".toCharArray()).outcome());
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT kind FROM identity_event WHERE subject = 'examiner2' ORDER BY id")) {
      try (ResultSet rs = ps.executeQuery()) {
        StringBuilder kinds = new StringBuilder();
        while (rs.next()) {
          kinds.append(rs.getString(1)).append(' ');
        }
        assertTrue(kinds.toString().contains("LOGIN_SUCCEEDED LOGIN_FAILED"), kinds.toString());
      }
    }
  }

  @Test
  void theApplicationAccountCannotRewriteAppendOnlyTables() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      SQLException update =
          assertThrows(
              SQLException.class, () -> s.executeUpdate("UPDATE identity_event SET kind = 'X'"));
      assertEquals(1142, update.getErrorCode(), update.getMessage());
      SQLException delete =
          assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM identity_event"));
      assertEquals(1142, delete.getErrorCode(), delete.getMessage());
      // while ordinary tables may be updated
      assertEquals(
          0, s.executeUpdate("UPDATE account SET display_name = display_name WHERE id = -1"));
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM identity_event")) {
        rs.next();
        assertTrue(rs.getLong(1) > 0);
      }
    }
  }

  private static cn.xinsheng.audit.AuditEvent event(String subject) {
    return new cn.xinsheng.audit.AuditEvent(
        "servicesit",
        "SYS_ADMIN",
        "test.append",
        subject,
        java.util.Map.of(),
        java.util.List.of(),
        java.time.Instant.parse("2026-06-10T02:00:00Z"));
  }

  private long entriesAbout(String subject) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT COUNT(*) FROM audit_entry WHERE leaf_data LIKE ?")) {
      ps.setString(1, "%\"subject\":\"" + subject + "\"%");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** An audit entry exists exactly when the transaction of the record it covers commits. */
  @Test
  void auditEntriesShareTheCallersTransaction() throws Exception {
    String id = java.util.UUID.randomUUID().toString();
    assertThrows(
        jakarta.ejb.EJBTransactionRequiredException.class,
        () -> auditLog.append(event("no-tx-" + id)));
    transaction.begin();
    auditLog.append(event("rolled-back-" + id));
    transaction.rollback();
    assertEquals(0, entriesAbout("rolled-back-" + id));
    transaction.begin();
    auditLog.append(event("committed-" + id));
    transaction.commit();
    assertEquals(1, entriesAbout("committed-" + id));
    assertEquals(0, entriesAbout("no-tx-" + id));
  }

  @Test
  void servicesRefuseCallersWithoutTheRole() {
    // the test runs without a logged-in user: the service layer itself must refuse
    assertThrows(EJBAccessException.class, () -> organisation.inmatesOfMySections());
    assertThrows(EJBAccessException.class, () -> organisation.myOwnRecord());
    assertThrows(EJBAccessException.class, () -> administration.accounts());
    assertThrows(
        EJBAccessException.class,
        () -> administration.createAccount("mallory", "M", java.util.Set.of(), java.util.Set.of()));
    assertFalse(accountService.currentAccount().isPresent());
  }
}
