/**
 * The eligibility calculator (issue 16): the facts as JSON in, the engine's answer out, nothing
 * written. The same code serves {@code POST /api/v1/eligibility/evaluate} and the offline {@code
 * bin/xinsheng eligibility evaluate FILE.json}, so both answer alike. The services that record a
 * sentence and apply the case law to a case ({@code SentenceService}, {@code CaseLaw}). Ports:
 * {@link cn.xinsheng.sentence.application.RecordedSentences} (the record in force, for other
 * contexts) and {@link cn.xinsheng.sentence.application.SentenceHistory} (the sentence's changes
 * and older facts), which this context owns and cases implement on their tables, so the engine
 * depends on nothing of cases.
 */
package cn.xinsheng.sentence.application;
