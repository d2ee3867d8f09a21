package cn.xinsheng.launcher;

import cn.xinsheng.audit.MerkleTree;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * The air-gap release bundle (issue 21): one {@code xinsheng-<version>-linux-x64.tar.gz} with a
 * detached Ed25519 signature beside it, and inside it a top folder holding every file, a {@code
 * MANIFEST.sha256} (in {@code sha256sum} format, so a prison's IT can also check it with {@code
 * sha256sum -c}) and {@code MANIFEST.sha256.sig}, the release key's Ed25519 signature of the
 * manifest.
 *
 * <p>Why both signatures: the detached one lets anyone check the file as carried in, before
 * unpacking, with nothing but OpenSSL ({@code openssl pkeyutl -verify -rawin}); the inner one keeps
 * an unpacked copy checkable file by file, so a refusal can name the file that differs, not only
 * say "the bundle does not match".
 *
 * <p>Keys are PEM: the public key as X.509 SubjectPublicKeyInfo, the private key as PKCS#8, which
 * OpenSSL reads too. The key is never taken from the bundle under test: the caller passes the
 * public key he obtained out of band, and every report names its fingerprint (SHA-256 of the DER
 * key) so it can be compared with the printed release record.
 */
final class ReleaseBundle {

  static final String MANIFEST = "MANIFEST.sha256";
  static final String MANIFEST_SIG = "MANIFEST.sha256.sig";
  private static final String ALGORITHM = "Ed25519";

  private ReleaseBundle() {}

  /** What a verification found: empty problems means sound. */
  record Report(String keyFingerprint, int files, List<String> problems) {
    boolean sound() {
      return problems.isEmpty();
    }
  }

  // --- keys -------------------------------------------------------------------------------------

  static KeyPair generateKey() {
    try {
      return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String pem(String type, byte[] der) {
    String b64 =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n";
  }

  static byte[] unpem(String text, String type) {
    String begin = "-----BEGIN " + type + "-----";
    String end = "-----END " + type + "-----";
    int b = text.indexOf(begin);
    int e = text.indexOf(end);
    if (b < 0 || e < b) {
      throw new IllegalArgumentException(
          "不是 PEM 格式的 " + type + " / not a PEM " + type.toLowerCase());
    }
    return Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e));
  }

  static PublicKey readPublicKey(Path file) throws IOException {
    try {
      return KeyFactory.getInstance(ALGORITHM)
          .generatePublic(new X509EncodedKeySpec(unpem(Files.readString(file), "PUBLIC KEY")));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new LauncherException(
          "发布公钥无法读取（需要 Ed25519 PEM）：" + file, "cannot read the release key (Ed25519 PEM): " + file);
    }
  }

  static PrivateKey readPrivateKey(Path file) throws IOException {
    try {
      return KeyFactory.getInstance(ALGORITHM)
          .generatePrivate(new PKCS8EncodedKeySpec(unpem(Files.readString(file), "PRIVATE KEY")));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new LauncherException(
          "发布私钥无法读取（需要 Ed25519 PKCS#8 PEM）：" + file,
          "cannot read the release signing key (Ed25519 PKCS#8 PEM): " + file);
    }
  }

  /** SHA-256 of the DER key, in groups of four hex digits, as printed on the release record. */
  static String fingerprint(PublicKey key) {
    String hex = MerkleTree.sha256Hex(key.getEncoded());
    StringBuilder out = new StringBuilder("SHA256:");
    for (int i = 0; i < hex.length(); i += 4) {
      if (i > 0) {
        out.append(i % 32 == 0 ? "  " : " ");
      }
      out.append(hex, i, i + 4);
    }
    return out.toString();
  }

  static byte[] sign(PrivateKey key, byte[] data) {
    try {
      Signature s = Signature.getInstance(ALGORITHM);
      s.initSign(key);
      s.update(data);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The detached signature: Ed25519 over the file's SHA-512, not over its bytes. Ed25519 cannot be
   * computed in a stream (the JDK holds the whole message), and the bundle is hundreds of MB while
   * the launcher runs in a small heap; signing the digest keeps memory flat. OpenSSL checks it the
   * same way: {@code openssl dgst -sha512 -binary FILE > d; openssl pkeyutl -verify -pubin -inkey
   * release.pub -rawin -in d -sigfile FILE.sig}.
   */
  static byte[] signFile(PrivateKey key, Path file) throws IOException {
    return sign(key, sha512(file));
  }

  static byte[] sha512(Path file) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      MessageDigest md = MessageDigest.getInstance("SHA-512");
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean verify(PublicKey key, byte[] data, byte[] signature) {
    try {
      Signature s = Signature.getInstance(ALGORITHM);
      s.initVerify(key);
      s.update(data);
      return s.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  // --- manifest ----------------------------------------------------------------------------------

  /** Writes MANIFEST.sha256 (every regular file but the two manifest files) and its signature. */
  static int signFolder(Path folder, PrivateKey key) throws IOException {
    Map<String, String> hashes = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          String rel = folder.relativize(p).toString().replace('\\', '/');
          if (!rel.equals(MANIFEST) && !rel.equals(MANIFEST_SIG)) {
            try (InputStream in = Files.newInputStream(p)) {
              hashes.put(rel, MerkleTree.sha256Hex(in));
            }
          }
        }
      }
    }
    StringBuilder manifest = new StringBuilder();
    hashes.forEach((path, hash) -> manifest.append(hash).append("  ").append(path).append('\n'));
    byte[] bytes = manifest.toString().getBytes(StandardCharsets.UTF_8);
    Files.write(folder.resolve(MANIFEST), bytes);
    Files.write(folder.resolve(MANIFEST_SIG), sign(key, bytes));
    return hashes.size();
  }

  /** Checks an unpacked bundle folder: the manifest's signature and every file's hash. */
  static Report verifyFolder(Path folder, PublicKey key) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    Map<String, String> hashes = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        String rel = folder.relativize(p).toString().replace('\\', '/');
        if (Files.isSymbolicLink(p)) {
          problems.add("不应有符号链接 / unexpected symbolic link: " + rel);
        } else if (Files.isRegularFile(p)) {
          if (rel.equals(MANIFEST) || rel.equals(MANIFEST_SIG)) {
            files.put(rel, Files.readAllBytes(p));
          } else {
            try (InputStream in = Files.newInputStream(p)) {
              hashes.put(rel, MerkleTree.sha256Hex(in));
            }
          }
        }
      }
    }
    return compare(key, files.get(MANIFEST), files.get(MANIFEST_SIG), hashes, problems);
  }

  /**
   * Checks a bundle file: its detached signature ({@code FILE.sig} beside it, when given), then
   * every entry against the signed manifest inside, so that a refusal names the file that differs.
   * Refuses entries that would land outside the top folder (absolute, {@code ..}, links).
   */
  static Report verifyArchive(Path archive, Path detachedSignature, PublicKey key)
      throws IOException {
    List<String> problems = new ArrayList<>();
    if (detachedSignature != null) {
      if (!Files.isRegularFile(detachedSignature)) {
        problems.add(
            "缺少分离签名 / the detached signature is missing: " + detachedSignature.getFileName());
      } else {
        byte[] sig = Files.readAllBytes(detachedSignature);
        if (!verify(key, sha512(archive), sig)) {
          problems.add(
              "整个包的签名不符（包被改动，或不是此发布密钥签的）/ the bundle's signature does not match"
                  + " (the file was changed, or not signed by this release key): "
                  + archive.getFileName());
        }
      }
    }
    Map<String, byte[]> manifestFiles = new LinkedHashMap<>();
    Map<String, String> hashes = new TreeMap<>();
    String top = null;
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
        GzipCompressorInputStream gz = new GzipCompressorInputStream(raw);
        TarArchiveInputStream tar = new TarArchiveInputStream(gz, "UTF-8")) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        String name = e.getName();
        if (name.startsWith("/")
            || name.contains("\\")
            || List.of(name.split("/")).contains("..")) {
          problems.add("包内路径越界 / an entry escapes the bundle folder: " + name);
          continue;
        }
        int slash = name.indexOf('/');
        String first = slash < 0 ? name : name.substring(0, slash);
        if (top == null) {
          top = first;
        } else if (!top.equals(first)) {
          problems.add("包内有顶层目录以外的条目 / an entry outside the top folder: " + name);
          continue;
        }
        if (e.isSymbolicLink() || e.isLink()) {
          problems.add("不应有链接 / unexpected link: " + name);
          continue;
        }
        if (!e.isFile() || slash < 0) {
          continue;
        }
        String rel = name.substring(slash + 1);
        if (rel.equals(MANIFEST) || rel.equals(MANIFEST_SIG)) {
          manifestFiles.put(rel, tar.readAllBytes());
        } else {
          if (hashes.containsKey(rel)) {
            problems.add("文件重复出现 / the file appears twice: " + rel);
          }
          hashes.put(rel, MerkleTree.sha256Hex(tar));
        }
      }
    } catch (IOException e) {
      problems.add(
          "包无法读取（损坏或不是 tar.gz）/ the bundle cannot be read (damaged or not a tar.gz): "
              + e.getMessage());
      return new Report(fingerprint(key), 0, problems);
    }
    return compare(
        key, manifestFiles.get(MANIFEST), manifestFiles.get(MANIFEST_SIG), hashes, problems);
  }

  private static Report compare(
      PublicKey key,
      byte[] manifest,
      byte[] manifestSig,
      Map<String, String> actual,
      List<String> problems) {
    if (manifest == null || manifestSig == null) {
      problems.add("缺少签名清单 / the signed manifest is missing: " + MANIFEST);
      return new Report(fingerprint(key), actual.size(), problems);
    }
    if (!verify(key, manifest, manifestSig)) {
      problems.add(
          "清单签名不符（被改动，或不是此发布密钥签的）/ the manifest's signature does not match (changed, or"
              + " not signed by this release key): "
              + MANIFEST);
    }
    Map<String, String> listed = new TreeMap<>();
    for (String line : new String(manifest, StandardCharsets.UTF_8).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      int sep = line.indexOf("  ");
      if (sep != 64) {
        problems.add("清单行格式错误 / a malformed manifest line: " + line);
        continue;
      }
      listed.put(line.substring(sep + 2), line.substring(0, sep));
    }
    for (var entry : listed.entrySet()) {
      String has = actual.get(entry.getKey());
      if (has == null) {
        problems.add("文件缺失 / file missing: " + entry.getKey());
      } else if (!has.equals(entry.getValue())) {
        problems.add("文件被改动（哈希不符）/ file changed (hash differs): " + entry.getKey());
      }
    }
    for (String path : actual.keySet()) {
      if (!listed.containsKey(path)) {
        problems.add("清单外的文件 / file not in the manifest: " + path);
      }
    }
    return new Report(fingerprint(key), listed.size(), problems);
  }
}
