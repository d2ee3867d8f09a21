/**
 * The sentence record (this context's {@code sentence_record}, a case's performance and departure
 * from the rule) in the database, and each inmate's record assembled for the engine from it and the
 * other contexts' ports (the term, the history, the commendations); {@code SqlRecordedSentences}.
 */
package cn.xinsheng.sentence.infrastructure;
