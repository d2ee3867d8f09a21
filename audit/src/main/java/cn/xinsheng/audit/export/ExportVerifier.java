package cn.xinsheng.audit.export;

import cn.xinsheng.audit.ExtractVerifier;
import cn.xinsheng.audit.Leaf;
import cn.xinsheng.audit.LogVerifier;
import cn.xinsheng.audit.LogVerifier.Failure;
import cn.xinsheng.audit.LogVerifier.Kind;
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
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * with their consistency proofs, every entry, the completeness of an extract, and the business
 * records the entries bind. What a court runs on its own PC. It passes only against a key the court
 * trusts, obtained outside the export.
 */
public final class ExportVerifier {

  /** A file that is not a readable export: exit code 2, never a stack trace. */
  public static final class UnreadableExportException extends Exception {
    private static final long serialVersionUID = 1L;

    UnreadableExportException(String zh, String en) {
      super(zh + " / " + en);
    }
  }

  /**
   * The verdict. {@code failure} names the first record that differs; empty when everything
   * verifies against a trusted key. {@code notes} are what a court should know without it being a
   * failure (a registered witness that has not cosigned yet).
   */
  public record Report(
      long entries,
      long treeSize,
      String rootHex,
      String signedBy,
      int witnesses,
      String scope,
      Optional<String> failure,
      List<String> failures,
      String fingerprint,
      String trustedBy,
      long records,
      List<String> notes) {

    public Report {
      failures = List.copyOf(failures);
      notes = List.copyOf(notes);
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
   * @param pinnedKey the prison's verifier key as the court got it from the prison; without one the
   *     export does not pass
   */
  public static Report verify(Path file, Optional<NoteKey> pinnedKey)
      throws UnreadableExportException {
    return verify(file, pinnedKey.map(Trust::ofLogKey).orElse(Trust.none()), 0);
  }

  /**
   * @param trust the keys the court trusts; the export passes only if one of its log keys signed
   *     the anchor or endorsed the key that did
   * @param requiredWitnesses how many witnesses (trusted, or registered in the signed log) must
   *     have cosigned a checkpoint consistent with the anchor
   */
  public static Report verify(Path file, Trust trust, int requiredWitnesses)
      throws UnreadableExportException {
    try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
      return new ExportVerifier().verify(zip, trust, requiredWitnesses);
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

  private final List<Failure> problems = new ArrayList<>();
  private final List<Failure> witnessProblems = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  /** Witness keys the signed log itself names (registered, or listed in a head), by key text. */
  private final Map<String, String> signedWitnessKeys = new LinkedHashMap<>();

  /** Cosignatures the signed log says the prison received: key text, size, where it says so. */
  private record Expected(
      String witnessKey, String name, byte[] keyId, long size, String where, String line) {}

  private final List<Expected> expected = new ArrayList<>();

  private Report verify(ZipFile zip, Trust trust, int requiredWitnesses)
      throws IOException, UnreadableExportException {
    Map<String, String> manifest = manifest(zip);
    List<NoteKey> logKeys = keys(zip, ExportFormat.LOG_KEYS, true);
    List<NoteKey> listedWitnesses = keys(zip, ExportFormat.WITNESS_KEYS, false);
    List<SignedCheckpoint> checkpoints = checkpoints(zip);
    if (checkpoints.isEmpty()) {
      throw new UnreadableExportException("导出文件中没有签名检查点", "the export holds no signed checkpoint");
    }
    LogVerifier log = new LogVerifier(checkpoints, logKeys, new HashSet<>());
    if (log.failure().isPresent()) {
      return failed(manifest, log.failure().get().message());
    }
    SignedCheckpoint anchor = log.latest().orElseThrow();
    NoteKey signer = logKeys.get(log.signerIndex());
    long treeSize = anchor.checkpoint().size();

    ZipEntry leaves = zip.getEntry(ExportFormat.LEAVES);
    if (leaves == null) {
      throw new UnreadableExportException("导出文件缺少 leaves.txt", "the export has no leaves.txt");
    }
    boolean casePackage =
        ExportFormat.CASE_PACKAGE.equals(manifest.get(ExportFormat.PACKAGE_KEY))
            || zip.getEntry(ExportFormat.CASE_RECORDS) != null
            || zip.getEntry(ExportFormat.CASE_FILES) != null;
    // what the manifest claims is only a claim: an inmate's export must then prove it
    Optional<String> claimedSubject = Optional.empty();
    String claimed = manifest.getOrDefault("scope", "");
    if (claimed.startsWith("inmate ")) {
      claimedSubject = Optional.of("inmate/" + claimed.substring("inmate ".length()).strip());
    }
    boolean whole = isWholeLog(zip, leaves);

    String scope;
    long entries;
    long recordsChecked;
    try (RecordsCheck records = new RecordsCheck(zip)) {
      if (whole) {
        log.onEntry(
            (p, id) -> {
              records.leaf(p, id);
              witnessEvidence(p, id);
            });
        streamLeaves(
            zip,
            leaves,
            true,
            // a line the reading thread left unparsed is parsed here (see streamLeaves)
            p ->
                p.deferred()
                    ? log.accept(p.leaf(), p.leafHash())
                    : log.accept(p.leaf(), p.leafHash(), p.parsed(), p.error()));
        LogVerifier.Result result = log.finish();
        entries = result.leavesChecked();
        if (log.withheld() > 0) {
          notes.add(
              log.withheld()
                  + " 条记录仅有哈希（内容不向此读者提供）：树、次序与签名已核验，主体链未核验 / "
                  + log.withheld()
                  + " entries are given by their hash alone (their content is withheld from this"
                  + " reader): the tree, the order and the signatures are verified, the subject"
                  + " chains are not");
        }
        if (result.failure().isPresent()) {
          problems.add(result.failure().get());
        } else {
          problems.addAll(records.finish());
        }
        scope = "whole log, entries 0–" + (treeSize - 1);
        if (casePackage) {
          problems.add(
              new Failure(
                  Kind.INSERTED,
                  -1,
                  "案卷包应为一名服刑人员的记录，而非整份日志 / a case package holds one inmate's entries,"
                      + " not the whole log"));
        }
      } else {
        ExtractVerifier extract = new ExtractVerifier(anchor, claimedSubject);
        Set<Long> lineIndexes = new HashSet<>();
        streamLeaves(
            zip,
            leaves,
            false,
            p -> {
              extract.accept(p.leaf(), p.proof());
              lineIndexes.add(p.leaf().index());
              return true;
            });
        ExtractVerifier.Verdict verdict = extract.finish();
        problems.addAll(verdict.failures());
        lineIndexes.removeAll(verdict.verified().keySet());
        records.skipping(lineIndexes);
        verdict.verified().forEach((id, p) -> records.leaf(p, id));
        verdict.verified().forEach((id, p) -> witnessEvidence(p, id));
        problems.addAll(records.finish());
        entries = verdict.entries();
        scope = verdict.scope();
        if (casePackage) {
          if (verdict.subject().isEmpty()) {
            problems.add(
                new Failure(
                    Kind.TRUNCATED,
                    -1,
                    "案卷包没有以服刑人员的链头结束，无法证明其完整 / the case package does not end at the"
                        + " inmate's head, so it does not prove it is complete (truncated)"));
          }
          List<String> caseProblems = new ArrayList<>();
          Map<Long, String> subjects =
              CasePackageCheck.check(zip, verdict.verifiedData(), caseProblems);
          for (String c : caseProblems) {
            problems.add(new Failure(Kind.CHANGED, -1, c));
          }
          // a failing entry is named by its record too
          List<Failure> named = new ArrayList<>();
          for (Failure f : problems) {
            String record = subjects.get(f.entry());
            named.add(
                record == null
                        || f.kind() == Kind.TRUNCATED
                        || f.message().startsWith("记录 " + record)
                    ? f
                    : new Failure(f.kind(), f.entry(), record + ": " + f.message()));
          }
          problems.clear();
          problems.addAll(named);
        }
      }
      recordsChecked = records.checked();
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      throw new UnreadableExportException(
          "records.txt 格式错误", "records.txt is malformed: " + e.getMessage());
    }

    int witnessed = witnesses(zip, checkpoints, anchor, trust, listedWitnesses);
    if (requiredWitnesses > witnessed) {
      witnessProblems.add(
          new Failure(
              Kind.SIGNATURE,
              -1,
              "要求 "
                  + requiredWitnesses
                  + " 个见证方联署，只有 "
                  + witnessed
                  + " 个 / "
                  + requiredWitnesses
                  + " witnesses required (--witnesses), "
                  + witnessed
                  + " cosigned a checkpoint consistent with the anchor"));
    }

    String trustedBy = trustedBy(trust, logKeys, log.signerIndex());
    List<Failure> all = new ArrayList<>(problems);
    all.sort(Comparator.comparingLong(f -> f.entry() < 0 ? Long.MAX_VALUE : f.entry()));
    all.addAll(witnessProblems);
    if (trustedBy == null) {
      String why =
          trust.hasLogKey()
              ? "导出文件不是由您信任的监狱公钥签署的 / the export is not signed by a prison key you trust ("
                  + String.join(", ", trust.logKeys().stream().map(NoteKey::label).toList())
                  + "): it is signed by "
                  + signer.label()
                  + ", fingerprint "
                  + signer.fingerprint()
              : "未指定可信的监狱公钥，不能判定通过 / no trusted key given, so the export cannot pass: it is"
                  + " signed by "
                  + signer.label()
                  + ", fingerprint "
                  + signer.fingerprint()
                  + ". Anyone can re-sign a log with a key of their own: obtain the prison's key out"
                  + " of band (the printed key-ceremony record, or the procuratorate witness's copy)"
                  + " and give it with --key or --trust";
      all.add(new Failure(Kind.SIGNATURE, -1, why));
    }
    List<String> messages = all.stream().map(Failure::message).toList();
    return new Report(
        entries,
        treeSize,
        MerkleTree.hex(anchor.checkpoint().rootHash()),
        signer.label(),
        witnessed,
        scope,
        messages.isEmpty() ? Optional.empty() : Optional.of(messages.get(0)),
        messages,
        signer.fingerprint(),
        trustedBy,
        recordsChecked,
        notes);
  }

  /**
   * Which trusted key vouches for the anchor, or null: a trusted key must be in the export's key
   * chain at or before the key that signed the anchor (each key endorsed the next).
   */
  private static String trustedBy(Trust trust, List<NoteKey> chain, int signerIndex) {
    for (NoteKey t : trust.logKeys()) {
      for (int i = 0; i <= signerIndex; i++) {
        if (chain.get(i).verifierKey().equals(t.verifierKey())) {
          return t.label()
              + (i == signerIndex ? "" : " (endorsing " + chain.get(signerIndex).label() + ")");
        }
      }
    }
    return null;
  }

  /** Notes what the signed log says about witnesses: registrations, cosignatures, a head. */
  private void witnessEvidence(Leaf.Parsed p, long index) {
    String action = p.action();
    if (!action.startsWith("audit.")) {
      // the only entries that say something about witnesses (most leaves end here, unparsed)
      return;
    }
    Map<String, Object> payload = p.payload();
    if ("audit.witness.registered".equals(action) && payload.get("key") instanceof String key) {
      signedWitnessKeys.putIfAbsent(key.strip(), "registered in entry " + index);
    } else if ("audit.witness.cosigned".equals(action)
        && payload.get("treeSize") instanceof Long size
        && payload.get("note") instanceof String note) {
      try {
        SignedCheckpoint cosigned = SignedCheckpoint.parse(note);
        for (SignedCheckpoint.NoteSignature line : cosigned.signatures()) {
          expected.add(
              new Expected(null, line.name(), line.keyId(), size, "entry " + index, line.line()));
        }
      } catch (IllegalArgumentException e) {
        // an entry that verified but holds no note: nothing to expect
      }
    } else if (p.headOf().isPresent() && payload.get("witnesses") instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> w && w.get("key") instanceof String key) {
          signedWitnessKeys.putIfAbsent(key.strip(), "named in the head, entry " + index);
          if (w.get("cosigned") instanceof Long size) {
            expected.add(
                new Expected(key.strip(), null, null, size, "the head, entry " + index, null));
          }
        }
      }
    }
  }

  /**
   * Checks every cosignature of a witness the court trusts or the signed log names, with its
   * consistency proof to the anchor; reports a cosignature the log says was received but the export
   * does not carry. Answers how many such witnesses cosigned a checkpoint consistent with the
   * anchor.
   */
  private int witnesses(
      ZipFile zip,
      List<SignedCheckpoint> checkpoints,
      SignedCheckpoint anchor,
      Trust trust,
      List<NoteKey> listed)
      throws IOException, UnreadableExportException {
    long treeSize = anchor.checkpoint().size();
    Map<String, List<byte[]>> consistency = consistencyProofs(zip);
    Map<Long, SignedCheckpoint> bySize = new HashMap<>();
    checkpoints.forEach(c -> bySize.put(c.checkpoint().size(), c));
    Map<String, NoteKey> keys = new LinkedHashMap<>();
    Map<String, String> source = new HashMap<>();
    for (NoteKey k : trust.witnessKeys()) {
      keys.put(k.witnessVerifierKey(), k);
      source.put(k.witnessVerifierKey(), "trusted");
    }
    for (Map.Entry<String, String> e : signedWitnessKeys.entrySet()) {
      try {
        NoteKey k = NoteKey.parseVerifierKey(e.getKey());
        keys.putIfAbsent(k.witnessVerifierKey(), k);
        source.putIfAbsent(k.witnessVerifierKey(), e.getValue());
      } catch (IllegalArgumentException x) {
        // a registration that verified but holds no usable key counts for nothing
      }
    }
    int witnessed = 0;
    for (NoteKey witness : keys.values()) {
      String text = witness.witnessVerifierKey();
      boolean good = false;
      for (SignedCheckpoint cp : checkpoints) {
        if (!cp.hasCosignatureLine(witness)) {
          continue;
        }
        long size = cp.checkpoint().size();
        if (cp.cosignatureTime(witness).isEmpty()) {
          witnessProblems.add(
              new Failure(
                  Kind.SIGNATURE,
                  -1,
                  "见证方 "
                      + witness.name()
                      + " 对检查点 "
                      + size
                      + " 的联署签名不成立 / the cosignature of witness "
                      + witness.name()
                      + " on the checkpoint at size "
                      + size
                      + " does not verify"));
          continue;
        }
        List<byte[]> proof = consistency.get(size + "\t" + treeSize);
        boolean consistent =
            size == treeSize
                ? Arrays.equals(cp.checkpoint().rootHash(), anchor.checkpoint().rootHash())
                : size < treeSize
                    && proof != null
                    && MerkleTree.verifyConsistency(
                        size,
                        treeSize,
                        proof,
                        cp.checkpoint().rootHash(),
                        anchor.checkpoint().rootHash());
        if (!consistent) {
          witnessProblems.add(
              new Failure(
                  Kind.SIGNATURE,
                  -1,
                  "见证方 "
                      + witness.name()
                      + " 联署的检查点 "
                      + size
                      + " 与最新检查点不一致 / the checkpoint witness "
                      + witness.name()
                      + " cosigned at size "
                      + size
                      + " is not consistent with the latest checkpoint"));
          continue;
        }
        good = true;
      }
      // every cosignature the signed log says was received must be here
      for (Expected e : expected) {
        boolean mine =
            text.equals(e.witnessKey())
                || (e.witnessKey() == null
                    && e.name().equals(witness.name())
                    && Arrays.equals(e.keyId(), witness.cosignatureKeyId()));
        if (!mine || e.size() > treeSize) {
          continue;
        }
        SignedCheckpoint cp = bySize.get(e.size());
        boolean carried =
            cp != null
                && cp.cosignatureTime(witness).isPresent()
                && (e.line() == null
                    || cp.signatures().stream().anyMatch(s -> s.line().equals(e.line())));
        if (!carried) {
          witnessProblems.add(
              new Failure(
                  Kind.MISSING,
                  -1,
                  "见证方 "
                      + witness.name()
                      + " 对检查点 "
                      + e.size()
                      + " 的联署签名缺失（被删除）："
                      + e.where()
                      + " 记载了它 / the cosignature of witness "
                      + witness.name()
                      + " on the checkpoint at size "
                      + e.size()
                      + " is missing (removed): "
                      + e.where()
                      + " records that the prison received it"));
        }
      }
      if (good) {
        witnessed++;
      } else {
        notes.add(
            "见证方 "
                + witness.name()
                + "（"
                + source.get(text)
                + "）在本导出文件中没有联署 / witness "
                + witness.name()
                + " ("
                + source.get(text)
                + ") has no cosignature in this export");
      }
    }
    for (NoteKey w : listed) {
      if (!keys.containsKey(w.witnessVerifierKey())) {
        notes.add(
            "keys/witnesses.txt 列出的见证方 "
                + w.name()
                + " 既未被信任文件信任，也未在签名的日志中登记，不计入 / witness "
                + w.name()
                + " listed in keys/witnesses.txt is neither trusted nor registered in the signed"
                + " log, so it does not count");
      }
    }
    return witnessed;
  }

  private static boolean isWholeLog(ZipFile zip, ZipEntry leaves)
      throws IOException, UnreadableExportException {
    try (InputStream in = zip.getInputStream(leaves)) {
      LineReader r = new LineReader(in);
      if (!r.next()) {
        return false;
      }
      // index TAB hash TAB proof TAB …: a whole log has "-" for every proof
      int tabs = 0;
      for (int i = r.lineStart; i < r.lineEnd; i++) {
        if (r.buf[i] == '\t' && ++tabs == 2) {
          return i + 2 < r.lineEnd && r.buf[i + 1] == '-' && r.buf[i + 2] == '\t';
        }
      }
      return false;
    }
  }

  /** One parsed line of leaves.txt. */
  private record ParsedLeaf(
      StoredLeaf leaf,
      List<byte[]> proof,
      byte[] leafHash,
      Leaf.Parsed parsed,
      String error,
      boolean deferred) {
    ParsedLeaf(
        StoredLeaf leaf, List<byte[]> proof, byte[] leafHash, Leaf.Parsed parsed, String error) {
      this(leaf, proof, leafHash, parsed, error, false);
    }
  }

  private static final List<ParsedLeaf> END = List.of();

  /** Takes each parsed line; false is noted, the reading goes on (to name a break exactly). */
  @FunctionalInterface
  private interface LineSink {
    boolean accept(ParsedLeaf line);
  }

  /**
   * Reads leaves.txt on a second thread while this one checks: reading and parsing cost about as
   * much as hashing, so on two cores the two halves overlap. Returns the number of lines.
   *
   * <p>Who parses a leaf's fields is decided batch by batch (issue 22): the profile showed the
   * reading thread busy with parsing while the checking thread waited for it. So the reader parses
   * a batch itself only while the checker has work queued; when the checker is waiting, the reader
   * hands the batch over with the fields unparsed and the checker parses them. Either way each leaf
   * is parsed exactly once, by the same code.
   */
  private static long streamLeaves(ZipFile zip, ZipEntry entry, boolean wholeLog, LineSink sink)
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
                boolean parseHere = true;
                boolean hashHere = false;
                while (!stop.get() && lineReader.next()) {
                  if (batch.isEmpty()) {
                    int queued = queue.size();
                    parseHere = !wholeLog || queued >= 2;
                    hashHere = wholeLog && queued >= 4;
                  }
                  batch.add(
                      parse(
                          lineReader.buf,
                          lineReader.lineStart,
                          lineReader.lineEnd,
                          ++lines[0],
                          wholeLog,
                          parseHere,
                          hashHere));
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
          sink.accept(p);
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
  private static ParsedLeaf parse(
      byte[] buf,
      int start,
      int end,
      long lineNo,
      boolean wholeLog,
      boolean parseFields,
      boolean hash)
      throws UnreadableExportException {
    int t1 = indexOf(buf, start, end);
    int t2 = t1 < 0 ? -1 : indexOf(buf, t1 + 1, end);
    int t3 = t2 < 0 ? -1 : indexOf(buf, t2 + 1, end);
    if (t3 < 0 || t2 - t1 - 1 != 64 || t1 == start || t1 - start > 18) {
      throw malformedLine(lineNo);
    }
    long index = 0;
    boolean withheld = end - t3 == 2 && buf[t3 + 1] == '-';
    for (int i = start; i < t1; i++) {
      int digit = buf[i] - '0';
      if (digit < 0 || digit > 9) {
        throw malformedLine(lineNo);
      }
      index = index * 10 + digit;
    }
    byte[] stored = unhex(buf, t1 + 1, lineNo);
    // "-": the leaf's content is withheld from this reader; its hash alone is given
    byte[] data = withheld ? null : Arrays.copyOfRange(buf, t3 + 1, end);
    StoredLeaf leaf = new StoredLeaf(index, data, stored);
    if (wholeLog && withheld) {
      return new ParsedLeaf(leaf, null, null, null, null);
    }
    if (wholeLog && !parseFields) {
      return new ParsedLeaf(leaf, null, null, null, null, true);
    }
    if (wholeLog) {
      // the reading thread reads the leaf's fields, the checking thread hashes: two halves
      Leaf.Parsed parsed = null;
      String error = null;
      try {
        parsed = Leaf.parse(data);
      } catch (IllegalArgumentException e) {
        error = e.getMessage();
      }
      // and, while the checker is further behind, hashes it too (the same hash it would compute)
      return new ParsedLeaf(leaf, null, hash ? MerkleTree.leafHash(data) : null, parsed, error);
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
    return new ParsedLeaf(leaf, proof, null, null, null);
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
    return new Report(
        0,
        0,
        "",
        "",
        0,
        manifest.get("scope"),
        Optional.of(why),
        List.of(why),
        "",
        null,
        0,
        List.of());
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
    if (!ExportFormat.FORMAT.equals(m.get(ExportFormat.FORMAT_KEY))
        && !ExportFormat.FORMAT_1.equals(m.get(ExportFormat.FORMAT_KEY))) {
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

  private static Map<String, List<byte[]>> consistencyProofs(ZipFile zip)
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
