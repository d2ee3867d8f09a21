package cn.xinsheng.evidence.domain;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * What a file is, from its bytes: an allowlist of photo, video, audio, document and record formats
 * recognised by their signatures; anything else is refused, and executables by name. The file name
 * plays no part. Office files are zip containers and are recognised by their parts, without
 * extracting anything.
 */
public final class ContentSniffer {

  /** A recognised format. */
  public record Detected(EvidenceKind kind, String mediaType, boolean thumbnailable) {}

  /** Why a file is refused: a message key of the bundles. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    private final String key;

    Refused(String key) {
      super(key);
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  private static final int MAX_ZIP_ENTRIES = 10_000;

  private ContentSniffer() {}

  /**
   * @param head the first bytes of the file (at least 64 where the file is that long)
   * @param file the whole file, for containers (zip parts) and text checks
   */
  public static Detected detect(byte[] head, long size, Path file) throws Refused, IOException {
    return detect(head, size, file, UploadLimits.STANDARD);
  }

  /**
   * The one upload policy (issue 14, finding 9): recognised by signature, and then read as what it
   * claims to be within {@code limits} before it is accepted. An image is decoded (a JPEG header
   * followed by HTML was taken as a photo), an Office file is unpacked part by part counting what
   * comes out (a 1 MB ".docx" unpacking to 1 GiB was accepted), and markup (HTML, SVG, XML) is
   * never a document.
   */
  public static Detected detect(byte[] head, long size, Path file, UploadLimits limits)
      throws Refused, IOException {
    Detected d = recognise(head, size, file, limits);
    if (d.kind() == EvidenceKind.PHOTO) {
      decodeImage(file, limits);
    }
    return d;
  }

  private static Detected recognise(byte[] head, long size, Path file, UploadLimits limits)
      throws Refused, IOException {
    if (size == 0) {
      throw new Refused("evidence.error.empty");
    }
    if (isExecutable(head)) {
      throw new Refused("evidence.error.executable");
    }
    Optional<Detected> simple = bySignature(head);
    if (simple.isPresent()) {
      return simple.get();
    }
    if (starts(head, 0, 'P', 'K', 3, 4)) {
      Detected office = container(file);
      unpackWithin(file, limits);
      return office;
    }
    if (starts(head, 0, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
      // old binary Office files may carry macros; the prison takes PDF or the XML formats
      throw new Refused("evidence.error.legacyOffice");
    }
    Optional<Detected> text;
    try {
      text = text(file, size);
    } catch (MarkupRefused m) {
      throw new Refused("upload.error.markup");
    }
    if (text.isPresent()) {
      return text.get();
    }
    throw new Refused("evidence.error.type");
  }

  static boolean isExecutable(byte[] h) {
    return starts(h, 0, 'M', 'Z') // Windows PE
        || starts(h, 0, 0x7F, 'E', 'L', 'F') // ELF
        || starts(h, 0, 0xFE, 0xED, 0xFA, 0xCE)
        || starts(h, 0, 0xFE, 0xED, 0xFA, 0xCF)
        || starts(h, 0, 0xCE, 0xFA, 0xED, 0xFE)
        || starts(h, 0, 0xCF, 0xFA, 0xED, 0xFE) // Mach-O
        || starts(h, 0, 0xCA, 0xFE, 0xBA, 0xBE) // Java class, Mach-O universal
        || (starts(h, 0, '#', '!') && !starts(h, 0, '#', '!', 'A', 'M', 'R')); // scripts
  }

  private static Optional<Detected> bySignature(byte[] h) {
    if (starts(h, 0, 0xFF, 0xD8, 0xFF)) {
      return found(EvidenceKind.PHOTO, "image/jpeg", true);
    }
    if (starts(h, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return found(EvidenceKind.PHOTO, "image/png", true);
    }
    if (starts(h, 0, 'G', 'I', 'F', '8', '7', 'a') || starts(h, 0, 'G', 'I', 'F', '8', '9', 'a')) {
      return found(EvidenceKind.PHOTO, "image/gif", true);
    }
    // WebP: no decoder here to prove it is one (issue 14); phones and PCs export JPEG or PNG
    if (starts(h, 0, 'R', 'I', 'F', 'F') && starts(h, 8, 'W', 'A', 'V', 'E')) {
      return found(EvidenceKind.AUDIO, "audio/wav", false);
    }
    if (starts(h, 0, 'R', 'I', 'F', 'F') && starts(h, 8, 'A', 'V', 'I', ' ')) {
      return found(EvidenceKind.VIDEO, "video/x-msvideo", false);
    }
    if (starts(h, 4, 'f', 't', 'y', 'p')) {
      String brand = h.length >= 12 ? new String(h, 8, 4, StandardCharsets.ISO_8859_1) : "";
      if (brand.startsWith("M4A") || brand.startsWith("M4B")) {
        return found(EvidenceKind.AUDIO, "audio/mp4", false);
      }
      if (brand.equals("qt  ")) {
        return found(EvidenceKind.VIDEO, "video/quicktime", false);
      }
      if (brand.startsWith("heic") || brand.startsWith("heix") || brand.startsWith("mif1")) {
        return Optional.empty(); // HEIC: no browser here shows it; phones can export JPEG
      }
      return found(EvidenceKind.VIDEO, "video/mp4", false);
    }
    if (starts(h, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
      return found(EvidenceKind.VIDEO, "video/webm", false);
    }
    if (starts(h, 0, 'I', 'D', '3')
        || starts(h, 0, 0xFF, 0xFB)
        || starts(h, 0, 0xFF, 0xF3)
        || starts(h, 0, 0xFF, 0xF2)) {
      return found(EvidenceKind.AUDIO, "audio/mpeg", false);
    }
    if (starts(h, 0, 'O', 'g', 'g', 'S')) {
      return found(EvidenceKind.AUDIO, "audio/ogg", false);
    }
    if (starts(h, 0, 'f', 'L', 'a', 'C')) {
      return found(EvidenceKind.AUDIO, "audio/flac", false);
    }
    if (starts(h, 0, '#', '!', 'A', 'M', 'R')) {
      return found(EvidenceKind.AUDIO, "audio/amr", false);
    }
    if (starts(h, 0, '%', 'P', 'D', 'F', '-')) {
      return found(EvidenceKind.DOCUMENT, "application/pdf", false);
    }
    return Optional.empty();
  }

  /** Office Open XML and OpenDocument files, by their parts; any other zip is refused. */
  private static Detected container(Path file) throws Refused, IOException {
    boolean contentTypes = false;
    boolean word = false;
    boolean excel = false;
    boolean powerpoint = false;
    boolean classes = false;
    String odf = null;
    try (ZipFile zip = new ZipFile(file.toFile())) {
      int n = 0;
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        if (++n > MAX_ZIP_ENTRIES) {
          throw new Refused("evidence.error.type");
        }
        String name = e.getName();
        contentTypes |= name.equals("[Content_Types].xml");
        word |= name.startsWith("word/");
        excel |= name.startsWith("xl/");
        powerpoint |= name.startsWith("ppt/");
        classes |= name.endsWith(".class") || name.endsWith(".exe") || name.endsWith(".dll");
        if (name.equals("mimetype") && e.getSize() < 200) {
          try (var in = zip.getInputStream(e)) {
            odf = new String(in.readNBytes(200), StandardCharsets.US_ASCII).strip();
          }
        }
      }
    } catch (ZipException e) {
      throw new Refused("evidence.error.type");
    }
    if (classes) {
      throw new Refused("evidence.error.executable");
    }
    if (contentTypes && word) {
      return new Detected(
          EvidenceKind.DOCUMENT,
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          false);
    }
    if (contentTypes && excel) {
      return new Detected(
          EvidenceKind.RECORD,
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          false);
    }
    if (contentTypes && powerpoint) {
      return new Detected(
          EvidenceKind.DOCUMENT,
          "application/vnd.openxmlformats-officedocument.presentationml.presentation",
          false);
    }
    if (odf != null && odf.startsWith("application/vnd.oasis.opendocument.")) {
      boolean sheet = odf.contains("spreadsheet");
      return new Detected(sheet ? EvidenceKind.RECORD : EvidenceKind.DOCUMENT, odf, false);
    }
    throw new Refused("evidence.error.archive");
  }

  /** Text in UTF-8 or GB18030 (what Chinese office PCs save CSV in): CSV is a record. */
  private static Optional<Detected> text(Path file, long size) throws IOException {
    if (size > 20L << 20) {
      return Optional.empty();
    }
    byte[] all = java.nio.file.Files.readAllBytes(file);
    for (byte b : all) {
      if (b == 0) {
        return Optional.empty();
      }
    }
    String text =
        decode(all, StandardCharsets.UTF_8)
            .or(() -> decode(all, Charset.forName("GB18030")))
            .orElse(null);
    if (text == null) {
      return Optional.empty();
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
        return Optional.empty();
      }
    }
    if (isMarkup(text)) {
      // HTML, SVG and XML run script in a browser: never a "text" document (issue 14)
      throw new MarkupRefused();
    }
    String[] lines = text.split("\r?\n", 3);
    boolean csv = lines.length >= 2 && (lines[0].contains(",") || lines[0].contains("\t"));
    return Optional.of(
        csv
            ? new Detected(EvidenceKind.RECORD, "text/csv", false)
            : new Detected(EvidenceKind.DOCUMENT, "text/plain", false));
  }

  /** Signals markup from inside {@link #text}, which answers Optional. */
  private static final class MarkupRefused extends IOException {
    private static final long serialVersionUID = 1L;
  }

  static boolean isMarkup(String text) {
    String t = text.strip();
    if (!t.isEmpty() && t.charAt(0) == '\uFEFF') {
      t = t.substring(1).strip();
    }
    String lower = t.toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("<")) {
      return true;
    }
    for (String tag :
        new String[] {"<script", "<svg", "<html", "<!doctype", "<?xml", "<iframe", "<body"}) {
      if (lower.contains(tag)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Decodes the whole image, every fourth pixel of every fourth row (all of its data is read, a
   * sixteenth of it kept), after its header said it is no larger than the limit.
   */
  static void decodeImage(Path file, UploadLimits limits) throws Refused {
    try (javax.imageio.stream.ImageInputStream in =
        javax.imageio.ImageIO.createImageInputStream(file.toFile())) {
      java.util.Iterator<javax.imageio.ImageReader> readers =
          javax.imageio.ImageIO.getImageReaders(in);
      if (in == null || !readers.hasNext()) {
        throw new Refused("upload.error.image");
      }
      javax.imageio.ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels <= 0 || pixels > limits.maxImagePixels()) {
          throw new Refused("upload.error.image");
        }
        javax.imageio.ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(4, 4, 0, 0);
        if (reader.read(0, param) == null) {
          throw new Refused("upload.error.image");
        }
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new Refused("upload.error.image");
    }
  }

  /**
   * Unpacks every part of an Office file, counting the bytes that come out rather than believing
   * the sizes the zip declares: past the total, or a part past the ratio, it is a zip bomb.
   */
  static void unpackWithin(Path file, UploadLimits limits) throws Refused, IOException {
    long total = 0;
    byte[] buf = new byte[64 << 10];
    try (ZipFile zip = new ZipFile(file.toFile())) {
      int n = 0;
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        if (++n > limits.maxEntries()) {
          throw new Refused("upload.error.unpacked");
        }
        long packed = Math.max(e.getCompressedSize(), 1);
        long part = 0;
        try (var in = zip.getInputStream(e)) {
          int r;
          while ((r = in.read(buf)) > 0) {
            part += r;
            total += r;
            if (total > limits.maxUnpackedBytes()
                || (part > (1 << 20) && part > packed * limits.maxRatio())) {
              throw new Refused("upload.error.unpacked");
            }
          }
        }
      }
    } catch (ZipException e) {
      throw new Refused("evidence.error.type");
    }
  }

  private static Optional<String> decode(byte[] bytes, Charset charset) {
    try {
      return Optional.of(
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static Optional<Detected> found(EvidenceKind kind, String type, boolean thumbnail) {
    return Optional.of(new Detected(kind, type, thumbnail));
  }

  private static boolean starts(byte[] h, int offset, int... expected) {
    if (h.length < offset + expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if ((h[offset + i] & 0xff) != expected[i]) {
        return false;
      }
    }
    return true;
  }
}
