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
 * A SCORM {@code imsmanifest.xml} (SCORM 1.2, or SCORM 2004 3rd/4th edition): the default
 * organization as a table of contents (nested items, in order), and the items that launch something
 * (a SCO or an asset), each with the file it launches. Read with {@link SafeXml}, so a DTD is
 * refused.
 */
public record ScormManifest(String title, String standard, List<Item> items, List<Node> toc) {

  /**
   * One launchable item: its title and the file, relative to the manifest's folder; whether it is a
   * SCO; and what the manifest says about it (SCORM 1.2 {@code adlcp:prerequisites}, {@code
   * adlcp:masteryscore}, {@code adlcp:datafromlms}; 2004 {@code adlcp:dataFromLMS}).
   */
  public record Item(
      String identifier,
      String title,
      String href,
      boolean sco,
      String prerequisites,
      String masteryScore,
      String dataFromLms) {

    /** An item as it was described before 17: no prerequisites, no mastery score. */
    public Item(String identifier, String title, String href, boolean sco) {
      this(identifier, title, href, sco, "", "", "");
    }
  }

  /** A line of the table of contents: an item at its depth, launchable or only a heading. */
  public record Node(String identifier, String title, int depth, boolean launchable) {}

  /** The file a resource's href names, without its query. */
  public static String file(String href) {
    return href.contains("?") ? href.substring(0, href.indexOf('?')) : href;
  }

  public boolean is2004() {
    return "2004".equals(standard);
  }

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
    List<Node> toc = new ArrayList<>();
    collect(org, resources, items, toc, 0);
    if (items.isEmpty()) {
      throw bad("imsmanifest.xml 没有可启动的内容", "imsmanifest.xml has nothing to launch");
    }
    return new ScormManifest(childText(org, "title", "SCORM"), standard(doc), items, toc);
  }

  /**
   * SCORM 2004 when the manifest says so ({@code schemaversion} "2004 3rd/4th Edition" or "CAM
   * 1.3") or uses the 2004 namespaces (adlcp_v1p3, imsss); SCORM 1.2 otherwise.
   */
  static String standard(Document doc) {
    NodeList v = doc.getElementsByTagNameNS("*", "schemaversion");
    for (int i = 0; i < v.getLength(); i++) {
      String t = v.item(i).getTextContent().strip();
      if (t.startsWith("2004") || t.equals("CAM 1.3")) {
        return "2004";
      }
      if (t.equals("1.2")) {
        return "1.2";
      }
    }
    Element root = doc.getDocumentElement();
    var attrs = root.getAttributes();
    for (int i = 0; i < attrs.getLength(); i++) {
      String value = attrs.item(i).getNodeValue();
      if (value.contains("adlcp_v1p3") || value.contains("imsss")) {
        return "2004";
      }
    }
    return "1.2";
  }

  private static void collect(
      Element parent, Map<String, Element> resources, List<Item> out, List<Node> toc, int depth)
      throws ContentRefusal {
    for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof Element e) || !"item".equals(e.getLocalName())) {
        continue;
      }
      String ref = e.getAttribute("identifierref");
      String title = childText(e, "title", e.getAttribute("identifier"));
      if (!ref.isEmpty()) {
        Element r = resources.get(ref);
        if (r == null) {
          throw bad("item 引用了不存在的 resource " + ref, "an item refers to a missing resource " + ref);
        }
        String href = r.getAttribute("href");
        String base = attr(r, "base");
        if (href.isBlank()) {
          throw new ContentRefusal(
              "scormLaunch",
              "resource " + ref + " 没有启动地址（href）",
              "resource " + ref + " has no launch URL (href)");
        }
        String params = e.getAttribute("parameters");
        ContentPackage.safePath(base + file(href));
        String type = attr(r, "scormtype");
        String data = childText(e, "datafromlms", "");
        if (data.isEmpty()) {
          data = childText(e, "dataFromLMS", "");
        }
        out.add(
            new Item(
                e.getAttribute("identifier"),
                title,
                base + href + params,
                !"asset".equalsIgnoreCase(type),
                childText(e, "prerequisites", ""),
                childText(e, "masteryscore", ""),
                data));
      }
      toc.add(new Node(e.getAttribute("identifier"), title, depth, !ref.isEmpty()));
      collect(e, resources, out, toc, depth + 1);
    }
  }

  /**
   * An attribute by its local name in any namespace (adlcp:scormtype, adlcp:scormType, xml:base).
   */
  private static String attr(Element e, String localName) {
    var attrs = e.getAttributes();
    for (int i = 0; i < attrs.getLength(); i++) {
      org.w3c.dom.Node a = attrs.item(i);
      String name = a.getLocalName() != null ? a.getLocalName() : a.getNodeName();
      if (name.contains(":")) {
        name = name.substring(name.indexOf(':') + 1);
      }
      if (name.equalsIgnoreCase(localName)) {
        return a.getNodeValue();
      }
    }
    return "";
  }

  private static String childText(Element e, String name, String fallback) {
    for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && name.equals(c.getLocalName())) {
        return c.getTextContent().strip();
      }
    }
    return fallback;
  }

  /**
   * Reads a SCORM manifest and checks that every item's launch file is in the package: a package
   * whose launch file is missing is refused with its own reason (the learner would otherwise see an
   * error page in the frame).
   */
  public static ScormManifest requireLaunchFiles(Path manifest) throws ContentRefusal, IOException {
    ScormManifest m = read(manifest);
    Path folder = manifest.getParent();
    for (Item i : m.items()) {
      String f = file(i.href());
      if (f.startsWith("http://") || f.startsWith("https://")) {
        throw new ContentRefusal(
            "launchMissing",
            "条目 " + i.identifier() + " 的启动地址指向包外：" + f,
            "item " + i.identifier() + " launches something outside the package: " + f);
      }
      Path p =
          folder
              .resolve(java.net.URLDecoder.decode(f, java.nio.charset.StandardCharsets.UTF_8))
              .normalize();
      if (!p.startsWith(folder) || !Files.isRegularFile(p)) {
        throw new ContentRefusal(
            "launchMissing",
            "条目 " + i.identifier() + "（" + i.title() + "）的启动文件不在包中：" + f,
            "the launch file of item "
                + i.identifier()
                + " ("
                + i.title()
                + ") is not in the package: "
                + f);
      }
    }
    return m;
  }

  /** An item by its identifier, or the first when none is asked for. */
  public Item item(String identifier) {
    if (identifier == null || identifier.isEmpty()) {
      return items.get(0);
    }
    return items.stream().filter(i -> i.identifier().equals(identifier)).findFirst().orElse(null);
  }

  static ContentRefusal bad(String zh, String en) {
    return new ContentRefusal("scorm", zh, en);
  }
}
