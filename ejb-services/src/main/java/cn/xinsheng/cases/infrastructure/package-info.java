/**
 * Where cases live, one repository per job in MariaDB: {@link
 * cn.xinsheng.cases.infrastructure.SqlCaseRepository} (cases, their events, attachments, cited
 * cycles and serials), {@link cn.xinsheng.cases.infrastructure.SqlEligibilityRuns} (runs, results
 * and the inmates' facts they rest on), {@link
 * cn.xinsheng.cases.infrastructure.SqlCommitteeMeetings} and {@link
 * cn.xinsheng.cases.infrastructure.SqlSentenceChangeLog} (a ruling's change of sentence, the older
 * facts); the cases' side of the ledger's case-number port and of the sentence context's {@code
 * SentenceHistory} ({@code SqlSentenceHistory}), the cases' own ruling history port ({@code
 * SqlRulingHistory}), and the PDFs.
 */
package cn.xinsheng.cases.infrastructure;
