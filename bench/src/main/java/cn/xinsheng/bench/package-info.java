/**
 * Benchmarks, run by {@code mvn -Pbench verify}: each reports a ratio against a baseline measured
 * in the same run (raw JDBC inserts, raw SHA-256, the O(n) textbook proof), never a timed
 * assertion.
 */
package cn.xinsheng.bench;
