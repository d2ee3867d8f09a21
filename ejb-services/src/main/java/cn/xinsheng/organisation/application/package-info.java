/**
 * Who may see which inmates: the section scoping lives here, not in the views. The port for the
 * context that changes a sentence: {@link cn.xinsheng.organisation.application.SentenceRecords}.
 */
package cn.xinsheng.organisation.application;
