/**
 * Where cases live: {@link cn.xinsheng.cases.infrastructure.CaseStore} (the case repository in
 * MariaDB: cases, events, eligibility runs, committee meetings, sentence facts and changes), the
 * cases' side of the ledger's case-number port and of the sentence context's {@code
 * SentenceHistory} ({@code SqlSentenceHistory}), the cases' own ruling history port ({@code
 * SqlRulingHistory}), and the PDFs.
 */
package cn.xinsheng.cases.infrastructure;
