/**
 * The ledger's documents (XLSX and PDF with the embedded Chinese font), its record bindings for the
 * audit log, and the SQL behind its ports (commendations, conduct, the working-day calendar), its
 * read side ({@code SqlLedgerReads}) and its repositories: month closes and cycles ({@code
 * SqlMonthCloses}, {@code SqlAssessmentCycles}), entries ({@code SqlPointEntries}), catalogues
 * ({@code SqlRuleCatalogues}), excusals from labour ({@code SqlLabourExcusals}) and objections
 * ({@code SqlObjections}).
 */
package cn.xinsheng.ledger.infrastructure;
