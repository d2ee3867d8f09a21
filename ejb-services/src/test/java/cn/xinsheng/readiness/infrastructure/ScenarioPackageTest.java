package cn.xinsheng.readiness.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.NoteKey;
import cn.xinsheng.content.ContentLimits;
import cn.xinsheng.content.ContentRefusal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed scenario packages: the shipped ten pack and open; bad packages are refused whole. */
class ScenarioPackageTest {

  private static final String BASE = "/cn/xinsheng/readiness/scenarios/";
  private final NoteKey publisher = NoteKey.generate("publisher.xinsheng-release");

  @TempDir Path temp;

  /** The shipped scenarios as a package folder: scenarios/index.txt and the files it names. */
  private Path shippedFolder(String name) throws IOException {
    Path folder = temp.resolve(name);
    Files.createDirectories(folder.resolve("scenarios"));
    String index = resource("index.txt");
    Files.writeString(folder.resolve("scenarios/index.txt"), index, StandardCharsets.UTF_8);
    for (String line : index.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        Files.writeString(
            folder.resolve("scenarios/" + line.strip()),
            resource(line.strip()),
            StandardCharsets.UTF_8);
      }
    }
    return folder;
  }

  private static String resource(String file) throws IOException {
    try (InputStream in = ScenarioPackageTest.class.getResourceAsStream(BASE + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private Path packed(Path folder) throws Exception {
    Path zip = temp.resolve(folder.getFileName() + ".zip");
    ScenarioPackage.pack(folder, "cn.xinsheng.scenarios", 1, "出监模拟训练", "新生", publisher, zip);
    return zip;
  }

  private ContentRefusal refused(Path zip) {
    return assertThrows(
        ContentRefusal.class,
        () -> ScenarioPackage.open(zip, List.of(publisher), ContentLimits.standard()));
  }

  /** A package signed over the shipped ten, with one file's bytes changed afterwards. */
  private Path rewritten(Path zip, String entry, byte[] bytes, String extra) throws IOException {
    Path out = temp.resolve("rewritten-" + System.nanoTime() + ".zip");
    try (ZipFile in = new ZipFile(zip.toFile());
        ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
      for (ZipEntry e : java.util.Collections.list(in.entries())) {
        z.putNextEntry(new ZipEntry(e.getName()));
        z.write(e.getName().equals(entry) ? bytes : in.getInputStream(e).readAllBytes());
        z.closeEntry();
      }
      if (extra != null) {
        z.putNextEntry(new ZipEntry(extra));
        z.write("{}".getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    return out;
  }

  @Test
  void theShippedTenPackAndOpenInIndexOrderWithTheirSigner() throws Exception {
    Path zip = packed(shippedFolder("good"));
    ScenarioPackage.Verified v =
        ScenarioPackage.open(zip, List.of(publisher), ContentLimits.standard());
    assertEquals(10, v.scenarios().size());
    assertEquals("metro-ticket", v.scenarios().get(0).id());
    assertEquals(publisher.name(), v.signedBy().name());
    assertEquals(11, v.manifest().files().size(), "the index and ten scenarios");
  }

  @Test
  void aScenarioWithAnUnknownScreenOrNoScoringDoesNotEvenPack() throws Exception {
    Path folder = shippedFolder("unknown-screen");
    Path metro = folder.resolve("scenarios/metro-ticket.json");
    Files.writeString(
        metro,
        Files.readString(metro).replaceFirst("\"next\": *\"line\"", "\"next\": \"nowhere\""));
    ContentRefusal r = assertThrows(ContentRefusal.class, () -> packed(folder));
    assertEquals("scenario-invalid", r.code());
    assertTrue(r.zh().contains("metro-ticket.json") && r.zh().contains("nowhere"), r.zh());
    assertTrue(r.en().contains("does not exist"), r.en());

    Path scoring = shippedFolder("no-scoring");
    Path pay = scoring.resolve("scenarios/payment-app.json");
    Files.writeString(
        pay, Files.readString(pay).replaceFirst("\"passScore\": *\\d+", "\"passScore\": 150"));
    ContentRefusal s = assertThrows(ContentRefusal.class, () -> packed(scoring));
    assertTrue(s.en().contains("payment-app.json") && s.en().contains("pass score"), s.en());
  }

  @Test
  void aChangedFileAStrayFileAZipSlipAndAStrangersSignatureAreRefused() throws Exception {
    Path zip = packed(shippedFolder("signed"));
    byte[] metro =
        resource("metro-ticket.json").replace("4元", "5元").getBytes(StandardCharsets.UTF_8);
    assertEquals(
        "tampered", refused(rewritten(zip, "scenarios/metro-ticket.json", metro, null)).code());
    assertEquals("tampered", refused(rewritten(zip, "none", null, "scenarios/extra.json")).code());
    ContentRefusal slip = refused(rewritten(zip, "none", null, "../../etc/cron.d/x.json"));
    assertTrue(slip.en().toLowerCase().contains("path") || slip.code().contains("slip"), slip.en());
    ContentRefusal stranger =
        assertThrows(
            ContentRefusal.class,
            () ->
                ScenarioPackage.open(
                    zip, List.of(NoteKey.generate("someone.else")), ContentLimits.standard()));
    assertEquals("untrusted", stranger.code());
    ContentRefusal small =
        assertThrows(
            ContentRefusal.class,
            () ->
                ScenarioPackage.open(
                    zip, List.of(publisher), new ContentLimits(100, 1000, 2000, 100)));
    assertTrue(small.en().contains("large") || small.en().contains("limit"), small.en());
  }

  @Test
  void anIndexWithoutItsFileOrAFileWithoutItsIndexLineIsRefused() throws Exception {
    Path missing = shippedFolder("missing");
    Files.delete(missing.resolve("scenarios/ride-hailing.json"));
    assertEquals(
        "scenario-missing", assertThrows(ContentRefusal.class, () -> packed(missing)).code());

    Path stray = shippedFolder("stray");
    Files.writeString(stray.resolve("scenarios/notes.json"), "{}");
    ContentRefusal r = assertThrows(ContentRefusal.class, () -> packed(stray));
    assertEquals("scenario-stray", r.code());
    assertTrue(r.zh().contains("notes.json"), r.zh());

    Path noIndex = shippedFolder("no-index");
    Files.delete(noIndex.resolve("scenarios/index.txt"));
    assertEquals(
        "scenario-index", assertThrows(ContentRefusal.class, () -> packed(noIndex)).code());

    Path badName = shippedFolder("bad-name");
    Files.writeString(
        badName.resolve("scenarios/index.txt"),
        Files.readString(badName.resolve("scenarios/index.txt")) + "../secret.json\n");
    assertEquals(
        "scenario-index", assertThrows(ContentRefusal.class, () -> packed(badName)).code());
  }
}
