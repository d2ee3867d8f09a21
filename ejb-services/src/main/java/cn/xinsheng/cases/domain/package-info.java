/**
 * Sentence reduction and parole (减刑/假释), as plain Java: eligibility rules, the case and its steps
 * as a fold of events, and the repositories its records are stored in, one per job (ADR 0013):
 * {@link cn.xinsheng.cases.domain.CaseRepository}, {@link
 * cn.xinsheng.cases.domain.EligibilityRuns}, {@link cn.xinsheng.cases.domain.CommitteeMeetings} and
 * {@link cn.xinsheng.cases.domain.SentenceChangeLog}.
 */
package cn.xinsheng.cases.domain;
