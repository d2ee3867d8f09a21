package cn.xinsheng.content;

import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.audit.NoteKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Opening a content package: a zip holding {@code manifest.json}, {@code manifest.sig} and the
 * files the manifest lists. {@link #open} checks, in this order, that every entry's path is safe,
 * the signature is a trusted publisher's over the manifest, every file is listed and matches its
 * size and SHA-256 as it is read (with the size and compression-ratio limits applied to the bytes
 * actually inflated), and every XML file has no DTD; it extracts into a fresh folder and deletes
 * that folder again on any refusal, so a refused package leaves nothing behind.
 */
public final class ContentPackage {

  public static final String MANIFEST = "manifest.json";
  public static final String SIGNATURE = "manifest.sig";

  /** A verified package: its manifest, the key that signed it, the folder it was extracted to. */
  public record Opened(Manifest manifest, NoteKey signedBy, Path folder) {}

  /** Told how far extraction has come, for a progress bar. */
  public interface Progress {
    void bytes(long done, long total);
  }

  private ContentPackage() {}

  public static Opened open(
      Path zipFile, List<NoteKey> trusted, ContentLimits limits, Path into, Progress progress)
      throws ContentRefusal, IOException {
    if (Files.exists(into)) {
      throw new IllegalArgumentException(into + " must not exist yet");
    }
    try (ZipFile zip = openZip(zipFile)) {
      Map<String, ZipEntry> entries = entries(zip, limits);
      byte[] manifestBytes = small(zip, entries.get(MANIFEST), MANIFEST, "unsigned");
      byte[] signature = small(zip, entries.get(SIGNATURE), SIGNATURE, "unsigned");
      NoteKey signer = signer(manifestBytes, signature, trusted);
      Manifest manifest = Manifest.parse(manifestBytes);
      if (!Arrays.equals(manifestBytes, manifest.canonicalBytes())) {
        throw Manifest.malformed("not canonical");
      }
      Set<String> listed = new HashSet<>();
      long total = 0;
      for (Manifest.FileEntry f : manifest.files()) {
        String path = safePath(f.path());
        if (!listed.add(path) || path.equals(MANIFEST) || path.equals(SIGNATURE)) {
          throw Manifest.malformed("duplicate " + path);
        }
        if (f.size() > limits.maxFileBytes()) {
          throw oversized(path, f.size(), limits.maxFileBytes());
        }
        total += f.size();
      }
      if (total > limits.maxTotalBytes()) {
        throw oversized("*", total, limits.maxTotalBytes());
      }
      for (String name : entries.keySet()) {
        if (!name.equals(MANIFEST) && !name.equals(SIGNATURE) && !listed.contains(name)) {
          throw new ContentRefusal(
              "tampered",
              "包中有清单未列出的文件：" + name,
              "the package holds a file its manifest does not list: " + name);
        }
      }
      Files.createDirectories(into);
      boolean done = false;
      try {
        long copied = 0;
        for (Manifest.FileEntry f : manifest.files()) {
          ZipEntry e = entries.get(f.path());
          if (e == null) {
            throw new ContentRefusal(
                "tampered",
                "清单列出的文件缺失：" + f.path(),
                "a file the manifest lists is missing: " + f.path());
          }
          Path target = into.resolve(f.path()).normalize();
          if (!target.startsWith(into)) {
            throw zipSlip(f.path());
          }
          Files.createDirectories(target.getParent());
          copied += extract(zip, e, f, target, limits);
          if (progress != null) {
            progress.bytes(copied, total);
          }
          if (f.path().toLowerCase(java.util.Locale.ROOT).endsWith(".xml")) {
            try (InputStream in = Files.newInputStream(target)) {
              SafeXml.parse(in, f.path());
            }
          }
        }
        Files.write(into.resolve(MANIFEST), manifestBytes);
        done = true;
        return new Opened(manifest, signer, into);
      } finally {
        if (!done) {
          deleteTree(into);
        }
      }
    }
  }

  private static ZipFile openZip(Path file) throws ContentRefusal, IOException {
    try {
      return new ZipFile(file.toFile(), StandardCharsets.UTF_8);
    } catch (ZipException e) {
      throw new ContentRefusal(
          "notZip", "不是有效的 ZIP 文件（损坏或被截断）", "not a valid zip file (damaged or truncated)");
    }
  }

  private static Map<String, ZipEntry> entries(ZipFile zip, ContentLimits limits)
      throws ContentRefusal {
    Map<String, ZipEntry> out = new HashMap<>();
    Enumeration<? extends ZipEntry> all = zip.entries();
    int n = 0;
    while (all.hasMoreElements()) {
      ZipEntry e = all.nextElement();
      if (++n > limits.maxEntries()) {
        throw new ContentRefusal(
            "tooManyFiles",
            "包内文件超过 " + limits.maxEntries() + " 个",
            "the package holds more than " + limits.maxEntries() + " files");
      }
      String name = safePath(e.getName());
      if (e.isDirectory()) {
        continue;
      }
      if (out.put(name, e) != null) {
        throw Manifest.malformed("duplicate entry " + name);
      }
    }
    return out;
  }

  /**
   * A path inside the package: relative, forward slashes, no {@code ..}, no drive, no control
   * characters. Anything else is the zip-slip attack (writing outside the target folder).
   */
  static String safePath(String name) throws ContentRefusal {
    if (name == null
        || name.isEmpty()
        || name.length() > 500
        || name.startsWith("/")
        || name.contains("\\")
        || name.contains(":")
        || name.chars().anyMatch(c -> c < 0x20)) {
      throw zipSlip(String.valueOf(name));
    }
    String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    for (String part : trimmed.split("/")) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        throw zipSlip(name);
      }
    }
    return trimmed;
  }

  private static ContentRefusal zipSlip(String name) {
    return new ContentRefusal(
        "zipSlip",
        "包内路径不安全（可能写到目标目录之外）：" + name,
        "an unsafe path in the package (it could write outside its folder): " + name);
  }

  private static ContentRefusal oversized(String path, long size, long limit) {
    return new ContentRefusal(
        "oversized",
        "文件过大：" + path + "（" + size + " 字节，上限 " + limit + "）",
        "too large: " + path + " (" + size + " bytes, limit " + limit + ")");
  }

  private static byte[] small(ZipFile zip, ZipEntry e, String name, String missingCode)
      throws ContentRefusal, IOException {
    if (e == null) {
      throw new ContentRefusal(
          missingCode,
          "包未签名：缺少 " + name + "（请用 bin/xinsheng content pack 签名后再导入）",
          "the package is not signed: no " + name + " (sign it with bin/xinsheng content pack)");
    }
    try (InputStream in = zip.getInputStream(e)) {
      byte[] b = in.readNBytes((1 << 20) + 1);
      if (b.length > 1 << 20) {
        throw oversized(name, b.length, 1 << 20);
      }
      return b;
    }
  }

  private static NoteKey signer(byte[] manifest, byte[] signatureFile, List<NoteKey> trusted)
      throws ContentRefusal {
    String line = new String(signatureFile, StandardCharsets.UTF_8).strip();
    String[] parts = line.split(" ");
    byte[] sig;
    try {
      sig = parts.length == 2 ? Base64.getDecoder().decode(parts[1]) : new byte[0];
    } catch (IllegalArgumentException e) {
      sig = new byte[0];
    }
    if (sig.length != 68) {
      throw new ContentRefusal("unsigned", "manifest.sig 格式不正确", "manifest.sig is not a signature");
    }
    byte[] keyId = Arrays.copyOf(sig, 4);
    byte[] signature = Arrays.copyOfRange(sig, 4, 68);
    boolean known = false;
    for (NoteKey k : trusted) {
      if (k.name().equals(parts[0]) && Arrays.equals(k.keyId((byte) 0x01), keyId)) {
        known = true;
        if (k.verify(manifest, signature)) {
          return k;
        }
      }
    }
    if (!known) {
      throw new ContentRefusal(
          "untrusted",
          "签名者 " + parts[0] + " 不是本监狱信任的发布者（请管理员先登记其公钥）",
          "the signer "
              + parts[0]
              + " is not a publisher this prison trusts (an administrator registers its key first)");
    }
    throw new ContentRefusal(
        "tampered",
        "签名与清单不符：清单在签名后被改动",
        "the signature does not match the manifest: it was changed after signing");
  }

  /** Copies one file, hashing it and counting what is actually inflated. */
  private static long extract(
      ZipFile zip, ZipEntry e, Manifest.FileEntry f, Path target, ContentLimits limits)
      throws ContentRefusal, IOException {
    long compressed = Math.max(e.getCompressedSize(), 1);
    long allowed = Math.min(f.size(), limits.maxFileBytes());
    MessageDigest md = MerkleTree.sha256Digest();
    long n = 0;
    try (InputStream in = zip.getInputStream(e);
        OutputStream out = Files.newOutputStream(target)) {
      byte[] buf = new byte[1 << 16];
      int r;
      while ((r = in.read(buf)) > 0) {
        n += r;
        if (n > allowed) {
          throw new ContentRefusal(
              "tampered",
              "文件 " + f.path() + " 比清单所记大小更大",
              "file " + f.path() + " is larger than its manifest says");
        }
        if (n > 1 << 20 && n / compressed > limits.maxRatio()) {
          throw new ContentRefusal(
              "zipBomb",
              "文件 " + f.path() + " 的压缩比超过 " + limits.maxRatio() + ":1（疑似压缩炸弹）",
              "file " + f.path() + " inflates more than " + limits.maxRatio() + ":1 (a zip bomb?)");
        }
        md.update(buf, 0, r);
        out.write(buf, 0, r);
      }
    } catch (ZipException x) {
      throw new ContentRefusal(
          "notZip", "文件 " + f.path() + " 已损坏", "file " + f.path() + " is damaged");
    }
    if (n != f.size() || !MerkleTree.hex(md.digest()).equals(f.sha256())) {
      throw new ContentRefusal(
          "tampered",
          "文件 " + f.path() + " 与清单中的哈希不符（被改动）",
          "file " + f.path() + " does not match its SHA-256 in the manifest (changed)");
    }
    return n;
  }

  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  // --- packing ---------------------------------------------------------------------------------

  /**
   * Packs a folder into a signed package: every file, the manifest listing them, the signature.
   * What the education office runs on its own PC ({@code bin/xinsheng content pack}).
   */
  public static Manifest pack(
      Path folder, String id, long version, String title, String publisher, NoteKey key, Path out)
      throws IOException, ContentRefusal {
    // the id's rule is the one the prison checks when it opens the package
    Manifest.checkId(id);
    List<Path> files;
    try (var walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    List<Manifest.FileEntry> entries = new ArrayList<>();
    for (Path p : files) {
      String rel = folder.relativize(p).toString().replace(java.io.File.separatorChar, '/');
      if (rel.equals(MANIFEST) || rel.equals(SIGNATURE)) {
        continue;
      }
      safePath(rel);
      String sha;
      try (InputStream in = Files.newInputStream(p)) {
        sha = MerkleTree.sha256Hex(in);
      }
      entries.add(new Manifest.FileEntry(rel, sha, Files.size(p)));
    }
    Manifest m =
        new Manifest(id, version, title, publisher, java.time.Instant.now().toString(), entries);
    byte[] bytes = m.canonicalBytes();
    byte[] sig = key.sign(bytes);
    byte[] keyed = new byte[68];
    System.arraycopy(key.keyId((byte) 0x01), 0, keyed, 0, 4);
    System.arraycopy(sig, 0, keyed, 4, 64);
    try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(out))) {
      zip.putNextEntry(new ZipEntry(MANIFEST));
      zip.write(bytes);
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry(SIGNATURE));
      zip.write(
          (key.name() + " " + Base64.getEncoder().encodeToString(keyed) + "\n")
              .getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      for (int i = 0; i < files.size(); i++) {
        Path p = files.get(i);
        String rel = folder.relativize(p).toString().replace(java.io.File.separatorChar, '/');
        if (rel.equals(MANIFEST) || rel.equals(SIGNATURE)) {
          continue;
        }
        zip.putNextEntry(new ZipEntry(rel));
        Files.copy(p, zip);
        zip.closeEntry();
      }
    }
    return m;
  }
}
