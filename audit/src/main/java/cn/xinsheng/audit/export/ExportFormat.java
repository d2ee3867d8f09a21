package cn.xinsheng.audit.export;

/**
 * The audit export, version 1: a zip of plain-text files, readable without Xinsheng.
 *
 * <pre>
 * manifest.txt            "key: value" lines: format, origin, created, scope, tree-size, entries
 * keys/log.txt            the prison's verifier keys, oldest first (name+keyid+base64 key)
 * keys/witnesses.txt      the witnesses' cosignature verifier keys
 * checkpoints/S.note      signed checkpoints (c2sp.org/tlog-checkpoint, signed-note), with any
 *                         witness cosignatures (c2sp.org/tlog-cosignature); S = tree size
 * proofs/consistency.txt  "from TAB to TAB proof": consistency proofs to the anchor
 * leaves.txt              "index TAB stored-hash TAB proof TAB canonical-JSON", one entry a line
 * README.txt              how to verify (Chinese and English)
 * </pre>
 *
 * <p>A case package (manifest line {@code package: xinsheng-case-package/1}) is such an extract
 * plus the files a court receives, under {@code case/}:
 *
 * <pre>
 * case/files.txt          "path TAB sha256 TAB size": every other file of the package
 * case/records.txt        "subject TAB index TAB canonical-JSON": each record as the prison's
 *                         database held it when the package was made; every field must equal the
 *                         same field of the payload of the log entry at that index
 * case/*.pdf              the proposal with its tables (and the posting notice)
 * case/evidence/SHA256    the evidence files, named by their SHA-256
 * </pre>
 *
 * Every file's SHA-256 must be listed among the evidence hashes of a verified log entry, so a file
 * cannot be swapped, and every evidence file a listed record names must be in the package (the PDFs
 * of earlier packages, named by their {@code case.package.produced} entries, excepted); the
 * verifier names every record and file that does not verify.
 *
 * <p>Hashes are lower-case hex; a proof is its hashes separated by commas, "." when empty, or "-"
 * when the export holds the whole log and the verifier recomputes every root instead. The anchor is
 * the checkpoint with the largest size; every inclusion and consistency proof leads to it.
 */
public final class ExportFormat {

  public static final String FORMAT_KEY = "format";
  public static final String FORMAT = "xinsheng-audit-export/1";
  public static final String SCOPE_ALL = "all";
  public static final String PACKAGE_KEY = "package";
  public static final String CASE_PACKAGE = "xinsheng-case-package/1";
  public static final String CASE_DIR = "case/";
  public static final String CASE_FILES = "case/files.txt";
  public static final String CASE_RECORDS = "case/records.txt";

  /** The action of the entry that records a package's making and its PDF's SHA-256. */
  public static final String PACKAGE_PRODUCED = "case.package.produced";

  static final String MANIFEST = "manifest.txt";
  static final String LOG_KEYS = "keys/log.txt";
  static final String WITNESS_KEYS = "keys/witnesses.txt";
  static final String CHECKPOINTS = "checkpoints/";
  static final String CONSISTENCY = "proofs/consistency.txt";
  static final String LEAVES = "leaves.txt";
  static final String README = "README.txt";

  private ExportFormat() {}

  static String checkpointEntry(long size) {
    return CHECKPOINTS + size + ".note";
  }

  static String readme() {
    return """
        新生 审计日志导出 / Xinsheng audit-log export
        ============================================

        本文件可在任何装有 Java 17 或更高版本的电脑上离线验证，无需联网，也无需新生平台：
        This file can be verified offline on any computer with Java 17 or newer, with no network
        and without the Xinsheng platform:

            java -jar xinsheng-verify.jar 本文件.zip [--key 监狱公钥.txt]
            bin/xinsheng verify this-file.zip [--key prison-key.txt]

        验证程序逐条检查：每条记录的内容与其哈希、记录在默克尔树中的位置（RFC 6962 包含证明，或
        整份日志时逐个重算每个签名检查点的根）、监狱的 Ed25519 签名（含密钥轮换时新旧密钥的共同签名）、
        以及检察院等见证方的联署签名与一致性证明。成功时输出
        "verified N entries, tree size S, root R, signed by K (+W witnesses)" 并以 0 退出；
        任何一条记录不符时，指出第一条不符的记录并以 1 退出。

        The verifier checks every entry's data against its hash, its place in the Merkle tree (an
        RFC 6962 inclusion proof, or for a whole log the root at every signed checkpoint), the
        prison's Ed25519 signatures (with the old and new key both signing at a key rotation), and
        the witnesses' cosignatures and consistency proofs. On success it prints
        "verified N entries, tree size S, root R, signed by K (+W witnesses)" and exits 0; otherwise
        it names the first entry that does not verify and exits 1.

        请将 K 与监狱公布的公钥（管理页"审计日志"或 /api/v1/audit/key）比对，或用 --key 指定。
        Compare K with the key the prison publishes (admin page "Audit log", /api/v1/audit/key), or
        pin it with --key.

        格式 / format: manifest.txt, keys/, checkpoints/, proofs/, leaves.txt (tab-separated:
        index, stored hash, inclusion proof, canonical JSON of the event).
        """;
  }
}
