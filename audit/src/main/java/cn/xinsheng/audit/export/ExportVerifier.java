package cn.xinsheng.audit.export;

import cn.xinsheng.audit.LogVerifier;
import cn.xinsheng.audit.LogVerifier.StoredLeaf;
import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.audit.NoteKey;
import cn.xinsheng.audit.SignedCheckpoint;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Verifies an audit export offline: keys, checkpoints and their signatures, witness cosignatures
 * with their consistency proofs, and every entry. What a court runs on its own PC.
 */
public final class ExportVerifier {

  /** A file that is not a readable export: exit code 2, never a stack trace. */
  public static final class UnreadableExportException extends Exception {
    private static final long serialVersionUID = 1L;

    UnreadableExportException(String zh, String en) {
      super(zh + " / " + en);
    }
  }

  /** The verdict. {@code failure} names the first record that fails; empty when all verify. */
  public record Report(
      long entries,
      long treeSize,
      String rootHex,
      String signedBy,
      int witnesses,
      String scope,
      Optional<String> failure) {

    public boolean verified() {
      return failure.isEmpty();
    }

    /** The one line the verifier prints on success. */
    public String summary() {
      return "verified "
          + entries
          + " entries, tree size "
          + treeSize
          + ", root "
          + rootHex
          + ", signed by "
          + signedBy
          + " (+"
          + witnesses
          + " witnesses)";
    }
  }

  private static final long MAX_LINE = 16L << 20;

  private ExportVerifier() {}

  /**
   * @param pinnedKey the prison's verifier key as the court got it from the prison, if any: the
   *     export's key chain must contain it
   */
  public static Report verify(Path file, Optional<NoteKey> pinnedKey)
      throws UnreadableExportException {
    try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
      return verify(zip, pinnedKey);
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      throw new UnreadableExportException("找不到文件：" + file, "no such file: " + file);
    } catch (ZipException e) {
      throw new UnreadableExportException(
          "不是有效的审计导出文件（ZIP 损坏或被截断）：" + file,
          "not a valid audit export (the zip is damaged or truncated): " + file);
    } catch (IOException e) {
      throw new UnreadableExportException(
          "无法读取 " + file + "：" + e.getMessage(), "cannot read " + file + ": " + e.getMessage());
    }
  }

  private static Report verify(ZipFile zip, Optional<NoteKey> pinnedKey)
      throws IOException, UnreadableExportException {
    Map<String, String> manifest = manifest(zip);
    List<NoteKey> logKeys = keys(zip, ExportFormat.LOG_KEYS, true);
    List<NoteKey> witnesses = keys(zip, ExportFormat.WITNESS_KEYS, false);
    if (pinnedKey.isPresent()) {
      String wanted = pinnedKey.get().verifierKey();
      if (logKeys.stream().noneMatch(k -> k.verifierKey().equals(wanted))) {
        return failed(
            manifest,
            "导出文件中的密钥不含您指定的监狱公钥 / the export's keys do not include the prison key you gave: "
                + pinnedKey.get().label());
      }
    }
    List<SignedCheckpoint> checkpoints = checkpoints(zip);
    if (checkpoints.isEmpty()) {
      throw new UnreadableExportException("导出文件中没有签名检查点", "the export holds no signed checkpoint");
    }
    LogVerifier verifier = new LogVerifier(checkpoints, logKeys, new HashSet<>());
    if (verifier.failure().isPresent()) {
      return failed(manifest, verifier.failure().get().message());
    }
    SignedCheckpoint anchor = verifier.latest().orElseThrow();
    long treeSize = anchor.checkpoint().size();
    boolean wholeLog = ExportFormat.SCOPE_ALL.equals(manifest.get("scope"));
    if (!wholeLog) {
      verifier.asExtract();
    }

    ZipEntry leaves = zip.getEntry(ExportFormat.LEAVES);
    if (leaves == null) {
      throw new UnreadableExportException("导出文件缺少 leaves.txt", "the export has no leaves.txt");
    }
    long declared = parseLong(manifest.get("entries"), "entries");
    try (InputStream in = new BufferedInputStream(zip.getInputStream(leaves), 1 << 16)) {
      LineReader lines = new LineReader(in);
      byte[] line;
      long lineNo = 0;
      while ((line = lines.next()) != null) {
        lineNo++;
        boolean ok = leaf(line, lineNo, wholeLog, verifier);
        if (!ok) {
          break;
        }
      }
      if (verifier.failure().isEmpty() && lineNo != declared) {
        return failed(
            manifest,
            "清单记载 "
                + declared
                + " 条记录，文件中有 "
                + lineNo
                + " 条：记录被删除或添加 / the manifest lists "
                + declared
                + " entries, the file holds "
                + lineNo
                + ": entries were removed or added");
      }
    } catch (ZipException | java.io.EOFException e) {
      throw new UnreadableExportException(
          "leaves.txt 损坏或被截断", "leaves.txt is damaged or truncated: " + e.getMessage());
    }
    LogVerifier.Result result = verifier.finish();
    if (result.failure().isPresent()) {
      return failed(manifest, result.failure().get().message());
    }

    // witnesses: a valid cosignature, consistent with the anchor
    Map<String, List<byte[]>> consistency = consistencyProofs(zip, treeSize);
    int witnessed = 0;
    for (NoteKey witness : witnesses) {
      SignedCheckpoint best = null;
      for (SignedCheckpoint cp : checkpoints) {
        boolean claims = cp.hasCosignatureLine(witness);
        if (!claims) {
          continue;
        }
        if (cp.cosignatureTime(witness).isEmpty()) {
          return failed(
              manifest,
              "见证方 "
                  + witness.name()
                  + " 对检查点 "
                  + cp.checkpoint().size()
                  + " 的联署签名不成立 / the cosignature of witness "
                  + witness.name()
                  + " on the checkpoint at size "
                  + cp.checkpoint().size()
                  + " does not verify");
        }
        if (best == null || cp.checkpoint().size() > best.checkpoint().size()) {
          best = cp;
        }
      }
      if (best == null) {
        continue;
      }
      long size = best.checkpoint().size();
      List<byte[]> proof = consistency.get(size + "\t" + treeSize);
      boolean consistent =
          size == treeSize
              ? Arrays.equals(best.checkpoint().rootHash(), anchor.checkpoint().rootHash())
              : proof != null
                  && MerkleTree.verifyConsistency(
                      size,
                      treeSize,
                      proof,
                      best.checkpoint().rootHash(),
                      anchor.checkpoint().rootHash());
      if (!consistent) {
        return failed(
            manifest,
            "见证方 "
                + witness.name()
                + " 联署的检查点 "
                + size
                + " 与最新检查点不一致 / the checkpoint witness "
                + witness.name()
                + " cosigned at size "
                + size
                + " is not consistent with the latest checkpoint");
      }
      witnessed++;
    }

    return new Report(
        result.leavesChecked(),
        treeSize,
        MerkleTree.hex(anchor.checkpoint().rootHash()),
        result.signedBy() == null ? "?" : result.signedBy().label(),
        witnessed,
        manifest.get("scope"),
        Optional.empty());
  }

  /** One line of leaves.txt: index TAB stored-hash TAB proof TAB json. */
  private static boolean leaf(byte[] line, long lineNo, boolean wholeLog, LogVerifier verifier)
      throws UnreadableExportException {
    int t1 = indexOf(line, 0);
    int t2 = t1 < 0 ? -1 : indexOf(line, t1 + 1);
    int t3 = t2 < 0 ? -1 : indexOf(line, t2 + 1);
    if (t3 < 0 || t2 - t1 - 1 != 64) {
      throw malformedLine(lineNo);
    }
    long index;
    byte[] stored;
    try {
      index = Long.parseLong(new String(line, 0, t1, StandardCharsets.US_ASCII));
      stored = MerkleTree.unhex(new String(line, t1 + 1, 64, StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      throw malformedLine(lineNo);
    }
    byte[] data = Arrays.copyOfRange(line, t3 + 1, line.length);
    StoredLeaf leaf = new StoredLeaf(index, data, stored);
    if (wholeLog) {
      return verifier.accept(leaf);
    }
    String proofText = new String(line, t2 + 1, t3 - t2 - 1, StandardCharsets.US_ASCII);
    List<byte[]> proof = new ArrayList<>();
    if (!proofText.equals(".")) {
      try {
        for (String p : proofText.split(",")) {
          proof.add(MerkleTree.unhex(p));
        }
      } catch (IllegalArgumentException e) {
        throw malformedLine(lineNo);
      }
    }
    return verifier.acceptProven(leaf, proof);
  }

  private static int indexOf(byte[] line, int from) {
    for (int i = from; i < line.length; i++) {
      if (line[i] == '\t') {
        return i;
      }
    }
    return -1;
  }

  private static UnreadableExportException malformedLine(long lineNo) {
    return new UnreadableExportException(
        "leaves.txt 第 " + lineNo + " 行格式错误", "line " + lineNo + " of leaves.txt is malformed");
  }

  private static Report failed(Map<String, String> manifest, String why) {
    return new Report(0, 0, "", "", 0, manifest.get("scope"), Optional.of(why));
  }

  private static Map<String, String> manifest(ZipFile zip)
      throws IOException, UnreadableExportException {
    String text = text(zip, ExportFormat.MANIFEST, true);
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int colon = line.indexOf(": ");
      if (colon > 0) {
        m.put(line.substring(0, colon), line.substring(colon + 2).strip());
      }
    }
    if (!ExportFormat.FORMAT.equals(m.get(ExportFormat.FORMAT_KEY))) {
      throw new UnreadableExportException(
          "不是新生审计导出文件（格式：" + m.get(ExportFormat.FORMAT_KEY) + "）",
          "not a Xinsheng audit export (format: " + m.get(ExportFormat.FORMAT_KEY) + ")");
    }
    return m;
  }

  private static List<NoteKey> keys(ZipFile zip, String name, boolean required)
      throws IOException, UnreadableExportException {
    String text = text(zip, name, required);
    List<NoteKey> keys = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      try {
        keys.add(NoteKey.parseVerifierKey(line));
      } catch (IllegalArgumentException e) {
        throw new UnreadableExportException(
            name + " 中有无效的公钥", name + " holds an invalid key: " + e.getMessage());
      }
    }
    if (required && keys.isEmpty()) {
      throw new UnreadableExportException(name + " 中没有公钥", name + " holds no key");
    }
    return keys;
  }

  private static List<SignedCheckpoint> checkpoints(ZipFile zip)
      throws IOException, UnreadableExportException {
    List<SignedCheckpoint> out = new ArrayList<>();
    Enumeration<? extends ZipEntry> entries = zip.entries();
    while (entries.hasMoreElements()) {
      ZipEntry e = entries.nextElement();
      if (e.getName().startsWith(ExportFormat.CHECKPOINTS) && !e.isDirectory()) {
        try {
          out.add(SignedCheckpoint.parse(text(zip, e.getName(), true)));
        } catch (IllegalArgumentException ex) {
          throw new UnreadableExportException(
              e.getName() + " 不是有效的签名检查点",
              e.getName() + " is not a valid signed checkpoint: " + ex.getMessage());
        }
      }
    }
    return out;
  }

  private static Map<String, List<byte[]>> consistencyProofs(ZipFile zip, long treeSize)
      throws IOException, UnreadableExportException {
    Map<String, List<byte[]>> out = new HashMap<>();
    for (String line : text(zip, ExportFormat.CONSISTENCY, false).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.split("\t");
      try {
        List<byte[]> proof = new ArrayList<>();
        if (!parts[2].equals(".")) {
          for (String p : parts[2].split(",")) {
            proof.add(MerkleTree.unhex(p));
          }
        }
        out.put(parts[0] + "\t" + parts[1], proof);
      } catch (RuntimeException e) {
        throw new UnreadableExportException(
            "proofs/consistency.txt 格式错误", "proofs/consistency.txt is malformed");
      }
    }
    return out;
  }

  private static String text(ZipFile zip, String name, boolean required)
      throws IOException, UnreadableExportException {
    ZipEntry e = zip.getEntry(name);
    if (e == null) {
      if (required) {
        throw new UnreadableExportException("导出文件缺少 " + name, "the export has no " + name);
      }
      return "";
    }
    if (e.getSize() > MAX_LINE) {
      throw new UnreadableExportException(name + " 过大", name + " is too large");
    }
    try (InputStream in = zip.getInputStream(e)) {
      return new String(in.readNBytes((int) MAX_LINE), StandardCharsets.UTF_8);
    }
  }

  private static long parseLong(String value, String what) throws UnreadableExportException {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new UnreadableExportException(
          "清单中的 " + what + " 无效", "the manifest's " + what + " is not a number");
    }
  }

  /** Lines as bytes, without decoding: the entries' bytes are what is hashed. */
  static final class LineReader {
    private final InputStream in;
    private byte[] buf = new byte[1 << 16];
    private int start;
    private int end;
    private boolean eof;

    LineReader(InputStream in) {
      this.in = in;
    }

    byte[] next() throws IOException, UnreadableExportException {
      int scan = start;
      while (true) {
        for (int i = scan; i < end; i++) {
          if (buf[i] == '\n') {
            byte[] line = Arrays.copyOfRange(buf, start, i);
            start = i + 1;
            return line;
          }
        }
        if (eof) {
          if (start < end) {
            throw new UnreadableExportException(
                "leaves.txt 末行不完整（文件被截断？）",
                "the last line of leaves.txt is incomplete (truncated?)");
          }
          return null;
        }
        scan = end;
        if (start > 0) {
          System.arraycopy(buf, start, buf, 0, end - start);
          scan -= start;
          end -= start;
          start = 0;
        }
        if (end == buf.length) {
          if (buf.length >= MAX_LINE) {
            throw new UnreadableExportException(
                "leaves.txt 中有过长的行", "a line of leaves.txt is too long");
          }
          buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
          eof = true;
        } else {
          end += n;
        }
      }
    }
  }
}
