/** The ledger's documents: XLSX and PDF (with the embedded Chinese font). */
package cn.xinsheng.ledger.infrastructure;
