package cn.xinsheng.audit.export;

/**
 * The audit export, version 2: a zip of plain text files, readable without Xinsheng.
 *
 * <pre>
 * manifest.txt            "key: value" lines: format, origin, created, scope, tree-size, entries.
 *                         Informative only: the verifier derives what the file proves from the
 *                         signed content, never from the manifest (which nobody signs)
 * keys/log.txt            the prison's verifier keys, oldest first (name+keyid+base64 key)
 * keys/witnesses.txt      the witnesses' cosignature verifier keys the prison lists
 * checkpoints/S.note      signed checkpoints (c2sp.org/tlog-checkpoint, signed-note) with every
 *                         witness cosignature the prison received for them
 *                         (c2sp.org/tlog-cosignature); S = tree size
 * proofs/consistency.txt  "from TAB to TAB proof": consistency proofs from each cosigned size
 *                         to the anchor
 * leaves.txt              "index TAB stored-hash TAB proof TAB leaf", one leaf a line; the leaf
 *                         is canonical JSON, of form 2 ({@link cn.xinsheng.audit.Leaf}) since
 *                         chains were introduced, of form 1 (the entry alone) before
 *                         or "-" when the leaf's content is withheld from the reader the export
 *                         was made for (issue 14): its hash alone, still proven in the tree
 * records.txt             "index TAB table TAB id TAB canonical-JSON": each business record a
 *                         leaf binds ({@link cn.xinsheng.audit.BoundRecord}), as the database
 *                         held it when the export was made ("-" when the row is gone), in the
 *                         order of the leaves that bind them
 * README.txt              how to verify (Chinese and English)
 * </pre>
 *
 * <p>Three scopes, told apart by the content. The whole log: every leaf from 0, proof "-" (the
 * verifier recomputes every signed root). One subject (an inmate): the leaves about him, each with
 * its inclusion proof against the anchor, ending at his head: an {@code audit.subject.head} entry
 * written when the export was made, the last leaf of the anchor's tree; the chain links in the
 * leaves prove that nothing between is left out. A range: leaves from a first to a last index, each
 * with its proof.
 *
 * <p>A case package (the files under {@code case/}) is one inmate's extract plus the files a court
 * receives:
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
 * when the export holds the whole log. The anchor is the checkpoint with the largest size; every
 * inclusion and consistency proof leads to it. Version 1 exports (no records.txt, leaves of form 1
 * only) are still read.
 */
public final class ExportFormat {

  public static final String FORMAT_KEY = "format";
  public static final String FORMAT = "xinsheng-audit-export/2";
  public static final String FORMAT_1 = "xinsheng-audit-export/1";
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
  static final String RECORDS = "records.txt";

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

            java -jar xinsheng-verify.jar 本文件.zip --key 监狱公钥.txt
            bin/xinsheng verify this-file.zip --trust 信任文件.txt [--witnesses 1]

        监狱公钥必须从导出文件之外取得：密钥仪式的书面记录，或检察院见证方保存的副本。
        没有 --key 或 --trust，验证程序不会判定通过：任何人都可以用自己的密钥重新签署一份日志。
        The prison's key must come from outside this file: the printed key-ceremony record, or the
        copy the procuratorate's witness keeps. Without --key or --trust the verifier does not
        pass: anyone can re-sign a log with a key of their own.

        验证程序逐条检查：每条记录的内容与其哈希、在默克尔树中的位置（RFC 6962 包含证明，或整份
        日志时重算每个签名检查点的根）、每条记录记下的前一条记录的哈希与其所属主体链、监狱的
        Ed25519 签名、检察院等见证方的联署签名及一致性证明，以及记录所绑定的业务数据（records.txt）
        是否仍与入账时相同。某一服刑人员的导出以其"链头"结束，从而证明其记录齐全。
        The verifier checks each entry's data against its hash, its place in the Merkle tree (an
        RFC 6962 inclusion proof, or for a whole log the root at every signed checkpoint), the hash
        each entry records of the one before it and its subject chains, the prison's Ed25519
        signatures, the witnesses' cosignatures and consistency proofs, and whether the business
        records the entries bind (records.txt) are still as they were logged. An export of one
        inmate ends at his head, which proves it holds all his entries.

        成功时输出 "verified N entries, tree size S, root R, signed by K (+W witnesses)" 及密钥指纹，
        以 0 退出；否则指出第一条不符的记录及其不符的方式（被改动、缺失、被插入、次序被调换、被截断），
        以 1 退出。
        On success it prints "verified N entries, tree size S, root R, signed by K (+W witnesses)"
        and the key's fingerprint, and exits 0; otherwise it names the first entry that differs and
        how (changed, missing, inserted, reordered, truncated), and exits 1.

        格式 / format: manifest.txt（仅供参考，不作为依据 / informative only), keys/, checkpoints/,
        proofs/, leaves.txt (index, stored hash, inclusion proof, leaf JSON), records.txt.
        """;
  }
}
