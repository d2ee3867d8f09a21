/**
 * The ledger's services, the transaction and security boundary: recording, review, month close,
 * cycles, objections, the catalogue, and the read models of the screens. Ports for other contexts:
 * {@link cn.xinsheng.ledger.application.CommendationQueries} (commended cycles, cited cycles, an
 * inmate's entries for a case file) and {@link cn.xinsheng.ledger.application.PrisonCalendar} (the
 * working-day calendar). {@link cn.xinsheng.ledger.application.CaseReferences} is a port the ledger
 * owns and cases implement, so the ledger depends on nothing of cases.
 */
package cn.xinsheng.ledger.application;
