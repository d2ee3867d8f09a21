package cn.xinsheng.evidence.domain;

import java.util.Optional;

/**
 * The one rule for an uploaded file's name, for evidence and assignment attachments alike (issue
 * 14, finding 9: names with NUL or CRLF were stored). A name is kept as given or refused; it is
 * never silently changed, so what the record shows is what the uploader sent.
 */
public final class UploadName {

  public static final int MAX_LENGTH = 200;

  private UploadName() {}

  /** The name, stripped of surrounding blanks, or empty when it is refused. */
  public static Optional<String> check(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.strip();
    if (n.isEmpty() || n.length() > MAX_LENGTH || n.equals(".") || n.equals("..")) {
      return Optional.empty();
    }
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (Character.isISOControl(c) // NUL, CR, LF, tabs, DEL and the C1 controls
          || c == '/'
          || c == '\\'
          || (c >= 0x202A && c <= 0x202E) // bidi embeddings and overrides: "exe.pdf" tricks
          || (c >= 0x2066 && c <= 0x2069)
          || c == 0x200E
          || c == 0x200F
          || c == 0xFEFF
          || Character.getType(c) == Character.UNASSIGNED
          || Character.isSurrogate(c) && !validPair(n, i)) {
        return Optional.empty();
      }
    }
    return Optional.of(n);
  }

  private static boolean validPair(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
