/**
 * The ledger's documents (XLSX and PDF with the embedded Chinese font), its record bindings for the
 * audit log, and the SQL behind its ports (commendations, the working-day calendar).
 */
package cn.xinsheng.ledger.infrastructure;
