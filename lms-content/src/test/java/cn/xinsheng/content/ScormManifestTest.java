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
  void theStandardIsReadFromTheSchemaVersionOrTheNamespacesOfEitherEdition() throws Exception {
    Path m = dir.resolve("imsmanifest.xml");
    String withVersion = "<organizations default=\"org1\">";
    for (String version : new String[] {"2004 3rd Edition", "2004 4th Edition", "CAM 1.3"}) {
      Files.writeString(
          m,
          MANIFEST.replace(
              withVersion,
              "<metadata><schema>ADL SCORM</schema><schemaversion>"
                  + version
                  + "</schemaversion></metadata>"
                  + withVersion));
      assertEquals("2004", ScormManifest.read(m).standard(), version);
    }
    Files.writeString(
        m,
        MANIFEST.replace(
            withVersion,
            "<metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>"
                + withVersion));
    assertEquals("1.2", ScormManifest.read(m).standard());
    // no schemaversion: a 3rd edition manifest is known by its namespaces
    Files.writeString(
        m,
        MANIFEST
            .replace(
                "xmlns:adlcp=\"http://www.adlnet.org/xsd/adlcp_rootv1p2\"",
                "xmlns:adlcp=\"http://www.adlnet.org/xsd/adlcp_v1p3\"")
            .replace("adlcp:scormtype", "adlcp:scormType"));
    assertEquals("2004", ScormManifest.read(m).standard());
    Files.writeString(m, MANIFEST);
    assertEquals("1.2", ScormManifest.read(m).standard());
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
