package cn.xinsheng.content;

/**
 * How big a package may be: its entries, any one file, all files together, and the ratio of a
 * file's size to its compressed size (a zip bomb inflates hundreds of times). Checked against the
 * bytes actually read, never only against what the zip's headers claim.
 */
public record ContentLimits(int maxEntries, long maxFileBytes, long maxTotalBytes, int maxRatio) {

  /**
   * Defaults: 5,000 files, 1 GiB a file, 4 GiB in all, 200:1 (text compresses ~10:1, video ~1:1).
   */
  public static ContentLimits standard() {
    return new ContentLimits(5_000, 1L << 30, 4L << 30, 200);
  }

  public ContentLimits {
    if (maxEntries < 1 || maxFileBytes < 1 || maxTotalBytes < 1 || maxRatio < 1) {
      throw new IllegalArgumentException("content limits are positive");
    }
  }
}
