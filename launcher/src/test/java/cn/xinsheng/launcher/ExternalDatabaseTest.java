package cn.xinsheng.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 21: what backup and restore make of an external database's URL, account and dump. */
class ExternalDatabaseTest {

  @TempDir Path dir;

  @Test
  void theUrlGivesHostPortAndSchemaAndThePasswordStaysOffTheCommandLine() throws Exception {
    ExternalDatabase db =
        ExternalDatabase.parse("jdbc:mariadb://db.prison.lan:3310/xs_main", "owner", "s3\"cr\\et");
    assertEquals("xs_main", db.schema());
    assertEquals("owner@db.prison.lan:3310/xs_main", db.where());
    List<String> options = db.clientOptions(dir);
    assertEquals("--defaults-file=" + dir.resolve("client.cnf"), options.get(0), "first, always");
    assertTrue(
        options.containsAll(List.of("--protocol=TCP", "--host=db.prison.lan", "--port=3310")));
    assertTrue(options.contains("--user=owner"));
    assertTrue(options.contains("--skip-ssl"), "plain TCP, as the driver speaks it by default");
    assertTrue(options.stream().noneMatch(o -> o.contains("s3")), "no password among the options");
    Path cnf = dir.resolve("client.cnf");
    assertEquals("[client]\npassword=\"s3\\\"cr\\\\et\"\n", Files.readString(cnf));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cnf)));

    assertEquals(
        "root@127.0.0.1:3306/x",
        ExternalDatabase.parse("jdbc:mysql://127.0.0.1/x", "root", "").where());
    assertEquals(
        "u@::1:3307/x", ExternalDatabase.parse("jdbc:mariadb://[::1]:3307/x?a=b", "u", "").where());
  }

  @Test
  void tlsFollowsTheUrlsSslMode() {
    assertEquals(List.of("--skip-ssl"), ExternalDatabase.tlsOptions(""));
    assertEquals(List.of("--skip-ssl"), ExternalDatabase.tlsOptions("sslMode=disable"));
    assertEquals(
        List.of("--ssl", "--skip-ssl-verify-server-cert"),
        ExternalDatabase.tlsOptions("sslMode=trust"));
    assertEquals(
        List.of("--ssl", "--ssl-verify-server-cert"),
        ExternalDatabase.tlsOptions("connectTimeout=5000&sslMode=verify-full"));
    assertEquals(
        List.of("--ssl", "--ssl-verify-server-cert"), ExternalDatabase.tlsOptions("useSSL=true"));
    LauncherException e =
        assertThrows(LauncherException.class, () -> ExternalDatabase.tlsOptions("sslMode=maybe"));
    assertTrue(e.getMessage().startsWith("不认识的 sslMode"), e.getMessage());
  }

  @Test
  void aBadUrlIsRefusedInBothLanguages() {
    for (String url :
        List.of(
            "mariadb://h/x",
            "jdbc:mariadb://h:3306/",
            "jdbc:mariadb://h:port/x",
            "jdbc:mariadb://h1,h2/x",
            "jdbc:mariadb:///x",
            "jdbc:postgresql://h/x")) {
      LauncherException e =
          assertThrows(LauncherException.class, () -> ExternalDatabase.parse(url, "u", ""), url);
      assertTrue(e.getMessage().startsWith("数据库地址须为"), e.getMessage());
      assertTrue(e.getMessage().contains("the database URL must be"), e.getMessage());
    }
    assertThrows(LauncherException.class, () -> ExternalDatabase.optionFile("two\nlines"));
  }

  @Test
  void aDumpLosesItsSchemaStatementsAndNothingElse() throws Exception {
    Path dump = dir.resolve("d.sql");
    byte[] utf8 =
        "INSERT INTO `t` VALUES (1,'新生 USE `x`;\\nCREATE DATABASE y');"
            .getBytes(StandardCharsets.UTF_8);
    Files.write(
        dump,
        concat(
            ("-- Current Database: `xinsheng`\n\nCREATE DATABASE /*!32312 IF NOT EXISTS*/ `xinsheng`"
                    + " /*!40100 DEFAULT CHARACTER SET utf8mb4 */;\n\nUSE `xinsheng`;\n\n")
                .getBytes(StandardCharsets.UTF_8),
            utf8,
            "\n".getBytes(StandardCharsets.UTF_8)));
    Path out = dir.resolve("o.sql");
    ExternalDatabase.withoutSchemaStatements(dump, out);
    String result = Files.readString(out, StandardCharsets.UTF_8);
    assertFalse(result.contains("CREATE DATABASE /*"), result);
    assertFalse(result.contains("\nUSE `xinsheng`;"), result);
    assertTrue(result.contains(new String(utf8, StandardCharsets.UTF_8)), "rows byte for byte");
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
