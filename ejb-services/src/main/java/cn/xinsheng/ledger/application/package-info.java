/**
 * The ledger's services, the transaction and security boundary: recording, review, the month close
 * ({@code MonthComputation}, {@code MonthCloseSteps}), cycle grading ({@code CycleGrading}),
 * objections, the catalogue, and the read models of the screens ({@code ReviewQueues}, {@code
 * SectionLedgerQueries}, {@code InmateLedgerQueries}, {@code ObjectionQueries}, their SQL behind
 * {@code LedgerReads}). Ports for other contexts: {@link
 * cn.xinsheng.ledger.application.CommendationQueries} (commended cycles, cited cycles, an inmate's
 * entries for a case file, the praised inmates for the sentence engine), {@link
 * cn.xinsheng.ledger.application.ConductRecords} (approved points and standing sanctions, for the
 * risk assessment) and {@link cn.xinsheng.ledger.application.PrisonCalendar} (the working-day
 * calendar). {@link cn.xinsheng.ledger.application.CaseReferences} is a port the ledger owns and
 * cases implement, so the ledger depends on nothing of cases.
 */
package cn.xinsheng.ledger.application;
