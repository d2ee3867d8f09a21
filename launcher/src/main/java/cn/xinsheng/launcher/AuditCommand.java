package cn.xinsheng.launcher;

import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.audit.NoteKey;
import cn.xinsheng.audit.SignedCheckpoint;
import cn.xinsheng.audit.export.VerifyCommand;
import cn.xinsheng.auditlog.application.ExportScope;
import cn.xinsheng.auditlog.application.ExportSummary;
import cn.xinsheng.auditlog.application.SelfCheck;
import cn.xinsheng.auditlog.infrastructure.AuditExporter;
import cn.xinsheng.auditlog.infrastructure.AuditStore;
import cn.xinsheng.auditlog.infrastructure.RecordForms;
import java.io.IOException;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mariadb.jdbc.MariaDbDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bin/xinsheng audit …}: export the log, and a witness's key and cosigning client. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "审计日志：导出、见证联署 / the audit log: export, witness cosigning",
    subcommands = {
      AuditCommand.Export.class,
      AuditCommand.KeyRecord.class,
      AuditCommand.WitnessKey.class,
      AuditCommand.Witness.class,
      AuditContinuityCommand.Latest.class,
      AuditContinuityCommand.Continuity.class
    })
class AuditCommand implements Runnable {

  @Override
  public void run() {
    picocli.CommandLine.usage(this, System.out);
  }

  /**
   * {@code bin/xinsheng verify FILE}: the offline verifier, the same code as xinsheng-verify.jar.
   */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = "离线验证审计导出文件 / verify an audit export offline")
  static class Verify implements Callable<Integer> {
    @Parameters(index = "0", description = "导出文件 / the export (zip)")
    String file;

    @Option(
        names = "--key",
        description =
            "监狱公钥（文本或文件），须从导出文件之外取得 / the prison's verifier key, obtained outside the"
                + " export (key-ceremony record, the procuratorate's copy)")
    List<String> keys = new ArrayList<>();

    @Option(
        names = "--trust",
        description = "信任文件：每行一个公钥 / a trust file: one verifier key a line (log and witnesses)")
    List<String> trust = new ArrayList<>();

    @Option(
        names = "--witnesses",
        description = "至少 N 个见证方联署，否则失败 / fail unless N witnesses cosigned")
    Integer witnesses;

    @Override
    public Integer call() {
      List<String> args = new ArrayList<>(List.of(file));
      keys.forEach(k -> args.addAll(List.of("--key", k)));
      trust.forEach(t -> args.addAll(List.of("--trust", t)));
      if (witnesses != null) {
        args.addAll(List.of("--witnesses", witnesses.toString()));
      }
      return VerifyCommand.run(args.toArray(String[]::new), System.out, System.err);
    }
  }

  /**
   * {@code bin/xinsheng audit key-record}: the key ceremony's record, to print, sign and hand to
   * the court and the procuratorate, and the trust file a court gives the verifier. Reads the
   * prison's key from the database (its history) and the registered witnesses.
   */
  @Command(
      name = "key-record",
      mixinStandardHelpOptions = true,
      description =
          "打印密钥仪式记录并写出法院使用的信任文件 / print the key-ceremony record and write the trust file a"
              + " court uses")
  static class KeyRecord implements Callable<Integer> {
    @Option(names = "--trust-out", description = "信任文件 / write the trust file here")
    Path trustOut;

    @Option(
        names = "--data-dir",
        defaultValue = "${env:XINSHENG_DATA_DIR:-data}",
        description = "start-dev 的数据目录 / start-dev's data directory (default ./data)")
    Path dataDir;

    @Option(
        names = "--db-port",
        defaultValue = "${env:XINSHENG_DB_EMBEDDED_PORT:-3307}",
        description = "内置数据库端口 / the embedded database's port (default 3307)")
    int dbPort;

    @Override
    public Integer call() throws IOException {
      AuditStore store = new AuditStore(Export.dataSource(dataDir, dbPort));
      List<NoteKey> keys;
      List<AuditStore.Witness> witnesses;
      String origin;
      try {
        keys = store.logKeys();
        witnesses = store.witnesses();
        origin =
            store
                .latestCheckpoint()
                .map(note -> SignedCheckpoint.parse(note).checkpoint().origin())
                .orElse("?");
      } catch (SQLException e) {
        throw Export.unreachable(e);
      }
      if (keys.isEmpty()) {
        throw new LauncherException("审计日志尚无签名密钥", "the audit log has no key yet");
      }
      NoteKey current = keys.get(keys.size() - 1);
      StringBuilder r = new StringBuilder();
      r.append("新生 审计日志 密钥仪式记录 / Xinsheng audit log: key-ceremony record\n");
      r.append("================================================================\n");
      r.append("日志 / log (origin):           ").append(origin).append('\n');
      r.append("日期 / date:                   ")
          .append(LocalDate.now(LauncherClock.operator()))
          .append('\n');
      r.append("当前签名公钥 / current log key:\n  ").append(current.verifierKey()).append('\n');
      r.append("公钥指纹 / fingerprint:        ").append(current.fingerprint()).append('\n');
      if (keys.size() > 1) {
        r.append("此前的密钥（每把均由前一把共同签署）/ earlier keys, each endorsed by the one before:\n");
        for (NoteKey k : keys.subList(0, keys.size() - 1)) {
          r.append("  ")
              .append(k.verifierKey())
              .append("  (")
              .append(k.fingerprint())
              .append(")\n");
        }
      }
      for (AuditStore.Witness w : witnesses) {
        r.append("见证方 / witness ")
            .append(w.name())
            .append(" (")
            .append(w.description())
            .append("):\n  ")
            .append(w.verifierKey())
            .append("\n  指纹 / fingerprint: ")
            .append(NoteKey.fingerprint(w.verifierKey()))
            .append('\n');
      }
      r.append("\n监狱签字 / for the prison: ______________________   ")
          .append("检察院签字 / for the procuratorate: ______________________\n");
      r.append("法院核验导出文件时：bin/xinsheng verify 文件.zip --trust 信任文件.txt（或 --key 上列公钥）\n");
      r.append(
              "A court verifies an export with: xinsheng verify FILE.zip --trust trust.txt (or --key")
          .append(
              " the key above); the verifier prints the fingerprint to compare with this record.\n");
      System.out.print(r);
      if (trustOut != null) {
        Files.writeString(
            trustOut,
            cn.xinsheng.audit.export.Trust.file(
                current,
                witnesses.stream().map(AuditStore.Witness::verifierKey).toList(),
                origin + ", " + LocalDate.now(LauncherClock.operator())));
        // earlier keys are trusted too: exports made before a rotation are signed by them
        for (NoteKey k : keys.subList(0, keys.size() - 1)) {
          Files.writeString(
              trustOut,
              "# 此前的密钥 / an earlier key\n" + k.verifierKey() + "\n",
              java.nio.file.StandardOpenOption.APPEND);
        }
        System.out.println("信任文件 / trust file: " + trustOut.toAbsolutePath());
      }
      return 0;
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description =
          "导出审计日志（整个日志、一段或某服刑人员的记录）供离线验证 / export the log, a range or one inmate's"
              + " records for offline verification")
  static class Export implements Callable<Integer> {

    @Option(names = "--out", description = "输出文件 / output file (default: xinsheng-audit-….zip)")
    Path out;

    @Option(names = "--inmate", description = "只导出此罪犯编号的记录 / only this prisoner number's records")
    String inmate;

    @Option(names = "--from", description = "从第几条起（含）/ first entry (inclusive)")
    Long from;

    @Option(names = "--to", description = "到第几条止（不含）/ last entry (exclusive)")
    Long to;

    @Option(
        names = "--data-dir",
        description =
            "start-dev 的数据目录 / start-dev's data directory (XINSHENG_DATA_DIR, default: data/ in"
                + " the install folder)")
    Path dataDir;

    @Option(
        names = "--db-port",
        defaultValue = "${env:XINSHENG_DB_EMBEDDED_PORT:-3307}",
        description = "内置数据库端口 / the embedded database's port (default 3307)")
    int dbPort;

    @Override
    public Integer call() throws IOException {
      ExportScope scope;
      try {
        if (inmate != null) {
          scope = new ExportScope.Inmate(inmate);
        } else if (from != null || to != null) {
          scope = new ExportScope.Range(from == null ? 0 : from, to == null ? 0 : to);
        } else {
          scope = new ExportScope.All();
        }
      } catch (IllegalArgumentException e) {
        throw new LauncherException(
            "范围或罪犯编号无效：" + e.getMessage(), "invalid range or prisoner number: " + e.getMessage());
      }
      MariaDbDataSource ds = dataSource(dataDir, dbPort);
      AuditStore store = new AuditStore(ds);
      String origin;
      try {
        origin =
            store
                .latestCheckpoint()
                .map(note -> SignedCheckpoint.parse(note).checkpoint().origin())
                .orElseThrow(
                    () ->
                        new LauncherException(
                            "审计日志尚无签名检查点", "the audit log has no checkpoint yet"));
      } catch (SQLException e) {
        throw unreachable(e);
      }
      Path target =
          out != null
              ? out
              : Path.of(
                  "xinsheng-audit-"
                      + scope.describe().replace(' ', '-')
                      + "-"
                      + LocalDate.now(LauncherClock.operator())
                      + ".zip");
      Path tmp = target.resolveSibling(target.getFileName() + ".part");
      if (scope instanceof ExportScope.Inmate inmate) {
        scope = inmate.withHead(head(store, inmate.prisonerNumber()));
      }
      ExportSummary summary;
      try (OutputStream os = Files.newOutputStream(tmp)) {
        summary =
            new AuditExporter(store, origin, LauncherClock.operator(), RecordForms.loaded())
                .export(scope, os);
      } catch (SQLException e) {
        Files.deleteIfExists(tmp);
        throw unreachable(e);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(tmp);
        throw e;
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      if (!summary.provable()) {
        System.out.println(
            "警告：数据库中的日志短于其签名检查点（记录被删除？），导出文件将无法通过验证 / warning: the stored"
                + " log is shorter than its signed checkpoint (rows deleted?); the export will not"
                + " verify");
      }
      System.out.println(
          "已导出 / exported "
              + summary.entries()
              + " entries (tree size "
              + summary.treeSize()
              + ") to "
              + target.toAbsolutePath());
      System.out.println("验证 / verify: bin/xinsheng verify " + target);
      return 0;
    }

    /**
     * Writes the head of an inmate's export and waits for the running platform's sequencer to sign
     * it as the last leaf of a checkpoint: only then does the export prove it is complete. While
     * the log is broken, nothing is signed, and this says why.
     */
    private static long head(AuditStore store, String prisonerNumber) {
      try {
        if (!store.hasEntriesOfInmate(prisonerNumber)) {
          throw new LauncherException(
              "审计日志中没有关于 " + prisonerNumber + " 的记录",
              "the audit log holds nothing about " + prisonerNumber);
        }
        String marker = "subject-head/" + java.util.UUID.randomUUID();
        try (java.sql.Connection c = store.dataSource().getConnection()) {
          store.insertEntries(
              c,
              List.of(
                  AuditExporter.headEvent(
                      "launcher:" + System.getProperty("user.name", "?"),
                      "OPERATOR",
                      prisonerNumber,
                      marker,
                      store.witnesses(),
                      store.latestCosignatures(),
                      LauncherClock.operator().instant())));
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
          java.util.Optional<Long> index = store.signedLeafOf(marker);
          if (index.isPresent()) {
            return index.get();
          }
          java.util.Optional<SelfCheck> check = store.latestSelfCheck();
          if (check.isPresent() && !check.get().sound()) {
            throw new LauncherException(
                "审计日志未通过自检，不能签署导出的链头：" + check.get().failure(),
                "the audit log failed its self-check, so it cannot sign the export's head: "
                    + check.get().failure());
          }
          if (System.currentTimeMillis() > deadline) {
            throw new LauncherException(
                "30 秒内未签署导出的链头：平台（其签名服务）是否在运行？",
                "the export's head was not signed within 30 s: is the platform (its sequencer)"
                    + " running?");
          }
          Thread.sleep(200);
        }
      } catch (SQLException e) {
        throw unreachable(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LauncherException("已中断", "interrupted");
      }
    }

    /**
     * The database: an external one from XINSHENG_DB_URL/USER/PASSWORD, or the embedded one that
     * {@code start-dev} is running, with the application account's password from the data folder.
     */
    static MariaDbDataSource dataSource(Path dataDir, int dbPort) throws IOException {
      String url = System.getenv("XINSHENG_DB_URL");
      String user = System.getenv("XINSHENG_DB_USER");
      String password = System.getenv("XINSHENG_DB_PASSWORD");
      if (url == null || url.isBlank()) {
        Path secret = InstallFolder.dataDir(dataDir).resolve("secrets").resolve("db-app.password");
        if (!Files.isRegularFile(secret)) {
          throw new LauncherException(
              "找不到 " + secret + "；请在 start-dev 的目录中运行，或设置 XINSHENG_DB_URL",
              "no " + secret + "; run in start-dev's folder or set XINSHENG_DB_URL");
        }
        url = "jdbc:mariadb://127.0.0.1:" + dbPort + "/" + StartCommand.SCHEMA;
        user = StartCommand.APP_USER;
        password = Files.readString(secret).strip();
      }
      try {
        MariaDbDataSource ds = new MariaDbDataSource(url);
        ds.setUser(user);
        ds.setPassword(password == null ? "" : password);
        return ds;
      } catch (SQLException e) {
        throw unreachable(e);
      }
    }

    static LauncherException unreachable(SQLException e) {
      return new LauncherException(
          "无法读取审计日志（数据库是否在运行？先启动 bin/xinsheng start-dev）：" + e.getMessage(),
          "cannot read the audit log (is the database running? start bin/xinsheng start-dev first): "
              + e.getMessage());
    }
  }

  @Command(
      name = "witness-key",
      mixinStandardHelpOptions = true,
      description = "为见证方（检察院）生成联署密钥 / make a witness's (procuratorate's) cosigning key")
  static class WitnessKey implements Callable<Integer> {
    @Option(
        names = "--name",
        required = true,
        description = "见证方名称 / witness name, e.g. procuratorate.hz")
    String name;

    @Option(names = "--out", required = true, description = "私钥文件 / private key file (mode 600)")
    Path out;

    @Override
    public Integer call() throws IOException {
      if (Files.exists(out)) {
        throw new LauncherException("文件已存在：" + out, "the file exists already: " + out);
      }
      NoteKey key;
      try {
        key = NoteKey.generate(name);
      } catch (IllegalArgumentException e) {
        throw new LauncherException("名称无效：" + name, "invalid name: " + name);
      }
      Path parent = out.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.createFile(out);
      try {
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system
      }
      Files.writeString(out, key.privateKeyText());
      System.out.println(
          "请将以下联署公钥交给监狱系统管理员登记 / give this cosignature key to the prison's administrator:");
      System.out.println(key.witnessVerifierKey());
      return 0;
    }
  }

  /**
   * The witness's side: fetch the latest checkpoint, check the prison's signature and that it
   * extends the last checkpoint this witness cosigned (a consistency proof), cosign, and send the
   * cosignature back. The procuratorate runs it on its own machine, e.g. every few minutes.
   */
  @Command(
      name = "witness",
      mixinStandardHelpOptions = true,
      description = "作为见证方核对并联署最新检查点 / check and cosign the latest checkpoint as a witness")
  static class Witness implements Callable<Integer> {
    @Option(
        names = "--url",
        required = true,
        description = "平台地址 / the platform, e.g. http://host:8080")
    String url;

    @Option(names = "--user", required = true, description = "检察官账户 / the prosecutor's account")
    String user;

    @Option(
        names = "--password-file",
        required = true,
        description = "存放密码的文件 / a file holding the password")
    Path passwordFile;

    @Option(names = "--key", required = true, description = "见证方私钥文件 / the witness's key file")
    Path keyFile;

    @Option(
        names = "--state-dir",
        required = true,
        description = "见证状态目录（上次联署的检查点、监狱公钥）/ state: last cosigned checkpoint, prison key")
    Path stateDir;

    private static final Pattern HEX = Pattern.compile("\"([0-9a-f]{64})\"");

    @Override
    public Integer call() throws Exception {
      NoteKey witness = NoteKey.parsePrivateKeyText(Files.readString(keyFile));
      HttpClient http =
          HttpClient.newBuilder()
              .cookieHandler(new CookieManager())
              .connectTimeout(Duration.ofSeconds(10))
              .build();
      String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
      String password = Files.readString(passwordFile).strip();
      HttpResponse<String> login =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"username\":" + json(user) + ",\"password\":" + json(password) + "}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (login.statusCode() != 200) {
        throw new LauncherException("登录失败：" + login.body(), "login failed: " + login.body());
      }
      NoteKey logKey = pinnedLogKey(get(http, base + "/api/v1/audit/key"));
      SignedCheckpoint latest =
          SignedCheckpoint.parse(get(http, base + "/api/v1/audit/checkpoint"));
      if (!latest.isSignedBy(logKey)) {
        throw new LauncherException(
            "最新检查点不是由已记录的监狱公钥签署的；若监狱轮换了密钥，请先核实后更新 " + stateDir.resolve("log-key.txt"),
            "the latest checkpoint is not signed by the prison key on record; if the prison rotated"
                + " its key, check the rotation, then update "
                + stateDir.resolve("log-key.txt"));
      }
      Path lastFile = stateDir.resolve("last-cosigned.note");
      long size = latest.checkpoint().size();
      if (Files.exists(lastFile)) {
        SignedCheckpoint last = SignedCheckpoint.parse(Files.readString(lastFile));
        long old = last.checkpoint().size();
        if (size < old) {
          throw new LauncherException(
              "日志变短了（" + old + " → " + size + "）：拒绝联署",
              "the log shrank (" + old + " → " + size + "): not cosigning");
        }
        if (size == old) {
          if (!last.checkpoint().equals(latest.checkpoint())) {
            throw new LauncherException(
                "同一大小出现了不同的根：拒绝联署", "a different root at the same size: not cosigning");
          }
          System.out.println("无新内容 / nothing new: already cosigned size " + size);
          return alerts(http, base);
        }
        String body =
            get(http, base + "/api/v1/audit/proof/consistency?from=" + old + "&to=" + size);
        List<byte[]> proof = new ArrayList<>();
        Matcher m = HEX.matcher(body);
        while (m.find()) {
          proof.add(MerkleTree.unhex(m.group(1)));
        }
        if (!MerkleTree.verifyConsistency(
            old, size, proof, last.checkpoint().rootHash(), latest.checkpoint().rootHash())) {
          throw new LauncherException(
              "一致性证明不成立：日志在 " + old + " 之后被改写，拒绝联署",
              "the consistency proof fails: the log was rewritten after size "
                  + old
                  + "; not cosigning");
        }
      }
      SignedCheckpoint cosigned = latest.cosignedBy(witness, LauncherClock.operator().instant());
      HttpResponse<String> sent =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/api/v1/audit/cosignature"))
                  .header("Content-Type", "text/plain; charset=UTF-8")
                  .POST(HttpRequest.BodyPublishers.ofString(cosigned.format()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (sent.statusCode() != 200) {
        throw new LauncherException(
            "联署未被接受：" + sent.body(), "the cosignature was refused: " + sent.body());
      }
      Path tmp = stateDir.resolve("last-cosigned.note.tmp");
      Files.writeString(tmp, cosigned.format());
      Files.move(tmp, lastFile, StandardCopyOption.REPLACE_EXISTING);
      System.out.println("已联署 / cosigned tree size " + size + " as " + witness.name());
      return alerts(http, base);
    }

    /**
     * The prison's alerts (a broken log, business records changed after they were logged), for the
     * witness to act on: printed, and exit code 3 so that a scheduled run reports them.
     */
    private static int alerts(HttpClient http, String base)
        throws IOException, InterruptedException {
      Object parsed =
          cn.xinsheng.audit.CanonicalJson.parseLenient(get(http, base + "/api/v1/audit/alerts"));
      if (!(parsed instanceof java.util.Map<?, ?> a) || Boolean.TRUE.equals(a.get("sound"))) {
        return 0;
      }
      if (a.get("logFailure") instanceof String f) {
        System.out.println("警报 / ALERT: 审计日志未通过自检 / the log failed its self-check: " + f);
      }
      if (a.get("changedRecords") instanceof List<?> list) {
        for (Object o : list) {
          if (o instanceof java.util.Map<?, ?> m) {
            System.out.println("警报 / ALERT: " + m.get("message"));
          }
        }
      }
      return 3;
    }

    /** The prison's key as first seen, kept in the state folder (trust on first use). */
    private NoteKey pinnedLogKey(String served) throws IOException {
      Files.createDirectories(stateDir);
      Path file = stateDir.resolve("log-key.txt");
      if (!Files.exists(file)) {
        Files.writeString(file, served.strip() + "\n");
        System.out.println("已记录监狱公钥 / recorded the prison's key: " + served.strip());
      }
      return NoteKey.parseVerifierKey(Files.readString(file));
    }

    private static String get(HttpClient http, String uri)
        throws IOException, InterruptedException {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(uri)).GET().build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (r.statusCode() != 200) {
        throw new LauncherException(
            "请求失败 " + uri + "：" + r.statusCode(), "request failed " + uri + ": " + r.statusCode());
      }
      return r.body();
    }

    private static String json(String s) {
      StringBuilder sb = new StringBuilder("\"");
      for (char c : s.toCharArray()) {
        if (c == '"' || c == '\\') {
          sb.append('\\').append(c);
        } else if (c < 0x20) {
          sb.append(String.format("\\u%04x", (int) c));
        } else {
          sb.append(c);
        }
      }
      return sb.append('"').toString();
    }
  }
}
