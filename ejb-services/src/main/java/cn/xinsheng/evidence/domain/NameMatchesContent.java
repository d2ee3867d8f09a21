package cn.xinsheng.evidence.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a file's name says what its content is (issue 18 walk: a text file named {@code .pdf} was
 * kept under that name as {@code text/plain}, and whoever opened "the PDF" got text). The content
 * decides what a file is ({@link ContentSniffer}); a name whose extension names another format is
 * refused, so the record never claims a PDF that is not one. A name without an extension, or with
 * one no format here owns, says nothing and is accepted.
 */
public final class NameMatchesContent {

  /** The name's extension and the format the content really is (a message key of the bundles). */
  public record Mismatch(String extension, String contentKey) {}

  private static final Set<String> TEXT = Set.of("text/plain", "text/csv");
  private static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final String PPTX =
      "application/vnd.openxmlformats-officedocument.presentationml.presentation";

  /** Each extension a format here owns, with the media types its content may have. */
  private static final Map<String, Set<String>> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("jpg", Set.of("image/jpeg")),
          Map.entry("jpeg", Set.of("image/jpeg")),
          Map.entry("jfif", Set.of("image/jpeg")),
          Map.entry("png", Set.of("image/png")),
          Map.entry("gif", Set.of("image/gif")),
          Map.entry("wav", Set.of("audio/wav")),
          Map.entry("avi", Set.of("video/x-msvideo")),
          Map.entry("m4a", Set.of("audio/mp4")),
          Map.entry("mov", Set.of("video/quicktime", "video/mp4")),
          Map.entry("mp4", Set.of("video/mp4", "audio/mp4")),
          Map.entry("m4v", Set.of("video/mp4")),
          Map.entry("webm", Set.of("video/webm")),
          Map.entry("mp3", Set.of("audio/mpeg")),
          Map.entry("ogg", Set.of("audio/ogg")),
          Map.entry("oga", Set.of("audio/ogg")),
          Map.entry("flac", Set.of("audio/flac")),
          Map.entry("amr", Set.of("audio/amr")),
          Map.entry("pdf", Set.of("application/pdf")),
          Map.entry("docx", Set.of(DOCX)),
          Map.entry("xlsx", Set.of(XLSX)),
          Map.entry("pptx", Set.of(PPTX)),
          Map.entry("odt", Set.of("application/vnd.oasis.opendocument.text")),
          Map.entry("ods", Set.of("application/vnd.oasis.opendocument.spreadsheet")),
          Map.entry("odp", Set.of("application/vnd.oasis.opendocument.presentation")),
          // a text file with commas in its first line is read as CSV, and a one-column CSV as text
          Map.entry("txt", TEXT),
          Map.entry("text", TEXT),
          Map.entry("log", TEXT),
          Map.entry("csv", TEXT),
          Map.entry("tsv", TEXT),
          // formats refused by content anyway; named here so a PDF called ".doc" is told it is one
          Map.entry("doc", Set.of()),
          Map.entry("xls", Set.of()),
          Map.entry("ppt", Set.of()),
          Map.entry("heic", Set.of()),
          Map.entry("webp", Set.of()),
          Map.entry("bmp", Set.of()),
          Map.entry("zip", Set.of()),
          Map.entry("rar", Set.of()),
          Map.entry("7z", Set.of()));

  private NameMatchesContent() {}

  /** Empty when the name agrees with the content (or says nothing); else what disagrees. */
  public static Optional<Mismatch> check(String name, String mediaType) {
    String extension = extension(name);
    if (extension == null) {
      return Optional.empty();
    }
    Set<String> allowed = BY_EXTENSION.get(extension.toLowerCase(Locale.ROOT));
    if (allowed == null || allowed.contains(mediaType)) {
      return Optional.empty();
    }
    return Optional.of(new Mismatch("." + extension, contentKey(mediaType)));
  }

  /** The format a media type is, in the user's words: a message key of the bundles. */
  public static String contentKey(String mediaType) {
    if (mediaType == null) {
      return "evidence.content.other";
    }
    if (mediaType.startsWith("image/")) {
      return "evidence.content.image";
    }
    if (mediaType.startsWith("audio/")) {
      return "evidence.content.audio";
    }
    if (mediaType.startsWith("video/")) {
      return "evidence.content.video";
    }
    return switch (mediaType) {
      case "application/pdf" -> "evidence.content.pdf";
      case "text/plain" -> "evidence.content.text";
      case "text/csv" -> "evidence.content.csv";
      case DOCX -> "evidence.content.docx";
      case XLSX -> "evidence.content.xlsx";
      case PPTX -> "evidence.content.pptx";
      default ->
          mediaType.startsWith("application/vnd.oasis.opendocument.")
              ? "evidence.content.odf"
              : "evidence.content.other";
    };
  }

  private static String extension(String name) {
    if (name == null) {
      return null;
    }
    String n = name.strip();
    int dot = n.lastIndexOf('.');
    if (dot <= 0 || dot == n.length() - 1) {
      return null;
    }
    return n.substring(dot + 1);
  }
}
