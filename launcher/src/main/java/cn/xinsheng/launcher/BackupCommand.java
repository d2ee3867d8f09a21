package cn.xinsheng.launcher;

import cn.xinsheng.audit.MerkleTree;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bin/xinsheng backup} and {@code restore} for the embedded database (issue 21).
 *
 * <p>A backup is one tar.gz: {@code database.sql} (a {@code mariadb-dump --single-transaction}, a
 * consistent snapshot of the InnoDB schema while the platform runs), the evidence and content
 * folders, {@code secrets.enc} (the audit signing key, the database and TLS passwords, encrypted
 * with AES-256-GCM under a key derived from the operator's passphrase with PBKDF2), {@code
 * backup.properties} (when, and the audit log's latest checkpoint: size and root) and {@code
 * SHA256SUMS} over all of them.
 *
 * <p>Why the files after the dump: evidence and content files are content-addressed and only ever
 * added, so copying them after the snapshot gives every file the dump refers to (and perhaps a few
 * newer ones nothing refers to yet), never a reference without its file.
 *
 * <p>A restore checks every hash and decrypts the secrets before it writes anything, refuses a data
 * directory that already holds a database, loads the dump into a new embedded database, and says
 * which checkpoint the audit log must verify to.
 */
final class BackupCommand {

  static final String SCHEMA = StartCommand.SCHEMA;
  private static final int PBKDF2_ITERATIONS = 310_000;
  private static final List<String> FILE_FOLDERS = List.of("evidence", "content");

  private BackupCommand() {}

  static String passphrase(Path file) throws IOException {
    if (file == null || !Files.isRegularFile(file)) {
      throw new LauncherException(
          "需要口令文件 --passphrase-file（用来加密备份中的密钥）",
          "a passphrase file is needed, --passphrase-file (it encrypts the keys in the backup)");
    }
    String p = Files.readString(file).strip();
    if (p.length() < 12) {
      throw new LauncherException(
          "备份口令至少 12 个字符", "the backup passphrase must be at least 12 characters");
    }
    return p;
  }

  @Command(
      name = "backup",
      mixinStandardHelpOptions = true,
      description =
          "备份数据库、证据与课程文件和密钥（密钥加密）/ back up the database, evidence and content files and the"
              + " keys (encrypted); the platform may keep running")
  static class Backup implements Callable<Integer> {
    @Option(names = "--data-dir", description = "数据目录 / the data directory (XINSHENG_DATA_DIR)")
    Path dataDir;

    @Option(names = "--db-port", defaultValue = "${env:XINSHENG_DB_EMBEDDED_PORT:-3307}")
    int dbPort;

    @Option(names = "--out", required = true, description = "备份文件 / the backup file (.tar.gz)")
    Path out;

    @Option(names = "--passphrase-file", required = true)
    Path passphraseFile;

    @Mixin ExternalDatabase.Options external = new ExternalDatabase.Options();

    @Override
    public Integer call() throws Exception {
      Path data = InstallFolder.dataDir(dataDir);
      String passphrase = passphrase(passphraseFile);
      if (Files.exists(out)) {
        throw new LauncherException(
            "备份文件已存在，不会覆盖：" + out, "the backup file exists and is never overwritten: " + out);
      }
      EmbeddedDatabase db = new EmbeddedDatabase(data, dbPort);
      ExternalDatabase ext = external.given() ? external.open() : null;
      DatabaseTarget owner = ext != null ? ext.owner() : db.owner(SCHEMA);
      if (ext != null) {
        // the keys and the evidence live in the platform's data directory, not in the database
        if (!Files.isDirectory(data.resolve("secrets"))) {
          throw new LauncherException(
              "数据目录 " + data + " 中没有密钥（secrets/）；请用 --data-dir 指向平台的数据目录",
              "the data directory "
                  + data
                  + " holds no keys (secrets/); point --data-dir at the platform's data directory");
        }
        System.out.println("外部数据库 / external database: " + ext.where());
      }
      Properties meta = new Properties();
      meta.setProperty("format", "xinsheng-backup/1");
      meta.setProperty("database.kind", ext != null ? "external" : "embedded");
      meta.setProperty("database.schema", ext != null ? ext.schema() : SCHEMA);
      meta.setProperty(
          "created", LauncherClock.platform(java.util.Optional.empty()).instant().toString());
      try (var c = owner.connect();
          var s = c.createStatement();
          ResultSet r =
              s.executeQuery(
                  "SELECT tree_size, note FROM audit_checkpoint ORDER BY tree_size DESC LIMIT 1")) {
        if (r.next()) {
          meta.setProperty("audit.size", Long.toString(r.getLong(1)));
          String[] note = r.getString(2).split("\n");
          meta.setProperty("audit.origin", note[0]);
          meta.setProperty("audit.root", note.length > 2 ? note[2] : "");
        }
      } catch (java.sql.SQLException e) {
        throw owner.explain(e);
      }
      Path tmp = Files.createTempDirectory(out.toAbsolutePath().getParent(), ".xinsheng-backup-");
      try {
        Path dump = tmp.resolve("database.sql");
        List<String> command = new ArrayList<>();
        if (ext != null) {
          command.add(db.clientTool("mariadb-dump").toString());
          command.addAll(ext.clientOptions(tmp));
          // no tablespaces: they need the PROCESS right, which a schema owner need not have
          command.add("--no-tablespaces");
        } else {
          command.add(db.executable("mariadb-dump").toString());
          command.add("--no-defaults");
          command.add("--socket=" + db.socket());
          command.add("--user=" + owner.user());
        }
        command.addAll(
            List.of(
                "--single-transaction",
                "--routines",
                "--triggers",
                "--hex-blob",
                "--default-character-set=utf8mb4"));
        if (ext != null) {
          // the schema's tables only, no CREATE DATABASE: a restore names its own schema
          command.add(ext.schema());
        } else {
          command.addAll(List.of("--databases", SCHEMA));
        }
        try {
          runTool(command, null, dump);
        } finally {
          Files.deleteIfExists(tmp.resolve("client.cnf"));
        }
        Map<String, Path> entries = new TreeMap<>();
        entries.put("database.sql", dump);
        for (String folder : FILE_FOLDERS) {
          Path f = data.resolve(folder);
          if (Files.isDirectory(f)) {
            try (Stream<Path> walk = Files.walk(f)) {
              for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                  entries.put(folder + "/" + f.relativize(p).toString().replace('\\', '/'), p);
                }
              }
            }
          }
        }
        Path secrets = tmp.resolve("secrets.enc");
        Files.write(secrets, encrypt(folderBytes(data.resolve("secrets")), passphrase));
        entries.put("secrets.enc", secrets);
        Path metaFile = tmp.resolve("backup.properties");
        try (OutputStream o = Files.newOutputStream(metaFile)) {
          meta.store(o, "Xinsheng backup");
        }
        entries.put("backup.properties", metaFile);
        StringBuilder sums = new StringBuilder();
        for (var e : entries.entrySet()) {
          try (InputStream in = Files.newInputStream(e.getValue())) {
            sums.append(MerkleTree.sha256Hex(in)).append("  ").append(e.getKey()).append('\n');
          }
        }
        Path sumsFile = tmp.resolve("SHA256SUMS");
        Files.writeString(sumsFile, sums);
        entries.put("SHA256SUMS", sumsFile);
        Path partial = tmp.resolve("backup.tar.gz");
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(partial));
            GzipCompressorOutputStream gz = new GzipCompressorOutputStream(o);
            TarArchiveOutputStream tar = new TarArchiveOutputStream(gz, "UTF-8")) {
          tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
          tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
          for (var e : entries.entrySet()) {
            TarArchiveEntry entry = new TarArchiveEntry(e.getValue().toFile(), e.getKey());
            tar.putArchiveEntry(entry);
            Files.copy(e.getValue(), tar);
            tar.closeArchiveEntry();
          }
        }
        // the backup appears whole or not at all
        Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
        restrict(out);
      } finally {
        deleteTree(tmp);
      }
      System.out.println("备份完成 / backup written: " + out);
      System.out.println(
          "审计日志 / audit log: size "
              + meta.getProperty("audit.size", "0")
              + ", root "
              + meta.getProperty("audit.root", "-"));
      return 0;
    }
  }

  @Command(
      name = "restore",
      mixinStandardHelpOptions = true,
      description =
          "从备份恢复到新主机（空数据目录）/ restore a backup onto a fresh host (an empty data directory)")
  static class Restore implements Callable<Integer> {
    @Parameters(paramLabel = "FILE")
    Path backup;

    @Option(names = "--data-dir", description = "数据目录 / the data directory (XINSHENG_DATA_DIR)")
    Path dataDir;

    @Option(names = "--db-port", defaultValue = "${env:XINSHENG_DB_EMBEDDED_PORT:-3307}")
    int dbPort;

    @Option(names = "--passphrase-file", required = true)
    Path passphraseFile;

    @Mixin ExternalDatabase.Options external = new ExternalDatabase.Options();

    @Override
    public Integer call() throws Exception {
      Path data = InstallFolder.dataDir(dataDir);
      String passphrase = passphrase(passphraseFile);
      if (!Files.isRegularFile(backup)) {
        throw new LauncherException("找不到备份文件 " + backup, "backup file not found: " + backup);
      }
      EmbeddedDatabase db = new EmbeddedDatabase(data, dbPort);
      ExternalDatabase ext = external.given() ? external.open() : null;
      if (ext != null) {
        System.out.println("外部数据库 / external database: " + ext.where());
        long tables = ext.tableCount();
        if (tables > 0) {
          throw new LauncherException(
              "目标数据库 " + ext.schema() + " 已有 " + tables + " 张表；恢复只写入新建的空库，不会覆盖",
              "the target database "
                  + ext.schema()
                  + " already holds "
                  + tables
                  + " tables; a restore writes only into a new, empty one and never overwrites");
        }
      }
      if ((ext == null && db.isInitialised())
          || Files.isDirectory(data.resolve("evidence"))
          || Files.isDirectory(data.resolve("secrets").resolve("audit"))) {
        throw new LauncherException(
            "数据目录 " + data + " 已有数据；恢复只写入新的空目录，不会覆盖",
            "the data directory "
                + data
                + " already holds data; a restore writes only into a new, empty one"
                + " and never overwrites");
      }
      Files.createDirectories(data);
      Path staging = Files.createTempDirectory(data, ".restore-");
      try {
        // 1. unpack into staging, refusing paths that escape it
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(backup));
            GzipCompressorInputStream gz = new GzipCompressorInputStream(raw);
            TarArchiveInputStream tar = new TarArchiveInputStream(gz, "UTF-8")) {
          TarArchiveEntry e;
          while ((e = tar.getNextEntry()) != null) {
            Path target = staging.resolve(e.getName()).normalize();
            if (!target.startsWith(staging) || e.isSymbolicLink() || e.isLink()) {
              throw new LauncherException(
                  "备份中有越界路径，拒绝：" + e.getName(),
                  "the backup holds an escaping path, refused: " + e.getName());
            }
            if (e.isFile()) {
              Files.createDirectories(target.getParent());
              Files.copy(tar, target);
            }
          }
        } catch (IOException e) {
          throw new LauncherException(
              "备份文件无法读取（损坏或不是备份）：" + e.getMessage(),
              "the backup cannot be read (damaged, or not a backup): " + e.getMessage());
        }
        // 2. every hash, before anything is written
        Path sums = staging.resolve("SHA256SUMS");
        if (!Files.isRegularFile(sums)) {
          throw new LauncherException("备份缺少 SHA256SUMS", "the backup has no SHA256SUMS");
        }
        for (String line : Files.readAllLines(sums)) {
          if (line.isBlank()) {
            continue;
          }
          String name = line.substring(66);
          Path f = staging.resolve(name).normalize();
          if (!f.startsWith(staging) || !Files.isRegularFile(f)) {
            throw new LauncherException("备份缺少文件：" + name, "the backup is missing a file: " + name);
          }
          try (InputStream in = Files.newInputStream(f)) {
            if (!MerkleTree.sha256Hex(in).equals(line.substring(0, 64))) {
              throw new LauncherException(
                  "备份文件被改动（哈希不符）：" + name,
                  "a file in the backup was changed (hash differs): " + name);
            }
          }
        }
        byte[] secrets = decrypt(Files.readAllBytes(staging.resolve("secrets.enc")), passphrase);
        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(staging.resolve("backup.properties"))) {
          meta.load(in);
        }
        // 3. the database: the dump loads into the schema named here, whichever it came from
        System.out.println("正在恢复数据库 / restoring the database …");
        Path load = staging.resolve("database.load.sql");
        ExternalDatabase.withoutSchemaStatements(staging.resolve("database.sql"), load);
        if (ext != null) {
          List<String> command = new ArrayList<>();
          command.add(db.clientTool("mariadb").toString());
          command.addAll(ext.clientOptions(staging));
          command.add("--default-character-set=utf8mb4");
          command.add("--database=" + ext.schema());
          try {
            runTool(command, load, null);
          } catch (LauncherException e) {
            throw new LauncherException(
                "数据库恢复中断，库 " + ext.schema() + " 只写入了一部分；请删掉其中的表再恢复：" + e.getMessage(),
                "the restore stopped part-way; the database "
                    + ext.schema()
                    + " holds part of the backup: drop its tables and restore again: "
                    + e.getMessage());
          } finally {
            Files.deleteIfExists(staging.resolve("client.cnf"));
          }
        } else {
          try {
            db.start();
            try (var c = db.owner("").connect();
                var s = c.createStatement()) {
              s.execute(
                  "CREATE DATABASE IF NOT EXISTS `"
                      + SCHEMA
                      + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            } catch (java.sql.SQLException e) {
              throw db.owner("").explain(e);
            }
            runTool(
                List.of(
                    db.executable("mariadb").toString(),
                    "--no-defaults",
                    "--socket=" + db.socket(),
                    "--user=" + db.owner("").user(),
                    "--default-character-set=utf8mb4",
                    "--database=" + SCHEMA),
                load,
                null);
            DatabaseHygiene.apply(db.owner(""));
          } finally {
            db.close();
          }
        }
        // 4. the files and the keys
        for (String folder : FILE_FOLDERS) {
          Path from = staging.resolve(folder);
          if (Files.isDirectory(from)) {
            Files.move(from, data.resolve(folder));
          }
        }
        unpackFolder(secrets, Files.createDirectories(data.resolve("secrets")));
        System.out.println(
            "恢复完成 / restore complete: " + data + (ext != null ? " + " + ext.where() : ""));
        System.out.println(
            "启动后审计日志须验证到 / after start the audit log must verify to: size "
                + meta.getProperty("audit.size", "0")
                + ", root "
                + meta.getProperty("audit.root", "-"));
        return 0;
      } finally {
        deleteTree(staging);
      }
    }
  }

  // --- helpers -----------------------------------------------------------------------------------

  private static void runTool(List<String> command, Path stdin, Path stdout) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command);
    // the client reads no option file but the one it is given, and no password from the
    // environment of whoever runs it
    pb.environment().remove("MYSQL_PWD");
    if (stdin != null) {
      pb.redirectInput(stdin.toFile());
    }
    if (stdout != null) {
      pb.redirectOutput(stdout.toFile());
    }
    Path err = Files.createTempFile("xinsheng-tool-", ".log");
    pb.redirectError(err.toFile());
    try {
      Process p = pb.start();
      if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
        p.destroyForcibly();
        String why = Files.readString(err).strip();
        throw new LauncherException(
            Path.of(command.get(0)).getFileName() + " 失败：" + why,
            Path.of(command.get(0)).getFileName() + " failed: " + why);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LauncherException("被中断", "interrupted");
    } finally {
      Files.deleteIfExists(err);
    }
  }

  /** A folder's files as one small tar (the secrets folder holds a few short files). */
  static byte[] folderBytes(Path folder) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, "UTF-8")) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      if (Files.isDirectory(folder)) {
        try (Stream<Path> walk = Files.walk(folder)) {
          for (Path p : (Iterable<Path>) walk::iterator) {
            if (Files.isRegularFile(p)) {
              tar.putArchiveEntry(
                  new TarArchiveEntry(
                      p.toFile(), folder.relativize(p).toString().replace('\\', '/')));
              Files.copy(p, tar);
              tar.closeArchiveEntry();
            }
          }
        }
      }
    }
    return bytes.toByteArray();
  }

  static void unpackFolder(byte[] tarBytes, Path folder) throws IOException {
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new java.io.ByteArrayInputStream(tarBytes), "UTF-8")) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        Path target = folder.resolve(e.getName()).normalize();
        if (!target.startsWith(folder) || !e.isFile()) {
          continue;
        }
        Files.createDirectories(target.getParent());
        Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
        restrict(target);
      }
    }
  }

  /** AES-256-GCM; the file is "XSB1" | salt(16) | iv(12) | ciphertext+tag. */
  static byte[] encrypt(byte[] plain, String passphrase) {
    try {
      SecureRandom random = new SecureRandom();
      byte[] salt = new byte[16];
      byte[] iv = new byte[12];
      random.nextBytes(salt);
      random.nextBytes(iv);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key(passphrase, salt), new GCMParameterSpec(128, iv));
      byte[] ct = c.doFinal(plain);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write("XSB1".getBytes(StandardCharsets.US_ASCII));
      out.write(salt);
      out.write(iv);
      out.write(ct);
      return out.toByteArray();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] decrypt(byte[] file, String passphrase) {
    if (file.length < 4 + 16 + 12 + 16
        || !new String(file, 0, 4, StandardCharsets.US_ASCII).equals("XSB1")) {
      throw new LauncherException("密钥文件格式不对", "the encrypted keys are not in the expected format");
    }
    try {
      byte[] salt = java.util.Arrays.copyOfRange(file, 4, 20);
      byte[] iv = java.util.Arrays.copyOfRange(file, 20, 32);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key(passphrase, salt), new GCMParameterSpec(128, iv));
      return c.doFinal(file, 32, file.length - 32);
    } catch (AEADBadTagException e) {
      throw new LauncherException(
          "口令不对，或密钥文件被改动；什么也没有写入",
          "wrong passphrase, or the keys were changed; nothing was written");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SecretKeySpec key(String passphrase, byte[] salt) throws GeneralSecurityException {
    byte[] k =
        SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
            .generateSecret(new PBEKeySpec(passphrase.toCharArray(), salt, PBKDF2_ITERATIONS, 256))
            .getEncoded();
    return new SecretKeySpec(k, "AES");
  }

  static void restrict(Path file) {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException | IOException e) {
      // not POSIX: the folder's own permissions apply
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    List<Path> all = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.forEach(all::add);
    }
    java.util.Collections.reverse(all);
    for (Path p : all) {
      Files.deleteIfExists(p);
    }
  }
}
