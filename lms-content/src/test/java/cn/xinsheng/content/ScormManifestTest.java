package cn.xinsheng.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScormManifestTest {

  @TempDir Path dir;

  static final String MANIFEST =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <manifest identifier="m1" version="1.2" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
                xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
        <organizations default="org1">
          <organization identifier="org1">
            <title>法律常识</title>
            <item identifier="i1" identifierref="r1"><title>第一课 宪法</title></item>
            <item identifier="i2"><title>第二单元</title>
              <item identifier="i3" identifierref="r2"><title>第二课 刑法</title></item>
            </item>
          </organization>
        </organizations>
        <resources>
          <resource identifier="r1" type="webcontent" adlcp:scormtype="sco" href="sco1/index.html"/>
          <resource identifier="r2" type="webcontent" adlcp:scormtype="asset" href="sco2/page.html"/>
        </resources>
      </manifest>
      """;

  @Test
  void theDefaultOrganizationsItemsInOrderWithTheirLaunchFiles() throws Exception {
    Path m = dir.resolve("imsmanifest.xml");
    Files.writeString(m, MANIFEST);
    ScormManifest s = ScormManifest.read(m);
    assertEquals("法律常识", s.title());
    assertEquals(2, s.items().size());
    assertEquals("sco1/index.html", s.items().get(0).href());
    assertTrue(s.items().get(0).sco());
    assertEquals("第二课 刑法", s.items().get(1).title());
  }

  @Test
  void aMissingResourceOrADoctypeIsRefused() throws Exception {
    Path m = dir.resolve("imsmanifest.xml");
    Files.writeString(m, MANIFEST.replace("identifierref=\"r2\"", "identifierref=\"nope\""));
    assertEquals("scorm", assertThrows(ContentRefusal.class, () -> ScormManifest.read(m)).code());
    Files.writeString(
        m,
        MANIFEST.replace(
            "<manifest ", "<!DOCTYPE manifest SYSTEM \"http://evil/x.dtd\"><manifest "));
    assertEquals(
        "xmlEntities", assertThrows(ContentRefusal.class, () -> ScormManifest.read(m)).code());
  }
}
