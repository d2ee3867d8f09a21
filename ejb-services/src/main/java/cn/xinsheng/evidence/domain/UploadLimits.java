package cn.xinsheng.evidence.domain;

/**
 * How far the server goes to read an upload before it accepts it (issue 14, finding 9): an image is
 * decoded, an Office file unpacked, each within these bounds; past them the file is refused.
 * Settings {@code xinsheng.upload.*}.
 *
 * @param maxImagePixels width times height an image may have to be decoded at all
 * @param maxUnpackedBytes what all the parts of an Office file may come to unpacked
 * @param maxRatio how many times its packed size one part may unpack to (a zip bomb's tell)
 * @param maxEntries parts an Office file may have
 */
public record UploadLimits(
    long maxImagePixels, long maxUnpackedBytes, int maxRatio, int maxEntries) {

  public static final UploadLimits STANDARD =
      new UploadLimits(50_000_000L, 256L << 20, 200, 10_000);

  public UploadLimits {
    if (maxImagePixels < 1 || maxUnpackedBytes < 1 || maxRatio < 1 || maxEntries < 1) {
      throw new IllegalArgumentException("upload limits must be positive");
    }
  }
}
