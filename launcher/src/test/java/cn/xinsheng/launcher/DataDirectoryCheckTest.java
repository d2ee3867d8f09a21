package cn.xinsheng.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.launcher.DataDirectoryCheck.Facts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryCheckTest {

  @TempDir Path dataDir;

  private String refusal(Facts facts) {
    return assertThrows(LauncherException.class, () -> DataDirectoryCheck.require(facts, dataDir))
        .getMessage();
  }

  @Test
  void aNewPrisonAndAUsedOneStart() {
    // nothing anywhere: the first start
    DataDirectoryCheck.require(new Facts(false, false, 0, false, 0), dataDir);
    // migrated, no log yet, no key yet: a first start that stopped before the server came up
    DataDirectoryCheck.require(new Facts(true, false, 0, false, 0), dataDir);
    // a prison in use: log and key, evidence rows and files
    DataDirectoryCheck.require(new Facts(true, true, 12, true, 10), dataDir);
  }

  @Test
  void anEmptyDatabaseBesideAnExistingSigningKeyIsRefusedInBothLanguages() {
    String why = refusal(new Facts(false, false, 0, true, 0));
    assertTrue(why.contains("数据库是空的"), why);
    assertTrue(why.contains("the database is empty"), why);
    assertTrue(why.contains(DataDirectoryCheck.signingKey(dataDir).toString()), why);
    // migrated, but the log was never begun under a key that exists: the same refusal
    assertTrue(refusal(new Facts(true, false, 0, true, 0)).contains("holds no audit log"));
  }

  @Test
  void anEmptyDatabaseBesideEvidenceFilesIsRefused() {
    String why = refusal(new Facts(false, false, 0, false, 3));
    assertTrue(why.contains("3 个证据文件") && why.contains("holds 3 evidence files"), why);
  }

  @Test
  void aDatabaseWhoseKeyOrEvidenceIsGoneIsRefused() {
    String key = refusal(new Facts(true, true, 0, false, 0));
    assertTrue(key.contains("签名密钥") && key.contains("signing key") && key.contains("missing"));
    String evidence = refusal(new Facts(true, true, 5, true, 0));
    assertTrue(evidence.contains("5 份证据") && evidence.contains("holds none"), evidence);
  }

  @Test
  void onlyContentAddressedFilesCountAsEvidence() throws Exception {
    Path evidence = DataDirectoryCheck.evidenceDir(dataDir);
    assertEquals(0, DataDirectoryCheck.evidenceFiles(evidence));
    String sha = "ab".repeat(32);
    Path blob = evidence.resolve("ab").resolve("ab").resolve(sha);
    Files.createDirectories(blob.getParent());
    Files.writeString(blob, "x");
    Files.writeString(blob.resolveSibling(sha + ".thumb.jpg"), "x");
    Files.createDirectories(evidence.resolve("tmp"));
    Files.writeString(evidence.resolve("tmp").resolve("upload-1.part"), "x");
    assertEquals(1, DataDirectoryCheck.evidenceFiles(evidence));
  }
}
