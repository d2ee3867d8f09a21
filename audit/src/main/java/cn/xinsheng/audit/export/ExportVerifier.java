package cn.xinsheng.audit.export;

import cn.xinsheng.audit.LogVerifier;
import cn.xinsheng.audit.LogVerifier.StoredLeaf;
import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.audit.NoteKey;
import cn.xinsheng.audit.SignedCheckpoint;
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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
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
      Optional<String> failure,
      List<String> failures) {

    public Report {
      failures = List.copyOf(failures);
    }

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
    boolean casePackage = ExportFormat.CASE_PACKAGE.equals(manifest.get(ExportFormat.PACKAGE_KEY));
    Map<Long, byte[]> verifiedLeaves = casePackage ? new HashMap<>() : null;
    long lines = streamLeaves(zip, leaves, wholeLog, verifier, verifiedLeaves);
    if (verifier.failure().isEmpty() && lines != declared) {
      return failed(
          manifest,
          "清单记载 "
              + declared
              + " 条记录，文件中有 "
              + lines
              + " 条：记录被删除或添加 / the manifest lists "
              + declared
              + " entries, the file holds "
              + lines
              + ": entries were removed or added");
    }
    LogVerifier.Result result = verifier.finish();
    if (casePackage) {
      List<String> problems = new ArrayList<>();
      Map<Long, String> subjects = CasePackageCheck.check(zip, verifiedLeaves, problems);
      for (LogVerifier.Failure f : verifier.failures()) {
        String record = subjects.get(f.entry());
        problems.add(0, record == null ? f.message() : record + ": " + f.message());
      }
      if (!problems.isEmpty()) {
        return new Report(
            result.leavesChecked(),
            treeSize,
            MerkleTree.hex(anchor.checkpoint().rootHash()),
            result.signedBy() == null ? "?" : result.signedBy().label(),
            0,
            manifest.get("scope"),
            Optional.of(problems.get(0)),
            problems);
      }
    } else if (result.failure().isPresent()) {
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
        Optional.empty(),
        List.of());
  }

  /** One parsed line of leaves.txt. */
  private record ParsedLeaf(StoredLeaf leaf, List<byte[]> proof, byte[] leafHash) {}

  private static final List<ParsedLeaf> END = List.of();

  /**
   * Reads leaves.txt on a second thread while this one hashes and checks: reading and parsing cost
   * about as much as hashing, so on two cores the two halves overlap. Returns the number of lines.
   */
  private static long streamLeaves(
      ZipFile zip,
      ZipEntry entry,
      boolean wholeLog,
      LogVerifier verifier,
      Map<Long, byte[]> verifiedLeaves)
      throws UnreadableExportException, IOException {
    BlockingQueue<List<ParsedLeaf>> queue = new ArrayBlockingQueue<>(16);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Exception> problem = new AtomicReference<>();
    long[] lines = {0};
    Thread reader =
        new Thread(
            () -> {
              try (InputStream in = zip.getInputStream(entry)) {
                LineReader lineReader = new LineReader(in);
                List<ParsedLeaf> batch = new ArrayList<>(512);
                while (!stop.get() && lineReader.next()) {
                  batch.add(
                      parse(
                          lineReader.buf,
                          lineReader.lineStart,
                          lineReader.lineEnd,
                          ++lines[0],
                          wholeLog));
                  if (batch.size() == 512) {
                    put(queue, batch, stop);
                    batch = new ArrayList<>(512);
                  }
                }
                put(queue, batch, stop);
              } catch (Exception e) {
                problem.set(e);
              } finally {
                put(queue, END, stop);
              }
            },
            "xinsheng-verify-reader");
    reader.setDaemon(true);
    reader.start();
    try {
      while (true) {
        List<ParsedLeaf> batch = queue.take();
        if (batch == END) {
          break;
        }
        for (ParsedLeaf p : batch) {
          boolean ok =
              wholeLog
                  ? verifier.accept(p.leaf(), p.leafHash())
                  : verifier.acceptProven(p.leaf(), p.proof());
          if (ok && verifiedLeaves != null) {
            verifiedLeaves.put(p.leaf().index(), p.leaf().data());
          }
          if (!ok && (wholeLog || verifier.failure().map(f -> f.entry() < 0).orElse(false))) {
            // a whole log stops at its first break; an extract checks every entry on its own
            stop.set(true);
            break;
          }
        }
        if (stop.get()) {
          break;
        }
      }
      stop.set(true);
      reader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    Exception e = problem.get();
    if (e instanceof UnreadableExportException u) {
      throw u;
    } else if (e instanceof ZipException || e instanceof java.io.EOFException) {
      throw new UnreadableExportException(
          "leaves.txt 损坏或被截断", "leaves.txt is damaged or truncated: " + e.getMessage());
    } else if (e instanceof IOException io) {
      throw io;
    } else if (e != null) {
      throw new IllegalStateException(e);
    }
    return lines[0];
  }

  /** Hands a batch over; gives up once the checking side has stopped (it takes no more). */
  private static void put(
      BlockingQueue<List<ParsedLeaf>> queue, List<ParsedLeaf> batch, AtomicBoolean stop) {
    try {
      while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
        if (stop.get()) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * One line of leaves.txt, {@code index TAB stored-hash TAB proof TAB json}, parsed where it lies
   * in the read buffer: only the entry's data are copied out.
   */
  private static ParsedLeaf parse(byte[] buf, int start, int end, long lineNo, boolean wholeLog)
      throws UnreadableExportException {
    int t1 = indexOf(buf, start, end);
    int t2 = t1 < 0 ? -1 : indexOf(buf, t1 + 1, end);
    int t3 = t2 < 0 ? -1 : indexOf(buf, t2 + 1, end);
    if (t3 < 0 || t2 - t1 - 1 != 64 || t1 == start || t1 - start > 18) {
      throw malformedLine(lineNo);
    }
    long index = 0;
    for (int i = start; i < t1; i++) {
      int digit = buf[i] - '0';
      if (digit < 0 || digit > 9) {
        throw malformedLine(lineNo);
      }
      index = index * 10 + digit;
    }
    byte[] stored = unhex(buf, t1 + 1, lineNo);
    byte[] data = Arrays.copyOfRange(buf, t3 + 1, end);
    StoredLeaf leaf = new StoredLeaf(index, data, stored);
    if (wholeLog) {
      // the reading thread hashes every other entry, so that the two threads share the work
      return new ParsedLeaf(leaf, null, (lineNo & 1) == 0 ? MerkleTree.leafHash(data) : null);
    }
    List<byte[]> proof = new ArrayList<>();
    if (!(t3 - t2 == 2 && buf[t2 + 1] == '.')) {
      for (int p = t2 + 1; p < t3; p += 65) {
        if (p + 64 > t3 || (p + 64 < t3 && buf[p + 64] != ',')) {
          throw malformedLine(lineNo);
        }
        proof.add(unhex(buf, p, lineNo));
      }
    }
    return new ParsedLeaf(leaf, proof, null);
  }

  /** Lower-case hex digit values; -1 for every other byte. */
  private static final byte[] HEX_VALUE = new byte[256];

  static {
    Arrays.fill(HEX_VALUE, (byte) -1);
    for (int i = 0; i < 16; i++) {
      HEX_VALUE["0123456789abcdef".charAt(i)] = (byte) i;
    }
  }

  private static byte[] unhex(byte[] buf, int from, long lineNo) throws UnreadableExportException {
    byte[] out = new byte[32];
    for (int i = 0; i < 32; i++) {
      int hi = HEX_VALUE[buf[from + 2 * i] & 0xff];
      int lo = HEX_VALUE[buf[from + 2 * i + 1] & 0xff];
      if (hi < 0 || lo < 0) {
        throw malformedLine(lineNo);
      }
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }

  private static int indexOf(byte[] buf, int from, int end) {
    for (int i = from; i < end; i++) {
      if (buf[i] == '\t') {
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
    return new Report(0, 0, "", "", 0, manifest.get("scope"), Optional.of(why), List.of(why));
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

  /**
   * Lines as spans of a read buffer, without decoding or copying: the entries' bytes are what is
   * hashed. A span is valid until the next call.
   */
  static final class LineReader {
    private final InputStream in;
    byte[] buf = new byte[1 << 20];
    int lineStart;
    int lineEnd;
    private int start;
    private int end;
    private boolean eof;

    LineReader(InputStream in) {
      this.in = in;
    }

    /** Moves to the next line; false at the end. */
    boolean next() throws IOException, UnreadableExportException {
      int scan = start;
      while (true) {
        for (int i = scan; i < end; i++) {
          if (buf[i] == '\n') {
            lineStart = start;
            lineEnd = i;
            start = i + 1;
            return true;
          }
        }
        if (eof) {
          if (start < end) {
            throw new UnreadableExportException(
                "leaves.txt 末行不完整（文件被截断？）",
                "the last line of leaves.txt is incomplete (truncated?)");
          }
          return false;
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
