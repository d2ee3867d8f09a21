package cn.xinsheng.audit.export;

import cn.xinsheng.audit.NoteKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a court trusts, obtained outside the export: the prison's log key(s), from the printed key
 * ceremony record or the procuratorate's copy, and the witnesses' keys. A trust file holds one
 * verifier key a line ({@code name+keyid+base64}); the key's own type byte says whether it is a log
 * key (0x01) or a witness's cosignature key (0x04); lines starting with {@code #} are notes.
 */
public final class Trust {

  private final List<NoteKey> logKeys;
  private final List<NoteKey> witnessKeys;

  private Trust(List<NoteKey> logKeys, List<NoteKey> witnessKeys) {
    this.logKeys = List.copyOf(logKeys);
    this.witnessKeys = List.copyOf(witnessKeys);
  }

  public static Trust none() {
    return new Trust(List.of(), List.of());
  }

  public static Trust ofLogKey(NoteKey key) {
    return new Trust(List.of(key), List.of());
  }

  /**
   * Reads trust from key texts or files holding them.
   *
   * @throws IllegalArgumentException naming the line that is not a key
   */
  public static Trust read(List<String> keysOrFiles) throws IOException {
    List<NoteKey> log = new ArrayList<>();
    List<NoteKey> witnesses = new ArrayList<>();
    for (String k : keysOrFiles) {
      Path path = Path.of(k);
      String text;
      try {
        text = Files.isRegularFile(path) ? Files.readString(path, StandardCharsets.UTF_8) : k;
      } catch (java.nio.file.InvalidPathException e) {
        text = k;
      }
      int lineNo = 0;
      for (String line : text.split("\n")) {
        lineNo++;
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        NoteKey key;
        try {
          key = NoteKey.parseVerifierKey(l);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              (Files.isRegularFile(path) ? k + " line " + lineNo + ": " : "") + e.getMessage(), e);
        }
        (NoteKey.isWitnessKeyText(l) ? witnesses : log).add(key);
      }
    }
    return new Trust(log, witnesses);
  }

  public List<NoteKey> logKeys() {
    return logKeys;
  }

  public List<NoteKey> witnessKeys() {
    return witnessKeys;
  }

  public boolean hasLogKey() {
    return !logKeys.isEmpty();
  }

  /** Whether this witness key (by its cosignature key text) is trusted. */
  public boolean trustsWitness(String witnessVerifierKey) {
    return witnessKeys.stream().anyMatch(k -> k.witnessVerifierKey().equals(witnessVerifierKey));
  }

  /** The trust file a court keeps, as the key ceremony prints it. */
  public static String file(NoteKey logKey, List<String> witnessVerifierKeys, String note) {
    StringBuilder sb =
        new StringBuilder()
            .append("# 新生 审计日志 信任文件 / Xinsheng audit-log trust file\n")
            .append("# ")
            .append(note)
            .append('\n')
            .append("# 监狱签名公钥 / the prison's log key; fingerprint ")
            .append(logKey.fingerprint())
            .append('\n')
            .append(logKey.verifierKey())
            .append('\n');
    for (String w : witnessVerifierKeys) {
      sb.append("# 见证方联署公钥 / a witness's cosignature key; fingerprint ")
          .append(NoteKey.fingerprint(w))
          .append('\n')
          .append(w.strip())
          .append('\n');
    }
    return sb.toString();
  }
}
