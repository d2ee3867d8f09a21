package cn.xinsheng.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.audit.NoteKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each way a package can be bad is refused by name, and a refused package leaves nothing behind.
 */
class ContentPackageTest {

  @TempDir Path dir;

  private final NoteKey publisher = NoteKey.generate("publisher.ouchn");
  private final NoteKey stranger = NoteKey.generate("publisher.ouchn");

  private Path source() throws IOException {
    Path src = dir.resolve("src");
    Files.createDirectories(src.resolve("lessons"));
    Files.writeString(src.resolve("lessons/l1.html"), "<h1>会计是什么</h1><p>会计是以货币为主要计量单位……</p>");
    Files.writeString(src.resolve("course.json"), "{}");
    return src;
  }

  private Path packed(NoteKey key) throws Exception {
    Path out = dir.resolve("pkg-" + System.nanoTime() + ".zip");
    ContentPackage.pack(source(), "cn.ouchn.kj101", 1, "会计学基础", "国家开放大学", key, out);
    return out;
  }

  private ContentRefusal refused(Path zip, ContentLimits limits) {
    Path into = dir.resolve("into-" + System.nanoTime());
    ContentRefusal r =
        assertThrows(
            ContentRefusal.class,
            () -> ContentPackage.open(zip, List.of(publisher), limits, into, null));
    assertFalse(Files.exists(into), "a refused package leaves nothing behind: " + r.code());
    assertFalse(r.zh().isBlank() || r.en().isBlank());
    return r;
  }

  private ContentRefusal refused(Path zip) {
    return refused(zip, ContentLimits.standard());
  }

  private static String sha(byte[] b) throws Exception {
    return MerkleTree.hex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  /** A zip written by hand: a signed manifest over the given files, then the entries given. */
  private Path crafted(Map<String, byte[]> listed, Map<String, byte[]> entries, boolean sign)
      throws Exception {
    List<Manifest.FileEntry> files = new ArrayList<>();
    for (Map.Entry<String, byte[]> f : listed.entrySet()) {
      files.add(new Manifest.FileEntry(f.getKey(), sha(f.getValue()), f.getValue().length));
    }
    Manifest m = new Manifest("cn.ouchn.kj101", 1, "t", "p", "2026-11-24T00:00:00Z", files);
    byte[] bytes = m.canonicalBytes();
    byte[] keyed = new byte[68];
    System.arraycopy(publisher.keyId((byte) 0x01), 0, keyed, 0, 4);
    System.arraycopy(publisher.sign(bytes), 0, keyed, 4, 64);
    Path out = dir.resolve("crafted-" + System.nanoTime() + ".zip");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
      zip.putNextEntry(new ZipEntry(ContentPackage.MANIFEST));
      zip.write(bytes);
      if (sign) {
        zip.putNextEntry(new ZipEntry(ContentPackage.SIGNATURE));
        zip.write(
            (publisher.name() + " " + Base64.getEncoder().encodeToString(keyed))
                .getBytes(StandardCharsets.UTF_8));
      }
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
      }
    }
    return out;
  }

  @Test
  void aSignedPackageOpensAndItsFilesAreExtracted() throws Exception {
    Path into = dir.resolve("ok");
    ContentPackage.Opened o =
        ContentPackage.open(
            packed(publisher), List.of(publisher), ContentLimits.standard(), into, null);
    assertEquals("cn.ouchn.kj101", o.manifest().id());
    assertEquals(publisher.label(), o.signedBy().label());
    assertTrue(Files.readString(into.resolve("lessons/l1.html")).contains("会计"));
  }

  @Test
  void unsignedUntrustedAndTamperedPackagesAreRefused() throws Exception {
    Map<String, byte[]> one = Map.of("a.txt", "甲".getBytes(StandardCharsets.UTF_8));
    assertEquals("unsigned", refused(crafted(one, one, false)).code());
    assertEquals("untrusted", refused(packed(NoteKey.generate("someone.else"))).code());
    // the same name, another key: not the publisher the prison trusted
    assertEquals("untrusted", refused(packed(stranger)).code());
    // a file changed after signing
    Map<String, byte[]> changed = Map.of("a.txt", "乙".getBytes(StandardCharsets.UTF_8));
    assertEquals("tampered", refused(crafted(one, changed, true)).code());
    // a file the manifest does not list
    Map<String, byte[]> extra = new LinkedHashMap<>(one);
    extra.put("evil.sh", "rm -rf /".getBytes(StandardCharsets.UTF_8));
    assertEquals("tampered", refused(crafted(one, extra, true)).code());
    // the manifest itself changed after signing
    Path good = packed(publisher);
    Path edited = dir.resolve("edited.zip");
    try (var in = new java.util.zip.ZipFile(good.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(edited))) {
      for (var e : java.util.Collections.list(in.entries())) {
        byte[] b = in.getInputStream(e).readAllBytes();
        if (e.getName().equals(ContentPackage.MANIFEST)) {
          b =
              new String(b, StandardCharsets.UTF_8)
                  .replace("会计学基础", "会计学提高")
                  .getBytes(StandardCharsets.UTF_8);
        }
        out.putNextEntry(new ZipEntry(e.getName()));
        out.write(b);
      }
    }
    assertEquals("tampered", refused(edited).code());
    // not a zip at all, or cut short
    Path truncated = dir.resolve("cut.zip");
    byte[] all = Files.readAllBytes(good);
    Files.write(truncated, java.util.Arrays.copyOf(all, all.length / 2));
    assertEquals("notZip", refused(truncated).code());
  }

  @Test
  void zipSlipPathsAreRefused() throws Exception {
    for (String path :
        List.of("../evil.txt", "/etc/passwd", "a/../../evil.txt", "C:/win.ini", "a\\..\\b")) {
      Map<String, byte[]> f = Map.of(path, "x".getBytes(StandardCharsets.UTF_8));
      assertEquals("zipSlip", refused(crafted(f, f, true)).code(), path);
    }
  }

  @Test
  void oversizedFilesAndZipBombsAreRefusedByTheBytesActuallyRead() throws Exception {
    byte[] big = new byte[3 << 20];
    Map<String, byte[]> f = Map.of("zeros.bin", big);
    // 3 MiB of zeros inflates ~1000:1
    assertEquals("zipBomb", refused(crafted(f, f, true)).code());
    ContentLimits small = new ContentLimits(100, 1 << 20, 2 << 20, 1000);
    assertEquals("oversized", refused(crafted(f, f, true), small).code());
    ContentLimits fewFiles = new ContentLimits(1, 1 << 30, 1L << 32, 200);
    Map<String, byte[]> two = Map.of("a.txt", new byte[] {1}, "b.txt", new byte[] {2});
    assertEquals("tooManyFiles", refused(crafted(two, two, true), fewFiles).code());
  }

  @Test
  void xmlWithExternalEntitiesIsRefused() throws Exception {
    byte[] xxe =
        ("<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<manifest>&x;</manifest>")
            .getBytes(StandardCharsets.UTF_8);
    Map<String, byte[]> f = Map.of("imsmanifest.xml", xxe);
    assertEquals("xmlEntities", refused(crafted(f, f, true)).code());
    byte[] laughs =
        ("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><l>&b;</l>")
            .getBytes(StandardCharsets.UTF_8);
    Map<String, byte[]> g = Map.of("data/laughs.xml", laughs);
    assertEquals("xmlEntities", refused(crafted(g, g, true)).code());
  }
}
