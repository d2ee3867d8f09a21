package cn.xinsheng.lms.infrastructure;

import cn.xinsheng.platform.ChineseFont;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.PathIterator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Chinese words of a courseware SVG image drawn as outlines of the shipped font (issue 17, item
 * 9). An SVG shown as an image cannot load a font, so on a terminal without a CJK system font its
 * {@code <text>} shows boxes; the platform's own SVGs carry outlines already, and a publisher's are
 * given them here when served: each {@code <text>} holding a CJK character becomes a {@code <path>}
 * of the same place, size, fill and anchor, inside a group that keeps the words as its {@code
 * <title>} (for screen readers) and the element's transform. Text without CJK characters, text laid
 * out with {@code <tspan>} positions or on a path, and anything not well-formed are left as they
 * are (the terminal's own fonts draw them). The XML is read without a DTD (no entities, no fetch).
 */
public final class SvgTextOutlines {

  private static final String SVG = "http://www.w3.org/2000/svg";
  private static final Pattern CJK =
      Pattern.compile("[\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF]");
  private static final Pattern NUMBER = Pattern.compile("^\\s*(-?[0-9.]+)");
  private static final Pattern STYLE_SIZE = Pattern.compile("font-size\\s*:\\s*([0-9.]+)(px)?");
  private static final Pattern STYLE_FILL = Pattern.compile("(?:^|;)\\s*fill\\s*:\\s*([^;]+)");
  private static final Pattern STYLE_ANCHOR = Pattern.compile("text-anchor\\s*:\\s*(\\w+)");
  private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);

  private static volatile Font base;

  private SvgTextOutlines() {}

  /** Whether the bytes may hold Chinese text worth drawing (a cheap test before parsing). */
  public static boolean mayNeedOutlines(byte[] svg) {
    String s = new String(svg, java.nio.charset.StandardCharsets.UTF_8);
    return s.contains("<text") && CJK.matcher(s).find();
  }

  /** The SVG with its Chinese text as outlines; the bytes unchanged when there is none to draw. */
  public static byte[] outline(byte[] svg) {
    if (!mayNeedOutlines(svg)) {
      return svg;
    }
    Document doc;
    try {
      doc = parse(svg);
    } catch (Exception e) {
      return svg; // not ours to repair: served as the publisher made it
    }
    NodeList texts = doc.getElementsByTagNameNS(SVG, "text");
    List<Element> todo = new ArrayList<>();
    for (int i = 0; i < texts.getLength(); i++) {
      todo.add((Element) texts.item(i));
    }
    int changed = 0;
    for (Element t : todo) {
      if (replace(doc, t)) {
        changed++;
      }
    }
    if (changed == 0) {
      return svg;
    }
    try {
      Transformer out = TransformerFactory.newInstance().newTransformer();
      out.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      out.transform(new DOMSource(doc), new StreamResult(bytes));
      return bytes.toByteArray();
    } catch (Exception e) {
      return svg;
    }
  }

  private static boolean replace(Document doc, Element t) {
    String words = t.getTextContent() == null ? "" : t.getTextContent().strip();
    if (words.isEmpty() || !CJK.matcher(words).find()) {
      return false;
    }
    // positioned runs and text on a path are laid out by the browser: not redrawn here
    NodeList spans = t.getElementsByTagNameNS(SVG, "tspan");
    for (int i = 0; i < spans.getLength(); i++) {
      Element s = (Element) spans.item(i);
      if (s.hasAttribute("x")
          || s.hasAttribute("y")
          || s.hasAttribute("dx")
          || s.hasAttribute("dy")) {
        return false;
      }
    }
    if (t.getElementsByTagNameNS(SVG, "textPath").getLength() > 0) {
      return false;
    }
    String style = t.getAttribute("style");
    float size = number(t.getAttribute("font-size"), styleValue(STYLE_SIZE, style, 16f));
    float x = number(t.getAttribute("x"), 0f);
    float y = number(t.getAttribute("y"), 0f);
    String anchor =
        t.hasAttribute("text-anchor")
            ? t.getAttribute("text-anchor")
            : styleText(STYLE_ANCHOR, style);
    String fill = t.hasAttribute("fill") ? t.getAttribute("fill") : styleText(STYLE_FILL, style);
    Font font = base().deriveFont(size);
    GlyphVector glyphs = font.createGlyphVector(CONTEXT, words);
    double width = glyphs.getLogicalBounds().getWidth();
    double left = x;
    if ("middle".equals(anchor)) {
      left = x - width / 2;
    } else if ("end".equals(anchor)) {
      left = x - width;
    }
    Shape outline = glyphs.getOutline((float) left, y);
    Element group = doc.createElementNS(SVG, "g");
    for (String keep : List.of("transform", "id", "class", "opacity")) {
      if (t.hasAttribute(keep)) {
        group.setAttribute(keep, t.getAttribute(keep));
      }
    }
    group.setAttribute("role", "img");
    group.setAttribute("aria-label", words);
    Element title = doc.createElementNS(SVG, "title");
    title.setTextContent(words);
    group.appendChild(title);
    Element path = doc.createElementNS(SVG, "path");
    path.setAttribute("d", d(outline));
    path.setAttribute("fill", fill == null || fill.isBlank() ? "currentColor" : fill.strip());
    group.appendChild(path);
    t.getParentNode().replaceChild(group, t);
    return true;
  }

  private static String d(Shape s) {
    StringBuilder b = new StringBuilder();
    double[] c = new double[6];
    for (PathIterator it = s.getPathIterator(null); !it.isDone(); it.next()) {
      switch (it.currentSegment(c)) {
        case PathIterator.SEG_MOVETO -> b.append('M').append(n(c[0])).append(' ').append(n(c[1]));
        case PathIterator.SEG_LINETO -> b.append('L').append(n(c[0])).append(' ').append(n(c[1]));
        case PathIterator.SEG_QUADTO ->
            b.append('Q')
                .append(n(c[0]))
                .append(' ')
                .append(n(c[1]))
                .append(' ')
                .append(n(c[2]))
                .append(' ')
                .append(n(c[3]));
        case PathIterator.SEG_CUBICTO ->
            b.append('C')
                .append(n(c[0]))
                .append(' ')
                .append(n(c[1]))
                .append(' ')
                .append(n(c[2]))
                .append(' ')
                .append(n(c[3]))
                .append(' ')
                .append(n(c[4]))
                .append(' ')
                .append(n(c[5]));
        case PathIterator.SEG_CLOSE -> b.append('Z');
        default -> {
          // no other segment kinds exist
        }
      }
    }
    return b.toString();
  }

  private static String n(double v) {
    return String.format(Locale.ROOT, "%.1f", v).replace(".0", "");
  }

  private static float number(String attribute, float fallback) {
    Matcher m = NUMBER.matcher(attribute == null ? "" : attribute);
    return m.find() ? Float.parseFloat(m.group(1)) : fallback;
  }

  private static float styleValue(Pattern p, String style, float fallback) {
    Matcher m = p.matcher(style == null ? "" : style);
    return m.find() ? Float.parseFloat(m.group(1)) : fallback;
  }

  private static String styleText(Pattern p, String style) {
    Matcher m = p.matcher(style == null ? "" : style);
    return m.find() ? m.group(1) : null;
  }

  private static Font base() {
    Font f = base;
    if (f == null) {
      synchronized (SvgTextOutlines.class) {
        if (base == null) {
          try (InputStream in = ChineseFont.ttf()) {
            base = Font.createFont(Font.TRUETYPE_FONT, in);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } catch (FontFormatException e) {
            throw new IllegalStateException("the shipped font cannot be read", e);
          }
        }
        f = base;
      }
    }
    return f;
  }

  private static Document parse(byte[] svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    f.setNamespaceAware(true);
    DocumentBuilder b = f.newDocumentBuilder();
    b.setErrorHandler(null);
    return b.parse(new ByteArrayInputStream(svg));
  }
}
