/**
 * Who may see which inmates: the section scoping lives here, not in the views. The ports for other
 * contexts: {@link cn.xinsheng.organisation.application.SentenceRecords} (a sentence's end moved by
 * a ruling, the terms the eligibility run and the sentence engine count from, one inmate's term
 * with his offence category for the risk assessment) and {@link
 * cn.xinsheng.organisation.application.InmateDirectory} (names for the ids other contexts keep).
 */
package cn.xinsheng.organisation.application;
