package cn.xinsheng.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A SCORM 1.2 {@code imsmanifest.xml}: the default organization's items in order, each with the
 * resource (a SCO or an asset) it launches. Read with {@link SafeXml}, so a DTD is refused.
 */
public record ScormManifest(String title, List<Item> items) {

  /** One launchable item: its title and the file, relative to the manifest's folder. */
  public record Item(String identifier, String title, String href, boolean sco) {}

  public static ScormManifest read(Path manifest) throws ContentRefusal, IOException {
    Document doc;
    try (InputStream in = Files.newInputStream(manifest)) {
      doc = SafeXml.parse(in, "imsmanifest.xml");
    }
    Map<String, Element> resources = new HashMap<>();
    NodeList rs = doc.getElementsByTagNameNS("*", "resource");
    for (int i = 0; i < rs.getLength(); i++) {
      Element r = (Element) rs.item(i);
      resources.put(r.getAttribute("identifier"), r);
    }
    NodeList orgs = doc.getElementsByTagNameNS("*", "organization");
    if (orgs.getLength() == 0) {
      throw bad("imsmanifest.xml 没有 organization", "imsmanifest.xml has no organization");
    }
    Element organizations = (Element) doc.getElementsByTagNameNS("*", "organizations").item(0);
    String wanted = organizations == null ? "" : organizations.getAttribute("default");
    Element org = (Element) orgs.item(0);
    for (int i = 0; i < orgs.getLength(); i++) {
      Element o = (Element) orgs.item(i);
      if (o.getAttribute("identifier").equals(wanted)) {
        org = o;
      }
    }
    List<Item> items = new ArrayList<>();
    collect(org, resources, items, manifest.getParent());
    if (items.isEmpty()) {
      throw bad("imsmanifest.xml 没有可启动的内容", "imsmanifest.xml has nothing to launch");
    }
    return new ScormManifest(childText(org, "title", "SCORM"), items);
  }

  private static void collect(
      Element parent, Map<String, Element> resources, List<Item> out, Path folder)
      throws ContentRefusal {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof Element e) || !"item".equals(e.getLocalName())) {
        continue;
      }
      String ref = e.getAttribute("identifierref");
      if (!ref.isEmpty()) {
        Element r = resources.get(ref);
        if (r == null) {
          throw bad("item 引用了不存在的 resource " + ref, "an item refers to a missing resource " + ref);
        }
        String href = r.getAttribute("href");
        String params = e.getAttribute("parameters");
        ContentPackage.safePath(href.contains("?") ? href.substring(0, href.indexOf('?')) : href);
        String type = r.getAttributeNS("*", "scormtype");
        if (type.isEmpty()) {
          type = r.getAttribute("adlcp:scormtype");
        }
        out.add(
            new Item(
                e.getAttribute("identifier"),
                childText(e, "title", href),
                href + params,
                !"asset".equalsIgnoreCase(type)));
      }
      collect(e, resources, out, folder);
    }
  }

  private static String childText(Element e, String name, String fallback) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && name.equals(c.getLocalName())) {
        return c.getTextContent().strip();
      }
    }
    return fallback;
  }

  static ContentRefusal bad(String zh, String en) {
    return new ContentRefusal("scorm", zh, en);
  }
}
