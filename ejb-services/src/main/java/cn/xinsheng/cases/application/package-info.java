/**
 * The transaction and security boundary of reduction and parole cases, one service per job: the
 * proposal ({@code ProposalService}), the steps and returns ({@code StepService}, a granted
 * ruling's {@code SentenceChanges}), the committee, the posting's objections, the procuratorate,
 * the court, the lawyer, external findings, the case calendar; the read models (the file, the
 * lists, the noticeboard, the pickers of participants); the eligibility run and the case package.
 * Reads other contexts only through their ports (accounts, commendations, the calendar, evidence,
 * sentence ends), never their tables.
 */
package cn.xinsheng.cases.application;
