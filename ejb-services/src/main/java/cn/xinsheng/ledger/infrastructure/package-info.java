/**
 * The ledger's documents (XLSX and PDF with the embedded Chinese font), its record bindings for the
 * audit log, and the SQL behind its ports (commendations, conduct, the working-day calendar), its
 * read side ({@code SqlLedgerReads}) and its month-close and cycle repositories ({@code
 * SqlMonthCloses}, {@code SqlAssessmentCycles}).
 */
package cn.xinsheng.ledger.infrastructure;
