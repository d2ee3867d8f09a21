package cn.xinsheng.launcher;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * An external MariaDB for {@code backup} and {@code restore} (issue 21): the same {@code
 * XINSHENG_DB_URL} / {@code XINSHENG_DB_USER} / {@code XINSHENG_DB_PASSWORD} that {@code start}
 * reads, or the options below. The client programs ({@code mariadb-dump}, {@code mariadb}) are the
 * embedded distribution's, so the host needs no MariaDB client of its own; they connect by TCP to
 * the URL's host and port, with the URL's TLS setting, and read the password from an option file
 * readable by this user only, never from the command line (which {@code ps} shows everyone).
 */
final class ExternalDatabase {

  /** Where to find the external database: a picocli mixin shared by backup and restore. */
  static final class Options {
    @Option(
        names = "--db-url",
        defaultValue = "${env:XINSHENG_DB_URL}",
        description =
            "外部 MariaDB，jdbc:mariadb://主机:端口/库名（XINSHENG_DB_URL）；不设则为内置数据库 / an external"
                + " MariaDB, jdbc:mariadb://host:port/database (XINSHENG_DB_URL); unset: the"
                + " embedded database")
    String url;

    @Option(
        names = "--db-user",
        defaultValue = "${env:XINSHENG_DB_USER}",
        description = "库的所有者账户 / the schema owner's account (XINSHENG_DB_USER)")
    String user;

    @Option(
        names = "--db-password-file",
        description =
            "存放该账户密码的文件；不设则读 XINSHENG_DB_PASSWORD / a file holding that account's"
                + " password; unset: XINSHENG_DB_PASSWORD")
    Path passwordFile;

    boolean given() {
      return url != null && !url.isBlank();
    }

    ExternalDatabase open() throws IOException {
      if (user == null || user.isBlank()) {
        throw new LauncherException(
            "外部数据库需要账户：--db-user 或 XINSHENG_DB_USER",
            "an external database needs an account: --db-user or XINSHENG_DB_USER");
      }
      String password;
      if (passwordFile != null) {
        if (!Files.isRegularFile(passwordFile)) {
          throw new LauncherException(
              "找不到密码文件 " + passwordFile, "password file not found: " + passwordFile);
        }
        password = withoutLineEnd(Files.readString(passwordFile));
      } else {
        password = System.getenv("XINSHENG_DB_PASSWORD");
      }
      return parse(url.strip(), user.strip(), password == null ? "" : password);
    }
  }

  private final DatabaseTarget owner;
  private final String host;
  private final int port;
  private final String schema;
  private final List<String> tls;

  private ExternalDatabase(
      DatabaseTarget owner, String host, int port, String schema, List<String> tls) {
    this.owner = owner;
    this.host = host;
    this.port = port;
    this.schema = schema;
    this.tls = tls;
  }

  /** Reads {@code jdbc:mariadb://host[:port]/database[?options]}; a clear refusal otherwise. */
  static ExternalDatabase parse(String url, String user, String password) {
    String rest;
    if (url.startsWith("jdbc:mariadb://")) {
      rest = url.substring("jdbc:mariadb://".length());
    } else if (url.startsWith("jdbc:mysql://")) {
      rest = url.substring("jdbc:mysql://".length());
    } else {
      throw badUrl(url);
    }
    String query = "";
    int q = rest.indexOf('?');
    if (q >= 0) {
      query = rest.substring(q + 1);
      rest = rest.substring(0, q);
    }
    int slash = rest.indexOf('/');
    if (slash <= 0) {
      throw badUrl(url);
    }
    String authority = rest.substring(0, slash);
    String schema = rest.substring(slash + 1);
    if (schema.isEmpty() || schema.contains("/") || authority.contains(",")) {
      throw badUrl(url);
    }
    String host;
    String portText = null;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        throw badUrl(url);
      }
      host = authority.substring(1, close);
      if (authority.length() > close + 1) {
        if (authority.charAt(close + 1) != ':') {
          throw badUrl(url);
        }
        portText = authority.substring(close + 2);
      }
    } else {
      int colon = authority.lastIndexOf(':');
      host = colon < 0 ? authority : authority.substring(0, colon);
      portText = colon < 0 ? null : authority.substring(colon + 1);
    }
    int port = 3306;
    if (portText != null) {
      try {
        port = Integer.parseInt(portText);
      } catch (NumberFormatException e) {
        throw badUrl(url);
      }
      if (port < 1 || port > 65535) {
        throw badUrl(url);
      }
    }
    if (host.isEmpty()) {
      throw badUrl(url);
    }
    return new ExternalDatabase(
        new DatabaseTarget(url, user, password), host, port, schema, tlsOptions(query));
  }

  private static LauncherException badUrl(String url) {
    return new LauncherException(
        "数据库地址须为 jdbc:mariadb://主机:端口/库名（一台主机），而不是：" + url,
        "the database URL must be jdbc:mariadb://host:port/database (one host), not: " + url);
  }

  /**
   * The client's TLS options, following the URL as the platform's driver reads it: MariaDB
   * Connector/J speaks plain TCP unless {@code sslMode} (or the older {@code useSsl}) says
   * otherwise, while the 11.x clients insist on TLS by default and refuse a server without it.
   */
  static List<String> tlsOptions(String query) {
    Map<String, String> p = new HashMap<>();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        p.put(
            pair.substring(0, eq).toLowerCase(Locale.ROOT),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    String mode = p.getOrDefault("sslmode", "").toLowerCase(Locale.ROOT).replace('_', '-');
    if (mode.isEmpty() && Boolean.parseBoolean(p.get("usessl"))) {
      mode = Boolean.parseBoolean(p.get("trustservercertificate")) ? "trust" : "verify-full";
    }
    List<String> options = new ArrayList<>();
    switch (mode) {
      case "", "disable" -> options.add("--skip-ssl");
      case "trust" -> {
        options.add("--ssl");
        options.add("--skip-ssl-verify-server-cert");
      }
      case "verify-ca", "verify-full" -> {
        options.add("--ssl");
        options.add("--ssl-verify-server-cert");
      }
      default ->
          throw new LauncherException(
              "不认识的 sslMode：" + mode + "（可用 disable、trust、verify-ca、verify-full）",
              "unknown sslMode: " + mode + " (disable, trust, verify-ca or verify-full)");
    }
    String ca = p.get("serversslcert");
    if (ca != null && !ca.isBlank() && !options.contains("--skip-ssl")) {
      if (!Files.isRegularFile(Path.of(ca))) {
        throw new LauncherException(
            "serverSslCert 须为证书文件的路径：" + ca,
            "serverSslCert must be the path of a certificate file: " + ca);
      }
      options.add("--ssl-ca=" + ca);
    }
    return options;
  }

  DatabaseTarget owner() {
    return owner;
  }

  String schema() {
    return schema;
  }

  String where() {
    return owner.user() + "@" + host + ":" + port + "/" + schema;
  }

  /**
   * The connection options for a client program, the password in an option file written into {@code
   * folder} (readable by this user only; the caller deletes the folder). {@code --defaults-file}
   * comes first, as the client requires, and makes it read no other option file.
   */
  List<String> clientOptions(Path folder) throws IOException {
    Path cnf = folder.resolve("client.cnf");
    Files.deleteIfExists(cnf);
    try {
      Files.createFile(
          cnf, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(cnf);
    }
    Files.writeString(cnf, optionFile(owner.password()));
    List<String> options = new ArrayList<>();
    options.add("--defaults-file=" + cnf);
    options.add("--protocol=TCP");
    options.add("--host=" + host);
    options.add("--port=" + port);
    options.add("--user=" + owner.user());
    options.addAll(tls);
    return options;
  }

  /** {@code [client] password="…"}, quoted and escaped as MariaDB's option files read it. */
  static String optionFile(String password) {
    if (password.indexOf('\n') >= 0 || password.indexOf('\r') >= 0) {
      throw new LauncherException(
          "数据库密码不能含换行", "the database password must not contain a line break");
    }
    return "[client]\npassword=\"" + password.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n";
  }

  /** Tables the schema already holds (a restore writes only into an empty one). */
  long tableCount() {
    try (var c = owner.connect();
        var ps =
            c.prepareStatement(
                "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?")) {
      ps.setString(1, schema);
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (java.sql.SQLException e) {
      throw owner.explain(e);
    }
  }

  /**
   * A dump without its {@code CREATE DATABASE} and {@code USE} lines, so that it loads into the
   * schema the restore names, whatever schema it was taken from ({@code mariadb-dump --databases}
   * writes both; every statement of a dump starts on a line of its own, and row data never holds a
   * raw line break). Read and written as ISO-8859-1, byte for byte.
   */
  static void withoutSchemaStatements(Path dump, Path out) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(dump, StandardCharsets.ISO_8859_1);
        BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.ISO_8859_1)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("CREATE DATABASE ") || line.startsWith("USE `")) {
          continue;
        }
        w.write(line);
        w.write('\n');
      }
    }
  }

  private static String withoutLineEnd(String s) {
    if (s.endsWith("\r\n")) {
      return s.substring(0, s.length() - 2);
    }
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }
}
