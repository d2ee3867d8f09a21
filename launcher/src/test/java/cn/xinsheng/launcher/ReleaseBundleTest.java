package cn.xinsheng.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The air-gap bundle's signatures and checks (issue 21), on small bundles made here. */
class ReleaseBundleTest {

  @TempDir Path tmp;
  private final KeyPair release = ReleaseBundle.generateKey();

  private Path bundleFolder() throws IOException {
    Path b = Files.createDirectories(tmp.resolve("xinsheng-9.9-linux-x64"));
    Files.createDirectories(b.resolve("lib/runtime"));
    Files.writeString(b.resolve("install.sh"), "#!/bin/sh\necho install\n");
    Files.write(b.resolve("lib/runtime/xinsheng.war"), new byte[] {1, 2, 3, 4, 5});
    Files.writeString(b.resolve("VERSION"), "9.9\n");
    assertEquals(3, ReleaseBundle.signFolder(b, release.getPrivate()));
    return b;
  }

  private Path tarGz(Path folder, String extraEntryName) throws IOException {
    Path out = tmp.resolve(folder.getFileName() + ".tar.gz");
    try (OutputStream o = Files.newOutputStream(out);
        GzipCompressorOutputStream gz = new GzipCompressorOutputStream(o);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz, "UTF-8")) {
      try (var walk = Files.walk(folder)) {
        for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
          if (Files.isRegularFile(p)) {
            String name = folder.getFileName() + "/" + folder.relativize(p);
            tar.putArchiveEntry(new TarArchiveEntry(p.toFile(), name));
            Files.copy(p, tar);
            tar.closeArchiveEntry();
          }
        }
      }
      if (extraEntryName != null) {
        TarArchiveEntry e = new TarArchiveEntry(extraEntryName);
        byte[] data = "x".getBytes(StandardCharsets.UTF_8);
        e.setSize(data.length);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
      }
    }
    Files.write(
        out.resolveSibling(out.getFileName() + ".sig"),
        ReleaseBundle.signFile(release.getPrivate(), out));
    return out;
  }

  @Test
  void aSoundFolderAndArchivePass() throws IOException {
    Path folder = bundleFolder();
    assertTrue(ReleaseBundle.verifyFolder(folder, release.getPublic()).sound());
    Path archive = tarGz(folder, null);
    ReleaseBundle.Report r =
        ReleaseBundle.verifyArchive(
            archive, archive.resolveSibling(archive.getFileName() + ".sig"), release.getPublic());
    assertTrue(r.sound(), r.problems().toString());
    assertEquals(3, r.files());
    assertTrue(r.keyFingerprint().startsWith("SHA256:"));
  }

  @Test
  void aChangedFileIsNamed() throws IOException {
    Path folder = bundleFolder();
    Files.write(folder.resolve("lib/runtime/xinsheng.war"), new byte[] {1, 2, 3, 4, 6});
    List<String> problems = ReleaseBundle.verifyFolder(folder, release.getPublic()).problems();
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("file changed (hash differs): lib/runtime/xinsheng.war"));
  }

  @Test
  void missingExtraAndManifestChangesAreRefused() throws IOException {
    Path folder = bundleFolder();
    Files.delete(folder.resolve("VERSION"));
    Files.writeString(folder.resolve("evil.sh"), "rm -rf /\n");
    List<String> problems = ReleaseBundle.verifyFolder(folder, release.getPublic()).problems();
    assertTrue(
        problems.stream().anyMatch(p -> p.contains("file missing: VERSION")), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.contains("not in the manifest: evil.sh")));
    // a manifest rewritten to list the new file no longer carries the release key's signature
    Files.writeString(
        folder.resolve(ReleaseBundle.MANIFEST),
        Files.readString(folder.resolve(ReleaseBundle.MANIFEST)) + "0".repeat(64) + "  evil.sh\n");
    problems = ReleaseBundle.verifyFolder(folder, release.getPublic()).problems();
    assertTrue(problems.stream().anyMatch(p -> p.contains("manifest's signature does not match")));
  }

  @Test
  void anotherKeyIsRefused() throws IOException {
    Path folder = bundleFolder();
    KeyPair other = ReleaseBundle.generateKey();
    assertFalse(ReleaseBundle.verifyFolder(folder, other.getPublic()).sound());
    Path archive = tarGz(folder, null);
    List<String> problems =
        ReleaseBundle.verifyArchive(
                archive, archive.resolveSibling(archive.getFileName() + ".sig"), other.getPublic())
            .problems();
    assertTrue(problems.stream().anyMatch(p -> p.contains("bundle's signature does not match")));
  }

  @Test
  void anArchiveEntryThatEscapesIsRefused() throws IOException {
    Path folder = bundleFolder();
    Path archive = tarGz(folder, "xinsheng-9.9-linux-x64/../../etc/cron.d/evil");
    List<String> problems =
        ReleaseBundle.verifyArchive(archive, null, release.getPublic()).problems();
    assertTrue(
        problems.stream().anyMatch(p -> p.contains("escapes the bundle folder")),
        problems.toString());
  }

  @Test
  void aDamagedArchiveIsRefusedWithoutAStackTrace() throws IOException {
    Path folder = bundleFolder();
    Path archive = tarGz(folder, null);
    byte[] bytes = Files.readAllBytes(archive);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(archive, bytes);
    ReleaseBundle.Report r =
        ReleaseBundle.verifyArchive(
            archive, archive.resolveSibling(archive.getFileName() + ".sig"), release.getPublic());
    assertFalse(r.sound());
    assertTrue(r.problems().stream().anyMatch(p -> p.contains("signature does not match")));
  }

  @Test
  void keysRoundTripThroughPem() throws IOException {
    Path pub = tmp.resolve("release.pub");
    Path priv = tmp.resolve("release.key");
    Files.writeString(pub, ReleaseBundle.pem("PUBLIC KEY", release.getPublic().getEncoded()));
    Files.writeString(priv, ReleaseBundle.pem("PRIVATE KEY", release.getPrivate().getEncoded()));
    byte[] sig = ReleaseBundle.sign(ReleaseBundle.readPrivateKey(priv), new byte[] {7});
    assertTrue(ReleaseBundle.verify(ReleaseBundle.readPublicKey(pub), new byte[] {7}, sig));
    Files.writeString(tmp.resolve("junk.pub"), "not a key");
    assertThrows(
        LauncherException.class, () -> ReleaseBundle.readPublicKey(tmp.resolve("junk.pub")));
  }

  @Test
  void backupKeysDecryptOnlyWithThePassphrase() {
    byte[] secrets = "audit key".getBytes(StandardCharsets.UTF_8);
    byte[] sealed = BackupCommand.encrypt(secrets, "correct horse battery");
    assertArrayEquals(secrets, BackupCommand.decrypt(sealed, "correct horse battery"));
    LauncherException wrong =
        assertThrows(
            LauncherException.class, () -> BackupCommand.decrypt(sealed, "wrong passphrase!!"));
    assertTrue(wrong.getMessage().contains("nothing was written"), wrong.getMessage());
    sealed[sealed.length - 1] ^= 1;
    assertThrows(
        LauncherException.class, () -> BackupCommand.decrypt(sealed, "correct horse battery"));
  }
}
