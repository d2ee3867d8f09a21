/**
 * Sentence reduction and parole (减刑/假释), as plain Java: eligibility rules, the case and its steps
 * as a fold of events, and {@link cn.xinsheng.cases.domain.CaseRepository}, the typed records the
 * cases are stored as (ADR 0013).
 */
package cn.xinsheng.cases.domain;
