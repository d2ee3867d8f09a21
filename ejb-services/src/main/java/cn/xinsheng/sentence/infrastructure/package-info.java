/** The sentence record and its changes in the database, read for the engine. */
package cn.xinsheng.sentence.infrastructure;
